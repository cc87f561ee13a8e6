package fr.carence.loaders.fragilite;

import static fr.carence.loaders.flux.LoaderAssertions.assertRejected;
import static fr.carence.loaders.flux.LoaderAssertions.context;
import static fr.carence.loaders.flux.LoaderAssertions.loadReference;
import static fr.carence.loaders.flux.LoaderAssertions.variant;

import fr.carence.loaders.flux.LoaderAssertions;
import static org.assertj.core.api.Assertions.assertThat;

import fr.carence.loaders.core.LoadReport;
import fr.carence.loaders.core.TestFiles;
import fr.carence.store.Feature;
import fr.carence.store.FeatureCursor;
import fr.carence.store.FeatureQuery;
import fr.carence.store.FeatureStore;
import fr.carence.store.testing.MemoryFeatureStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.MultiPolygon;

/** FRR classification and QPV perimeters on the real files (national reference), and their bad inputs. */
class FrrAndQpvPerimetreLoadersTest {

    private static final String FRR = "frr/liste-communes-FRR-juillet2025.csv.gz";
    private static final String QPV = "qpv-2015-occitanie/qp-occitanie-2015.geojson.gz";

    private FeatureStore store;

    @TempDir
    static Path shared;

    @TempDir
    Path tmp;

    /** The published FRR list, unzipped (the bad-input variants edit its text). */
    private static Path frrText;

    @BeforeAll
    static void unzip() throws Exception {
        frrText = shared.resolve("liste-communes-FRR-juillet2025.csv");
        try (GZIPInputStream in = new GZIPInputStream(Files.newInputStream(TestFiles.sharedData(FRR)))) {
            Files.copy(in, frrText);
        }
    }

    @BeforeEach
    void reference() {
        store = new MemoryFeatureStore();
        loadReference(store);
    }

    private Map<String, Feature> features(String layer) {
        return LoaderAssertions.features(store, layer);
    }

    @Test
    void frrListLoadsWithThePublishedCounts() {
        LoadReport report = new FrrLoader().load(List.of(TestFiles.sharedData(FRR)), context(store));
        assertThat(report.featuresWritten("frr")).isEqualTo(34_875);
        Map<String, Integer> counts = new TreeMap<>();
        Map<String, Feature> f = features("frr");
        f.values().forEach(x -> counts.merge((String) x.get("classement"), 1, Integer::sum));
        // shared/data/frr/SOURCE.md: counts of the list of 10 July 2025
        assertThat(counts).containsOnly(Map.entry("non_classee", 14_941), Map.entry("frr_socle", 13_313),
                Map.entry("frr_plus", 4_456), Map.entry("frr_beneficiaire", 2_134), Map.entry("frr_partiel", 20),
                Map.entry("frr_beneficiaire_partiel", 11));
        // SOURCE.md spot checks
        for (String code : List.of("48095", "12145", "15014", "12202", "23096", "46042")) {
            assertThat(f.get(code).get("classement")).as(code).isEqualTo("frr_socle");
        }
        for (String code : List.of("59350", "75056", "63113")) {
            assertThat(f.get(code).get("classement")).as(code).isEqualTo("non_classee");
        }
        assertThat(f.get("48095").get("libelle")).isEqualTo("FRR socle");
        assertThat(report.unknownCodes()).isEmpty();
    }

    @Test
    void arreteShapeCodeAndLabelIsAccepted() throws Exception {
        Path arrete = Files.writeString(tmp.resolve("arrete-2024.csv"),
                "CODGEO;Classement\n48095;FRR\n12145;Classée FRR\n75056;Non classée\n12202;frr socle\n");
        new FrrLoader().load(List.of(arrete), context(store));
        Map<String, Feature> f = features("frr");
        assertThat(f).containsOnlyKeys("12145", "12202", "48095", "75056");
        assertThat(f.get("48095").get("classement")).isEqualTo("frr_socle");
        assertThat(f.get("12145").get("classement")).isEqualTo("frr_socle");
        assertThat(f.get("12202").get("classement")).isEqualTo("frr_socle");
        assertThat(f.get("75056").get("classement")).isEqualTo("non_classee");
    }

    private void frrRejected(Path file, String... fragments) {
        assertRejected(new FrrLoader(), List.of(file), store, Map.of(), "frr", fragments);
    }

    private Path frrVariant(String name, java.util.function.UnaryOperator<String> edit) {
        return variant(frrText, tmp, name, edit);
    }

    @Test
    void unknownLabelIsRejectedNamingTheLineAndNothingIsReplaced() {
        new FrrLoader().load(List.of(TestFiles.sharedData(FRR)), context(store));
        // line 2 is 01001 L'Abergement-Clémenciat (Non classée)
        frrRejected(frrVariant("label.csv", s -> s.replaceFirst("Clémenciat;Non classée;", "Clémenciat;ZRR;")),
                "ligne 2", "classement FRR inconnu « ZRR »");
    }

