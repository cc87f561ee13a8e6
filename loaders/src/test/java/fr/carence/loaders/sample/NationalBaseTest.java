package fr.carence.loaders.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import fr.carence.loaders.core.DatasetLoaders;
import fr.carence.loaders.core.LoadException;
import fr.carence.loaders.core.Progress;
import fr.carence.loaders.core.TestFiles;
import fr.carence.store.testing.MemoryFeatureStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The national manifest names loaders that exist and files that exist in shared/data; a wrong directory loads nothing. */
class NationalBaseTest {

    @Test
    void manifestListsKnownDatasetsWhoseFilesExist() {
        Path data = TestFiles.sharedData("frr").getParent();
        List<SampleManifest.Entry> entries = NationalBase.manifest().entries();
        assertThat(entries.get(0).dataset()).isEqualTo("admin");
        assertThat(entries).extracting(SampleManifest.Entry::dataset).contains("communes", "thd", "fragilite-frr",
                "fragilite-qpv-perimetre", "lieux");
        for (SampleManifest.Entry e : entries) {
            assertThat(DatasetLoaders.byKey(e.dataset())).as(e.dataset()).isPresent();
            for (String f : e.resources()) {
                assertThat(Files.isRegularFile(data.resolve(f))).as(f).isTrue();
            }
        }
    }

    @Test
    void aDirectoryWithoutTheFilesLoadsNothing(@TempDir Path empty) {
        MemoryFeatureStore store = new MemoryFeatureStore();
        LoadException e = catchThrowableOfType(LoadException.class, () -> NationalBase.loadInto(store, empty, Progress.silent()));
        assertThat(e.getMessage()).contains("base nationale : fichiers absents", "communes-population/communes.json.gz");
        assertThat(store.layerNames()).isEmpty();
    }
}
