package fr.carence.analysis.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import fr.carence.analysis.scenario.ScenarioRecord;
import fr.carence.analysis.scenario.ScenarioService;
import fr.carence.analysis.step.TeleworkShare;
import fr.carence.loaders.core.LoadContext;
import fr.carence.loaders.core.Progress;
import fr.carence.loaders.flux.FluxLoader;
import fr.carence.loaders.sample.OccitanieSample;
import fr.carence.store.Feature;
import fr.carence.store.FeatureCursor;
import fr.carence.store.FeatureQuery;
import fr.carence.store.FeatureStore;
import fr.carence.store.filter.Filter;
import fr.carence.store.testing.BothStores;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The teleworkable share of {@code indicateurs_communes} from what the {@code flux} loader stored,
 * on H2GIS and PostGIS: the committed real Millau extract (no CS1 column: régional table, else the
 * national value) and a made-up FD_MOBPRO file with CS1 (per-commune share from the categories
 * where the commune's own flows are used).
 */
class TeleworkShareScenarioTest {

    static final String MILLAU = "12145";
    static final String CREISSELS = "12084";
    static final String RODEZ = "12202";

    @org.junit.jupiter.api.io.TempDir
    Path tmp;

    private static Map<String, Feature> indicators(FeatureStore store, String scenario) {
        Map<String, Feature> out = new HashMap<>();
        try (FeatureCursor c = store.query(ResultLayers.INDICATEURS, FeatureQuery.all().withFilter(
                new Filter.Compare(ResultLayers.PARTITION, Filter.ComparisonOperator.EQ, scenario)))) {
            c.forEachRemaining(f -> out.put((String) f.get("code"), f));
        }
        return out;
    }

    private static ScenarioRecord run(ScenarioService service, String id) throws Exception {
        service.submit(id, id, Map.of());
        assertThat(service.await(id, 300_000)).isTrue();
        ScenarioRecord r = service.get(id).orElseThrow();
        assertThat(r.statut()).as(r.message()).isEqualTo(ScenarioRecord.TERMINE);
        return r;
    }

    @BothStores
    void shareFromTheLoadedCategoriesElseTheNationalValue(FeatureStore store) throws Exception {
        OccitanieSample.loadInto(store, Progress.silent());
        try (ScenarioService service = new ScenarioService(store, 1, 4, null)) {
            // the real extract (COMMUNE, DCLT, IPONDI, TRANS: no CS1, SOURCE.md): Millau's own flows are used
            // (15,358 weighted commuters ≥ 0.5 × 0.40 × 22,044) but no category is loaded, and Occitanie has
            // no verified régional figure, so the national 0.39
            assertThat(store.count(FluxLoader.LAYER_CS1, FeatureQuery.all())).isZero();
            ScenarioRecord real = run(service, "reel");
            Map<String, Feature> ind = indicators(store, "reel");
            for (String code : List.of(MILLAU, CREISSELS, RODEZ)) {
                assertThat((Double) ind.get(code).get("part_teletravaillable")).as(code).isEqualTo(0.39);
                assertThat(ind.get(code).get("source_part_teletravaillable")).as(code).isEqualTo(TeleworkShare.SOURCE_NATIONAL);
            }
            assertThat(real.resume().nbCommunes()).isEqualTo(ind.size());

            // made-up FD_MOBPRO extract with CS1 (real INSEE layout: ';', COMMUNE, DCLT, IPONDI, TRANS, CS1)
            Path fixture = Files.writeString(tmp.resolve("fixture-fd-mobpro-2017-cs1.csv"), String.join("\n",
                    "COMMUNE;DCLT;IPONDI;TRANS;CS1",
                    "12145;12145;2000;5;3",
                    "12145;12145;1500;5;6",
                    "12145;12084;1000;5;5",
                    "12145;12202;500;5;4",
                    "12145;99999;100;5;3",
                    "12084;12145;300;5;1",
                    "12084;12145;100;5;2",
                    "12202;12145;10;5;3") + "\n");
            new FluxLoader().load(List.of(fixture), LoadContext.of(store, Progress.silent()));
            ScenarioRecord detail = run(service, "detail");
            ind = indicators(store, "detail");
            // Millau (5,000 commuters to known communes ≥ 0.5 × 0.40 × 22,044 = 4,409: own flows used):
            // cadres 2,100 (100 working abroad), prof. intermédiaires 500, employés 1,000, ouvriers 1,500:
            // (2,100×0.72 + 500×0.48 + 1,000×0.36 + 1,500×0.02) / 5,100 = 2,142 / 5,100 = 0.42
            assertThat((Double) ind.get(MILLAU).get("part_teletravaillable")).isCloseTo(0.42, within(1e-9));
            assertThat(ind.get(MILLAU).get("source_part_teletravaillable")).isEqualTo(TeleworkShare.SOURCE_DETAIL);
            // Creissels (400 ≥ 0.5 × 0.40 × 1,568 = 314): agriculteurs 300, artisans 100: (9 + 33) / 400 = 0.105
            assertThat((Double) ind.get(CREISSELS).get("part_teletravaillable")).isCloseTo(0.105, within(1e-9));
            // Rodez: 10 commuters of ≈ 9,600 employed residents, its flows are modelled, so is its share
            assertThat((Double) ind.get(RODEZ).get("part_teletravaillable")).isEqualTo(0.39);
            assertThat(ind.get(RODEZ).get("source_part_teletravaillable")).isEqualTo(TeleworkShare.SOURCE_NATIONAL);
            // the categories are an input of the run
            assertThat(detail.provenance()).extracting(InputVersion::couche).contains(FluxLoader.LAYER_CS1);
        }
    }
}