    @Test
    void missingCodeIsRejectedNamingTheLine() {
        new FrrLoader().load(List.of(TestFiles.sharedData(FRR)), context(store));
        frrRejected(frrVariant("sans-code.csv", s -> s.replaceFirst("\r\n01002;", "\r\n;")), "ligne 3", "champ « Code_insee »", "valeur obligatoire manquante");
    }

    @Test
    void codeOutsideTheCogIsRejectedNamingTheLine() {
        new FrrLoader().load(List.of(TestFiles.sharedData(FRR)), context(store));
        frrRejected(frrVariant("hors-cog.csv", s -> s.replaceFirst("\r\n01002;", "\r\n01999;")), "ligne 3", "« 01999 »",
                "absent du COG");
    }

    @Test
    void fileWithoutClassementColumnIsRejected() throws Exception {
        frrRejected(Files.writeString(tmp.resolve("colonnes.csv"), "Code_insee;Departement;Commune;\n48095;48;Mende;\n"),
                "ligne 1", "colonne du classement FRR absente");
    }

    @Test
    void qpvPerimetersLoadInLambert93WithTheirCommune() {
        LoadReport report = new QpvPerimetreLoader().load(List.of(TestFiles.sharedData(QPV)), context(store));
        Map<String, Feature> f = features("qpv_perimetres");
        // SOURCE.md: 105 polygons; example QP066007 Bas-Vernet Nouveau QPV in Perpignan 66136
        assertThat(f).hasSize(105);
        assertThat(report.rowsRead()).isEqualTo(105);
        Feature vernet = f.get("QP066007");
        assertThat(vernet.get("nom_qp")).isEqualTo("Bas-Vernet Nouveau QPV");
        assertThat(vernet.get("code_commune")).isEqualTo("66136");
        assertThat(vernet.geometry()).isInstanceOf(MultiPolygon.class);
        // Perpignan in Lambert-93: x ≈ 690 km, y ≈ 6.18 Mm
        assertThat(vernet.geometry().getCentroid().getX()).isBetween(680_000.0, 700_000.0);
        assertThat(vernet.geometry().getCentroid().getY()).isBetween(6_170_000.0, 6_190_000.0);
    }

    @Test
    void qpvPerimeterWithACommuneOutsideTheCogIsRejected() throws Exception {
        new QpvPerimetreLoader().load(List.of(TestFiles.sharedData(QPV)), context(store));
        Path bad = Files.writeString(tmp.resolve("qp.geojson"), "{\"type\":\"FeatureCollection\",\"features\":["
                + "{\"type\":\"Feature\",\"properties\":{\"code_qp\":\"QP066007\",\"code_commune\":\"66999\"},"
                + "\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[2.89,42.70],[2.90,42.70],[2.90,42.71],[2.89,42.70]]]}}]}");
        assertRejected(new QpvPerimetreLoader(), List.of(bad), store, Map.of(), "qpv_perimetres",
                "entité n° 0", "champ « code_commune »", "« 66999 »");
        Path badCode = Files.writeString(tmp.resolve("qp2.geojson"), "{\"type\":\"FeatureCollection\",\"features\":["
                + "{\"type\":\"Feature\",\"properties\":{\"code_qp\":\"ZZ1\",\"code_commune\":\"66136\"},"
                + "\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[2.89,42.70],[2.90,42.70],[2.90,42.71],[2.89,42.70]]]}}]}");
        assertRejected(new QpvPerimetreLoader(), List.of(badCode), store, Map.of(), "qpv_perimetres",
                "entité n° 0", "code de quartier prioritaire invalide « ZZ1 »");
        // the second feature has no commune code: named by its index, the first one is not kept either
        Path missing = Files.writeString(tmp.resolve("qp3.geojson"), "{\"type\":\"FeatureCollection\",\"features\":["
                + "{\"type\":\"Feature\",\"properties\":{\"code_qp\":\"QP066007\",\"code_commune\":\"66136\"},"
                + "\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[2.89,42.70],[2.90,42.70],[2.90,42.71],[2.89,42.70]]]}},"
                + "{\"type\":\"Feature\",\"properties\":{\"code_qp\":\"QP066008\"},"
                + "\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[2.89,42.70],[2.90,42.70],[2.90,42.71],[2.89,42.70]]]}}]}");
        assertRejected(new QpvPerimetreLoader(), List.of(missing), store, Map.of(), "qpv_perimetres",
                "entité n° 1", "champ « code_commune »", "propriété obligatoire manquante");
    }
}
