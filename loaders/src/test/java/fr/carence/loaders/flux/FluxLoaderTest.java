package fr.carence.loaders.flux;

import static fr.carence.loaders.flux.LoaderAssertions.assertRejected;
import static fr.carence.loaders.flux.LoaderAssertions.context;
import static fr.carence.loaders.flux.LoaderAssertions.loadReference;
import static fr.carence.loaders.flux.LoaderAssertions.snapshot;
import static fr.carence.loaders.flux.LoaderAssertions.variant;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import fr.carence.loaders.core.LoadReport;
import fr.carence.loaders.core.TestFiles;
import fr.carence.store.Feature;
import fr.carence.store.FeatureCursor;
import fr.carence.store.FeatureQuery;
import fr.carence.store.FeatureStore;
import fr.carence.store.testing.MemoryFeatureStore;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FluxLoaderTest {

    private static final String LAYER = FluxLoader.LAYER;
    private final FluxLoader loader = new FluxLoader();
    private FeatureStore store;

    @TempDir
    Path tmp;

    @BeforeEach
    void reference() {
        store = new MemoryFeatureStore();
        loadReference(store);
    }

    private static Path fixture(String name) {
        return TestFiles.resource("flux/" + name);
    }

    private Map<String, Double> fluxById() {
        Map<String, Double> out = new HashMap<>();
        try (FeatureCursor c = store.query(LAYER, FeatureQuery.all())) {
            while (c.hasNext()) {
                Feature f = c.next();
                out.put(f.id(), (Double) f.get("flux"));
            }
        }
        return out;
    }

    @Test
    void detailFileIsAggregatedByPairAndModeWithNormalisedCodes() {
        LoadReport report = loader.load(List.of(fixture("fixture-fd-mobpro.csv")), context(store));

        Map<String, Double> flux = fluxById();
        assertThat(flux).containsEntry("12145>12145>tous", 3.75)
                .containsEntry("12145>12145>voiture", 1.5)
                .containsEntry("12145>12145>marche", 2.25)
                .containsEntry("12202>12145>transports_en_commun", 4.5)
                .containsEntry("12202>12145>tous", 5.0)
                .containsEntry("12218>12145>velo", 1.0)        // Conques (12076) merged into Conques-en-Rouergue
                .containsEntry("12145>75056>transports_en_commun", 2.0); // Paris 8e -> Paris
        assertThat(flux).hasSize(12);
        assertThat(flux.keySet()).noneMatch(id -> id.contains("99999"));
        assertThat(report.unknownCodes()).containsOnlyKeys("99999");
        assertThat(report.warnings()).anyMatch(w -> w.startsWith("0.8 actifs pondérés écartés"));
        assertThat(report.featuresWritten(LAYER)).isEqualTo(12);
        Feature any = store.query(LAYER, FeatureQuery.all()).next();
        assertThat(any.get("source")).isEqualTo("FD_MOBPRO");
    }

    private Map<String, Double> actifsById() {
        Map<String, Double> out = new HashMap<>();
        try (FeatureCursor c = store.query(FluxLoader.LAYER_CS1, FeatureQuery.all())) {
            while (c.hasNext()) {
                Feature f = c.next();
                out.put(f.id(), (Double) f.get("actifs"));
            }
        }
        return out;
    }

    @Test
    void detailFileWithCs1GivesTheResidentsCategoriesAndTheSameFlows() {
        loader.load(List.of(fixture("fixture-fd-mobpro.csv")), context(store));
        List<String> flowsWithoutCs1 = snapshot(store, LAYER);
        assertThat(store.count(FluxLoader.LAYER_CS1, FeatureQuery.all())).isZero();  // no CS1 column: an empty layer

        LoadReport report = loader.load(List.of(fixture("fixture-fd-mobpro-cs1.csv")), context(store));
        assertThat(snapshot(store, LAYER)).isEqualTo(flowsWithoutCs1);
        // made-up fixture, by hand: Millau cadres 1.5 + 3 + 0.75 (working abroad: still a Millau resident),
        // ouvriers 2.25, professions intermédiaires 2; Rodez employés 4.5 + 0.5; Conques (12076) → 12218
        assertThat(actifsById()).containsOnly(Map.entry("12145>3", 5.25), Map.entry("12145>6", 2.25),
                Map.entry("12145>4", 2.0), Map.entry("12202>5", 5.0), Map.entry("12218>1", 1.0));
        assertThat(report.featuresWritten(FluxLoader.LAYER_CS1)).isEqualTo(5);
        Feature any = store.query(FluxLoader.LAYER_CS1, FeatureQuery.all()).next();
        assertThat(any.get("source")).isEqualTo("FD_MOBPRO");
        assertThat(any.get("cs1")).isInstanceOf(Integer.class);

        // reloading a file without CS1 empties the categories: never those of an earlier file
        loader.load(List.of(fixture("fixture-fd-mobpro.csv")), context(store));
        assertThat(store.count(FluxLoader.LAYER_CS1, FeatureQuery.all())).isZero();
    }

    @Test
    void cs1OutsideOneToSixIsRejectedAndNothingIsReplaced() {
        loader.load(List.of(fixture("fixture-fd-mobpro-cs1.csv")), context(store));
        List<String> categories = snapshot(store, FluxLoader.LAYER_CS1);
        Path f = variant(fixture("fixture-fd-mobpro-cs1.csv"), tmp, "cs1.csv", s -> s.replace(";2;6;5;76", ";2;6;8;76"));
        assertRejected(loader, List.of(f), store, Map.of(), LAYER, "cs1.csv, ligne 5", "champ « CS1 »",
                "catégorie socioprofessionnelle « 8 » inconnue");
        assertThat(snapshot(store, FluxLoader.LAYER_CS1)).isEqualTo(categories);
    }

    @Test
    void decimalCommaWeightsGiveTheSameFlows() {
        loader.load(List.of(fixture("fixture-fd-mobpro.csv")), context(store));
        List<String> withPoint = snapshot(store, LAYER);
        loader.load(List.of(fixture("fixture-fd-mobpro-virgule.csv")), context(store));
        assertThat(snapshot(store, LAYER)).isEqualTo(withPoint);
    }

    @Test
    void aggregatedBaseGivesAllModesRowsWithTheYearFromTheHeader() {
        LoadReport report = loader.load(List.of(fixture("fixture-base-flux.csv")), context(store));

        assertThat(fluxById()).containsOnly(Map.entry("12145>12145>tous", 8600.5),
                Map.entry("12202>12145>tous", 120.25), Map.entry("12218>12145>tous", 10.0));
        assertThat(store.query(LAYER, FeatureQuery.all()).next().get("source")).isEqualTo("base flux de mobilité 2020");
        assertThat(store.info(LAYER).orElseThrow().source().vintage()).isEqualTo("RP 2020");
        assertThat(report.unknownCodes()).containsOnlyKeys("99999");
    }

    @Test
    void latin1BaseLoadsLikeTheUtf8One() {
        loader.load(List.of(fixture("fixture-base-flux.csv")), context(store));
        List<String> utf8 = snapshot(store, LAYER);
        loader.load(List.of(fixture("fixture-base-flux-latin1.csv")), context(store));
        assertThat(snapshot(store, LAYER)).isEqualTo(utf8);
    }

    @Test
    void realMillauExtractMatchesSourceTotalsAndTheDerivedOdFile() throws Exception {
        Path detail = TestFiles.sharedData("commuting-flows/fd-mobpro-2017-cc-millau-grands-causses.csv");
        LoadReport report = loader.load(List.of(detail), context(store));

        double kept = 0;
        int pairs = 0;
        Map<String, Double> byMode = new HashMap<>();
        try (FeatureCursor c = store.query(LAYER, FeatureQuery.all())) {
            while (c.hasNext()) {
                Feature f = c.next();
                if (f.get("mode").equals("tous")) {
                    kept += (Double) f.get("flux");
                    pairs++;
                } else {
                    byMode.merge((String) f.get("mode"), (Double) f.get("flux"), Double::sum);
                }
            }
        }
        assertThat(report.rowsRead()).isEqualTo(7_549);
        assertThat(store.info(LAYER).orElseThrow().source().vintage()).isEqualTo("RP 2017");
        // the committed extract has COMMUNE, DCLT, IPONDI, TRANS only (SOURCE.md): no category to load
        assertThat(store.schema(FluxLoader.LAYER_CS1)).isPresent();
        assertThat(store.count(FluxLoader.LAYER_CS1, FeatureQuery.all())).isZero();

        // The derived OD file (raw codes, 434 pairs) mapped through the same COG history must give the
        // same pairs and totals; only its pairs with an unknown code (abroad: 99999) are left out.
        var codes = context(store).communeCodes();
        Map<String, Double> expected = new HashMap<>();
        double unknown = 0;
        List<String> lines = Files.readAllLines(TestFiles.sharedData("commuting-flows/flux-od-mobpro-2017-cc-millau-grands-causses.csv"),
                StandardCharsets.UTF_8);
        assertThat(lines).hasSize(435);
        for (String line : lines.subList(1, lines.size())) {
            String[] v = line.split(",");
            var r = codes.normalise(v[0]);
            var w = codes.normalise(v[2]);
            if (r.isEmpty() || w.isEmpty()) {
                unknown += Double.parseDouble(v[4]);
            } else {
                expected.merge(r.get() + ">" + w.get(), Double.parseDouble(v[4]), Double::sum);
            }
        }
        assertThat(pairs).isEqualTo(expected.size());
        assertThat(kept + unknown).isCloseTo(22_777, within(0.5));   // Σ IPONDI per SOURCE.md
        assertThat(kept).isCloseTo(expected.values().stream().mapToDouble(Double::doubleValue).sum(), within(0.01));
        Map<String, Double> flux = fluxById();
        expected.forEach((pair, total) -> assertThat(flux.get(pair + ">tous")).as(pair).isCloseTo(total, within(0.002)));
        assertThat(report.unknownCodes()).containsOnlyKeys("99999");
        assertThat(byMode.values().stream().mapToDouble(Double::doubleValue).sum()).isCloseTo(kept, within(0.01));
        assertThat(byMode.get("voiture")).isGreaterThan(byMode.get("transports_en_commun"));
    }

    // --- bad input: one clear error naming file, line and field; the layer is left as it was

    private void loadGood() {
        loader.load(List.of(fixture("fixture-fd-mobpro.csv")), context(store));
    }

    @Test
    void truncatedFileIsRejected() {
        loadGood();
        Path f = variant(fixture("fixture-fd-mobpro.csv"), tmp, "tronque.csv", s -> s.substring(0, s.lastIndexOf(";35;")));
        assertRejected(loader, List.of(f), store, Map.of(), LAYER, "ligne 9", "champs au lieu de 8");
    }

    @Test
    void wrongSeparatorIsRejected() {
        loadGood();
        Path f = variant(fixture("fixture-fd-mobpro.csv"), tmp, "tabulations.csv", s -> s.replace(';', '\t'));
        assertRejected(loader, List.of(f), store, Map.of(), LAYER, "ligne 1", "séparateur « tabulation »");
    }

    @Test
    void missingRequiredColumnIsRejected() {
        loadGood();
        Path f = variant(fixture("fixture-fd-mobpro.csv"), tmp, "sans-trans.csv", s -> s.replace(";TRANS;", ";MODE;"));
        assertRejected(loader, List.of(f), store, Map.of(), LAYER, "ligne 1", "champ « TRANS »", "colonne obligatoire absente");
    }

    @Test
    void duplicatePairInTheAggregatedBaseIsRejected() {
        loadGood();
        Path f = variant(fixture("fixture-base-flux.csv"), tmp, "doublon.csv", s -> s + "12202;Rodez;12145;Millau;1\n");
        assertRejected(loader, List.of(f), store, Map.of(), LAYER, "ligne 6", "champ « DCLT »", "en double (déjà ligne 3)");
    }

    @Test
    void negativeWeightIsRejected() {
        loadGood();
        Path f = variant(fixture("fixture-fd-mobpro.csv"), tmp, "negatif.csv", s -> s.replace(";3;1;5;", ";-3;1;5;"));
        assertRejected(loader, List.of(f), store, Map.of(), LAYER, "ligne 4", "champ « IPONDI »", "négative");
    }

    @Test
    void nonNumericWeightIsRejected() {
        loadGood();
        Path f = variant(fixture("fixture-fd-mobpro.csv"), tmp, "texte.csv", s -> s.replace(";4.5;", ";quatre;"));
        assertRejected(loader, List.of(f), store, Map.of(), LAYER, "ligne 5", "champ « IPONDI »", "nombre attendu");
    }

    @Test
    void transCodeOutsideTheNomenclatureIsRejected() {
        loadGood();
        Path f = variant(fixture("fixture-fd-mobpro.csv"), tmp, "trans.csv", s -> s.replace(";1;3;76", ";1;7;76"));
        assertRejected(loader, List.of(f), store, Map.of(), LAYER, "ligne 7", "champ « TRANS »", "code « 7 » absent de la nomenclature");
    }

    @Test
    void customTransNomenclatureIsConfiguration() throws Exception {
        Path mapping = tmp.resolve("trans-rp-sept.properties");
        Files.writeString(mapping, "1=pas_de_transport\n2=marche\n3=velo\n4=deux_roues_motorises\n5=voiture\n6=transports_en_commun\n7=velo\n");
        Path f = variant(fixture("fixture-fd-mobpro.csv"), tmp, "trans.csv", s -> s.replace(";1;3;76", ";1;7;76"));
        loader.load(List.of(f), context(store, Map.of("trans", mapping.toString())));
        assertThat(fluxById()).containsEntry("12218>12145>velo", 1.0);
    }

    @Test
    void emptyFileIsRejected() throws Exception {
        loadGood();
        Path f = Files.writeString(tmp.resolve("vide.csv"), "");
        assertRejected(loader, List.of(f), store, Map.of(), LAYER, "fichier vide");
    }

    @Test
    void unknownCommuneCodesAreCountedNotLoaded() {
        Path f = variant(fixture("fixture-fd-mobpro.csv"), tmp, "inconnus.csv", s -> s.replace("12202;ZZZZZ;12145;45", "12999;ZZZZZ;12145;45"));
        LoadReport report = loader.load(List.of(f), context(store));
        assertThat(report.unknownCodes()).containsOnlyKeys("12999", "99999");
        assertThat(fluxById()).containsEntry("12202>12145>tous", 4.5);
    }
}
