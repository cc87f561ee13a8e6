package fr.carence.loaders.communes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.carence.loaders.core.LoadContext;
import fr.carence.loaders.core.LoadException;
import fr.carence.loaders.core.LoadReport;
import fr.carence.loaders.core.Progress;
import fr.carence.loaders.core.TestFiles;
import fr.carence.loaders.testing.LayerSnapshot;
import fr.carence.store.FeatureStore;
import fr.carence.store.testing.BothStores;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;

class LimitesLoaderTest {

    @TempDir
    Path dir;

    private static List<Path> national() {
        return List.of(TestFiles.sharedData("communes-geometry/departements-2018-avec-outre-mer.geojson.gz"),
                TestFiles.sharedData("communes-geometry/regions-2018-avec-outre-mer.geojson.gz"));
    }

    @BothStores
    void loadsTheNationalBoundaries(FeatureStore store) {
        LoadReport report = new LimitesLoader().load(national(), LoadContext.of(store, Progress.silent()));
        assertThat(report.featuresWritten("departements")).isEqualTo(101);
        assertThat(report.featuresWritten("regions")).isEqualTo(18);
        assertThat(store.extent("departements").orElseThrow().getMinX()).isLessThan(0); // overseas, far west of Lambert-93's origin
    }

    @BothStores
    void duplicateCodeFailsAndLeavesBothLayersUnchanged(FeatureStore store) throws IOException {
        new LimitesLoader().load(national(), LoadContext.of(store, Progress.silent()));
        List<String> deps = LayerSnapshot.of(store, "departements");
        List<String> regs = LayerSnapshot.of(store, "regions");
        Path bad = dir.resolve("departements-fixture-doublon.geojson");
        Files.writeString(bad, """
                {"type":"FeatureCollection","features":[
                {"type":"Feature","properties":{"code":"12","nom":"Aveyron"},"geometry":{"type":"Polygon","coordinates":[[[2.5,44],[3,44],[3,44.5],[2.5,44]]]}},
                {"type":"Feature","properties":{"code":"12","nom":"Aveyron bis"},"geometry":{"type":"Polygon","coordinates":[[[3,44],[3.5,44],[3.5,44.5],[3,44]]]}}
                ]}
                """);
        Path regions = TestFiles.sharedData("communes-geometry/regions-2018-avec-outre-mer.geojson.gz");
        assertThatThrownBy(() -> new LimitesLoader().load(List.of(regions, bad), LoadContext.of(store, Progress.silent())))
                .isInstanceOf(LoadException.class)
                .hasMessage("departements-fixture-doublon.geojson, entité n° 1 (12), champ « code » : code en double (déjà à l'entité n° 0)");
        assertThat(LayerSnapshot.of(store, "departements")).isEqualTo(deps);
        assertThat(LayerSnapshot.of(store, "regions")).isEqualTo(regs);
    }

    @BothStores
    void unrecognisedFileName(FeatureStore store) throws IOException {
        Path p = Files.writeString(dir.resolve("fixture-cantons.geojson"), "{}");
        assertThatThrownBy(() -> new LimitesLoader().load(List.of(p), LoadContext.of(store, Progress.silent())))
                .isInstanceOf(LoadException.class)
                .hasMessage("fixture-cantons.geojson : couche non reconnue : le nom du fichier doit commencer par « departement » ou « region »");
    }
}
