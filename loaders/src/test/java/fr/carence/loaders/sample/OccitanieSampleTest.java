package fr.carence.loaders.sample;

import static org.assertj.core.api.Assertions.assertThat;

import fr.carence.loaders.core.LoadReport;
import fr.carence.loaders.core.Progress;
import fr.carence.store.Feature;
import fr.carence.store.FeatureCursor;
import fr.carence.store.FeatureQuery;
import fr.carence.store.FeatureStore;
import fr.carence.store.testing.BothStores;
import java.util.List;
import org.junit.jupiter.api.Test;

class OccitanieSampleTest {

    @Test
    void manifestStartsWithTheReferenceData() {
        List<SampleManifest.Entry> entries = OccitanieSample.manifest().entries();
        assertThat(entries.get(0).dataset()).isEqualTo("admin");
        assertThat(entries).extracting(SampleManifest.Entry::dataset).contains("limites", "communes");
    }

    @BothStores
    void loadsEveryDatasetOfTheSample(FeatureStore store) {
        List<LoadReport> reports = OccitanieSample.loadInto(store, Progress.silent());

        assertThat(reports).extracting(LoadReport::dataset).startsWith("admin", "limites", "communes");
        assertThat(store.count("communes_insee", FeatureQuery.all())).isEqualTo(4_446);
        assertThat(store.count("communes", FeatureQuery.all())).isEqualTo(4_446);
        assertThat(store.count("departements", FeatureQuery.all())).isEqualTo(101);
        assertThat(store.count("regions", FeatureQuery.all())).isEqualTo(18);
        try (FeatureCursor c = store.query("communes", FeatureQuery.all())) {
            while (c.hasNext()) {
                Feature f = c.next();
                assertThat(f.get("reg")).as(f.id()).isEqualTo("76");
            }
        }
    }
}
