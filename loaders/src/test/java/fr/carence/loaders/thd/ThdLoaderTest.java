package fr.carence.loaders.thd;

import static fr.carence.loaders.flux.LoaderAssertions.assertRejected;
import static fr.carence.loaders.flux.LoaderAssertions.context;
import static fr.carence.loaders.flux.LoaderAssertions.loadReference;
import static fr.carence.loaders.flux.LoaderAssertions.variant;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import fr.carence.loaders.core.LoadReport;
import fr.carence.loaders.core.Progress;
import fr.carence.loaders.core.TestFiles;
import fr.carence.loaders.thd.ArcepLayout.FileSection;
import fr.carence.loaders.thd.ArcepLayout.Measure;
import fr.carence.store.Feature;
import fr.carence.store.FeatureCursor;
import fr.carence.store.FeatureQuery;
import fr.carence.store.FeatureStore;
import fr.carence.store.testing.MemoryFeatureStore;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ThdLoaderTest {

    private static final String LAYER = ThdLoader.LAYER;
    private final ThdLoader loader = new ThdLoader();
    private FeatureStore store;

    @TempDir
    Path tmp;

    @BeforeEach
    void reference() {
        store = new MemoryFeatureStore();
        loadReference(store);
    }

    private static Path fixture(String name) {
        return TestFiles.resource("thd/" + name);
    }

    private List<Path> fixtures() {
        return List.of(fixture("fixture-arcep-communes.csv"), fixture("fixture-arcep-ftth.csv"));
    }

    private Map<String, Feature> features() {
        Map<String, Feature> out = new TreeMap<>();
        try (FeatureCursor c = store.query(LAYER, FeatureQuery.all())) {
            while (c.hasNext()) {
                Feature f = c.next();
                out.put(f.id(), f);
            }
        }
        return out;
    }

    @Test
    void layoutIsRecognisedAndMergedCommunesAreSummed() {
        // files given in either order: matched to the layout's sections by their header
        LoadReport report = loader.load(List.of(fixture("fixture-arcep-ftth.csv"), fixture("fixture-arcep-communes.csv")), context(store));

        Map<String, Feature> f = features();
        assertThat(f).containsOnlyKeys("12145", "12218");
        Feature millau = f.get("12145");
        assertThat(millau.get("locaux")).isEqualTo(15_250.0);            // "13 400" + "1 850" (no-break spaces)
        assertThat(millau.get("locaux_raccordables")).isEqualTo(12_000.0); // T1 2018 column
        assertThat((Double) millau.get("taux_ftth")).isCloseTo(12_000 / 15_250.0, within(1e-9));
        assertThat(millau.get("categorie")).isEqualTo(80);               // published class kept for an unchanged commune
        assertThat(millau.get("millesime")).isEqualTo("2018T1");
        Feature conques = f.get("12218");                                // 12076 + 12114 + 12173 ("-" = 0)
        assertThat(conques.get("locaux")).isEqualTo(620.0);
        assertThat(conques.get("locaux_raccordables")).isEqualTo(100.0);
        assertThat(conques.get("categorie")).isEqualTo(10);              // recomputed: 16 % -> 10–25 %
        assertThat(report.unknownCodes()).containsOnlyKeys("12999");
        assertThat(store.info(LAYER).orElseThrow().source().vintage()).isEqualTo("ARCEP 2018T1");
    }

    @Test
    void namedVintageAndCustomLayoutFileWork() throws Exception {
        loader.load(fixtures(), context(store, Map.of("vintage", "2018T1")));
        assertThat(features()).hasSize(2);

        // A "new vintage" as configuration only: one wide file, semicolons, its own column names.
        Path layout = tmp.resolve("arcep-2030T2.properties");
        Files.writeString(layout, String.join("\n",
                "millesime=2030T2", "files=communes",
                "communes.headerLine=1", "communes.separator=;",
                "communes.signature=code_insee,locaux_estimes,ftth_raccordables",
                "communes.code=code_insee", "communes.format=wide",
                "communes.locaux=locaux_estimes", "communes.raccordables=ftth_raccordables", ""));
        Path data = Files.writeString(tmp.resolve("arcep-2030T2.csv"),
                "code_insee;locaux_estimes;ftth_raccordables\n12145;16 000;15 900\n12076;300;0\n12114;300;300\n");
        loader.load(List.of(data), context(store, Map.of("vintage", layout.toString())));
        Map<String, Feature> f = features();
        assertThat(f.get("12145").get("categorie")).isEqualTo(80);       // no published class: computed
        assertThat(f.get("12218").get("taux_ftth")).isEqualTo(0.5);
        assertThat(f.get("12218").get("millesime")).isEqualTo("2030T2");
    }

    @Test
    void realT1_2018FilesLoadWithEveryCodeMapped() {
        Path communes = TestFiles.sharedData("thd-ftth/arcep-2018T1-communes.csv.gz");
        Path ftth = TestFiles.sharedData("thd-ftth/arcep-2018T1-ftthCommunes.csv.gz");

        // The published classes, read through the layout, match SOURCE.md's counts.
        ArcepLayout layout = ArcepLayout.load("2018T1");
        FileSection ftthSection = layout.files().get(1);
        Map<String, EnumMap<Measure, Double>> published = new ArcepFileReader(Progress.silent(), new LoadReport("t"))
                .read(ftth, ftthSection);
        assertThat(published).hasSize(35_361);
        Map<Double, Integer> classes = new HashMap<>();
        published.values().forEach(m -> classes.merge(m.get(Measure.CATEGORIE), 1, Integer::sum));
        assertThat(classes).containsOnly(Map.entry(0.0, 32_011), Map.entry(5.0, 525), Map.entry(10.0, 301),
                Map.entry(25.0, 490), Map.entry(50.0, 535), Map.entry(80.0, 1_499));
        double raccordables = published.values().stream().mapToDouble(m -> m.get(Measure.RACCORDABLES)).sum();

        LoadReport report = loader.load(List.of(communes, ftth), context(store));

        var codes = context(store).communeCodes();
        Set<String> current = new HashSet<>();
        published.keySet().forEach(c -> current.add(codes.normalise(c).orElseThrow()));
        assertThat(report.unknownCodes()).isEmpty();
        assertThat(report.rowsRead()).isEqualTo(35_361 + 70_722);
        assertThat(report.featuresWritten(LAYER)).isEqualTo(current.size()).isEqualTo(34_872);
        Map<String, Feature> f = features();
        assertThat(f.values().stream().mapToDouble(x -> (Double) x.get("locaux_raccordables")).sum())
                .isCloseTo(raccordables, within(0.5));
        assertThat(f.values()).allMatch(x -> (Double) x.get("taux_ftth") >= 0 && (Double) x.get("taux_ftth") <= 1);
        assertThat(f.get("75056").get("locaux")).isEqualTo(1_362_182.0 + 149_289.0);
        assertThat(f.get("75056").get("locaux_raccordables")).isEqualTo(1_484_108.0);
        assertThat((Double) f.get("75056").get("taux_ftth")).isCloseTo(1_484_108.0 / 1_511_471.0, within(1e-9));
    }

    // --- bad input: one clear error naming file, line and field; the layer is left as it was

    private void loadGood() {
        loader.load(fixtures(), context(store));
    }

    private List<Path> withCommunes(Path communes) {
        return List.of(communes, fixture("fixture-arcep-ftth.csv"));
    }

    private List<Path> withFtth(Path ftth) {
        return List.of(fixture("fixture-arcep-communes.csv"), ftth);
    }

    @Test
    void truncatedFileIsRejected() {
        loadGood();
        Path f = variant(fixture("fixture-arcep-ftth.csv"), tmp, "ftth-tronque.csv", s -> s.substring(0, s.lastIndexOf(",0,0")));
        assertRejected(loader, withFtth(f), store, Map.of(), LAYER, "ligne 15", "champs au lieu de 5");
    }

    @Test
    void wrongSeparatorIsRejected() {
        loadGood();
        Path f = variant(fixture("fixture-arcep-communes.csv"), tmp, "communes-pv.csv", s -> s.replace(',', ';'));
        assertRejected(loader, withCommunes(f), store, Map.of(), LAYER, "ligne 5", "champ « Code commune »",
                "aucun fichier ne correspond au fichier « communes »");
    }

    @Test
    void latin1FileLoadsLikeTheUtf8One() {
        loadGood();
        List<String> utf8 = fr.carence.loaders.flux.LoaderAssertions.snapshot(store, LAYER);
        Path f = variant(fixture("fixture-arcep-communes.csv"), tmp, "communes-latin1.csv", s -> s.replace('\u00a0', ' '),
                Charset.forName("windows-1252"));
        loader.load(withCommunes(f), context(store));
        assertThat(fr.carence.loaders.flux.LoaderAssertions.snapshot(store, LAYER)).isEqualTo(utf8);
    }

    @Test
    void missingMeasureColumnIsRejected() {
        loadGood();
        Path f = variant(fixture("fixture-arcep-communes.csv"), tmp, "communes-sans-etab.csv",
                s -> s.replace(",Établissements,", ",Etabs,"));
        assertRejected(loader, withCommunes(f), store, Map.of(), LAYER, "ligne 5", "champ « Établissements »",
                "colonne obligatoire absente");
    }

    @Test
    void duplicateCommuneIsRejected() {
        loadGood();
        Path f = variant(fixture("fixture-arcep-ftth.csv"), tmp, "ftth-doublon.csv", s -> s + "12145,Catégorie,0,0,50\n");
        assertRejected(loader, withFtth(f), store, Map.of(), LAYER, "ligne 16", "champ « Champ »", "en double (déjà ligne 7)");
    }

    @Test
    void negativeCountIsRejected() {
        loadGood();
        Path f = variant(fixture("fixture-arcep-ftth.csv"), tmp, "ftth-negatif.csv", s -> s.replace("0,0,100", "0,0,-100"));
        assertRejected(loader, withFtth(f), store, Map.of(), LAYER, "ligne 8", "champ « T1 2018 »", "négatif");
    }

    @Test
    void nonNumericCountIsRejected() {
        loadGood();
        Path f = variant(fixture("fixture-arcep-communes.csv"), tmp, "communes-texte.csv", s -> s.replace(" 180    ", " cent"));
        assertRejected(loader, withCommunes(f), store, Map.of(), LAYER, "ligne 7", "champ « Logements »", "nombre attendu");
    }

    @Test
    void emptyFileIsRejected() throws Exception {
        loadGood();
        Path f = Files.writeString(tmp.resolve("vide.csv"), "");
        assertRejected(loader, withFtth(f), store, Map.of(), LAYER, "fichier vide");
    }
}
