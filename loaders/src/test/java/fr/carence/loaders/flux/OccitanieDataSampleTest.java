package fr.carence.loaders.flux;

import static org.assertj.core.api.Assertions.assertThat;

import fr.carence.loaders.core.LoadReport;
import fr.carence.loaders.core.Progress;
import fr.carence.loaders.sample.OccitanieSample;
import fr.carence.loaders.sample.SampleManifest;
import fr.carence.store.FeatureQuery;
import fr.carence.store.FeatureStore;
import fr.carence.store.testing.MemoryFeatureStore;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The data loaders' part of the committed Occitanie sample loads through the manifest. */
class OccitanieDataSampleTest {

    @Test
    void manifestListsTheDataDatasetsAfterTheReference() {
        List<String> keys = OccitanieSample.manifest().entries().stream().map(SampleManifest.Entry::dataset).toList();
        assertThat(keys.indexOf("flux")).isGreaterThan(keys.indexOf("communes")).isGreaterThan(keys.indexOf("admin"));
        assertThat(keys).contains("thd", "fragilite-densite", "fragilite-montagne", "fragilite-massifs", "fragilite-ruralite",
                "fragilite-centralite", "fragilite-zrr", "fragilite-zrr-perimetre", "fragilite-qpv", "fragilite-frr", "fragilite-qpv-perimetre", "lieux");
    }

    @Test
    void sampleLoadsEveryDataLayer() {
        FeatureStore store = new MemoryFeatureStore();
        Map<String, LoadReport> reports = OccitanieSample.loadInto(store, Progress.silent()).stream()
                .collect(Collectors.toMap(LoadReport::dataset, Function.identity()));

        assertThat(count(store, "couverture_thd")).isEqualTo(4_446);
        assertThat(reports.get("thd").unknownCodes()).isEmpty();
        assertThat(count(store, "grille_densite")).isEqualTo(4_446);
        assertThat(count(store, "ruralite")).isEqualTo(4_446);
        assertThat(count(store, "centralite")).isEqualTo(4_446);
        assertThat(count(store, "zone_montagne")).isEqualTo(2_052);
        assertThat(count(store, "massifs")).isEqualTo(9);
        assertThat(count(store, "zrr")).isEqualTo(3_310);
        assertThat(count(store, "zrr_perimetre")).isEqualTo(1);
        assertThat(count(store, "qpv_communes")).isEqualTo(54);
        // SOURCE.md of shared/data/frr: Occitanie 930 non classées + 2,787 + 555 + 173 + 1 = 4,446
        assertThat(count(store, "frr")).isEqualTo(4_446);
        // shared/data/qpv-2015-occitanie: 105 perimeters
        assertThat(count(store, "qpv_perimetres")).isEqualTo(105);
        assertThat(count(store, "lieux_existants")).isEqualTo(73);
        // Millau flows: workplaces outside Occitanie are unknown to the Occitanie-only reference.
        assertThat(reports.get("flux").rowsRead()).isEqualTo(7_549);
        assertThat(reports.get("flux").unknownCodes()).containsKey("99999").containsKey("75108");
        assertThat(count(store, "flux_domicile_travail")).isGreaterThan(400);
    }

    private static long count(FeatureStore store, String layer) {
        return store.count(layer, FeatureQuery.all());
    }
}
