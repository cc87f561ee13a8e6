package fr.carence.loaders.fragilite;

import static fr.carence.loaders.flux.LoaderAssertions.assertRejected;
import static fr.carence.loaders.flux.LoaderAssertions.context;
import static fr.carence.loaders.flux.LoaderAssertions.loadReference;
import static fr.carence.loaders.flux.LoaderAssertions.variant;

import fr.carence.loaders.flux.LoaderAssertions;
import static org.assertj.core.api.Assertions.assertThat;

import fr.carence.loaders.core.DatasetLoader;
import fr.carence.loaders.core.LoadReport;
import fr.carence.loaders.core.TestFiles;
import fr.carence.store.Feature;
import fr.carence.store.FeatureCursor;
import fr.carence.store.FeatureQuery;
import fr.carence.store.FeatureStore;
import fr.carence.store.testing.MemoryFeatureStore;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.MultiPolygon;

class FragiliteLoadersTest {

    private FeatureStore store;

    @TempDir
    Path tmp;

    @BeforeEach
    void reference() {
        store = new MemoryFeatureStore();
        loadReference(store);
    }

    private static Path fixture(String name) {
        return TestFiles.resource("fragilite/" + name);
    }

    private LoadReport load(DatasetLoader loader, String sharedFile) {
        return loader.load(List.of(TestFiles.sharedData(sharedFile)), context(store));
    }

    private Map<String, Feature> features(String layer) {
        return LoaderAssertions.features(store, layer);
    }

    private Map<Object, Integer> countBy(String layer, String attribute) {
        Map<Object, Integer> out = new HashMap<>();
        features(layer).values().forEach(f -> out.merge(String.valueOf(f.get(attribute)), 1, Integer::sum));
        return out;
    }

    @Test
    void densityGridLoadsWithSevenLevels() {
        LoadReport report = load(new DensiteLoader(), "grille-densite/densite.csv");
        assertThat(report.featuresWritten("grille_densite")).isEqualTo(34_875);
        assertThat(report.unknownCodes()).isEmpty();
        assertThat(countBy("grille_densite", "niveau")).containsOnly(Map.entry("1", 699), Map.entry("2", 637),
                Map.entry("3", 1_996), Map.entry("4", 947), Map.entry("5", 5_072), Map.entry("6", 18_288), Map.entry("7", 7_236));
        assertThat(features("grille_densite").get("01001").get("libelle")).isEqualTo("Rural à habitat dispersé");
    }

    @Test
    void mountainZoneKeepsTheMassifName() {
        LoadReport report = load(new MontagneLoader(), "zone-montagne/montagne.csv");
        assertThat(report.featuresWritten("zone_montagne")).isEqualTo(8_594);
        assertThat(countBy("zone_montagne", "massif")).containsEntry("Massif Central", 3_935)
                .containsEntry("Massif du Jura", 810).containsEntry("Massif des Hauts de la Réunion", 24).hasSize(9);
    }

    @Test
    void massifPolygonsAreTransformedToLambert93AndValid() {
        LoadReport report = load(new MassifsLoader(), "zone-montagne/massifs-montagne.geojson");
        Map<String, Feature> f = features("massifs");
        assertThat(f).hasSize(9).containsKeys("Massif Central", "Massif des Pyrénées", "Massif des Hauts de la Réunion");
        for (Feature massif : f.values()) {
            assertThat(massif.geometry()).isInstanceOf(MultiPolygon.class);
            assertThat(massif.geometry().isValid()).as(massif.id()).isTrue();
        }
        // Lambert-93 metres: the Massif Central lies around x 600–800 km, y 6.3–6.6 Mm
        var env = f.get("Massif Central").geometry().getEnvelopeInternal();
        assertThat(env.centre().x).isBetween(550_000.0, 850_000.0);
        assertThat(env.centre().y).isBetween(6_250_000.0, 6_600_000.0);
        assertThat(report.rowsRead()).isEqualTo(9);
    }

    @Test
    void ruralityLabelsAreTrimmed() {
        LoadReport report = load(new RuraliteLoader(), "ruralite-centralite/ruralite.csv");
        assertThat(report.featuresWritten("ruralite")).isEqualTo(34_875);
        assertThat(countBy("ruralite", "typologie")).containsEntry("Les ruralités productives agricoles", 6_171)
                .containsEntry("Hors champ : DOM ou commune urbaine", 4_240).hasSize(10);
    }

    @Test
    void centralityUndefinedBecomesNull() {
        LoadReport report = load(new CentraliteLoader(), "ruralite-centralite/centralite.csv");
        assertThat(report.featuresWritten("centralite")).isEqualTo(34_875);
        assertThat(countBy("centralite", "niveau")).containsEntry("null", 129).containsEntry("Communes non centre", 23_975);
    }

    @Test
    void zrrUsesCurrentCodesAndReportsUnmatchedRows() {
        LoadReport report = load(new ZrrLoader(), "zrr/zrr-2018-communes.csv");
        assertThat(report.rowsRead()).isEqualTo(17_726);
        assertThat(report.featuresWritten("zrr")).isEqualTo(17_650);     // distinct non-empty code_cog2026
        assertThat(report.warnings()).hasSize(4).anyMatch(w -> w.contains("ZRR05317, Eyzies"));
        assertThat(report.duplicates()).isNotEmpty();                    // 2018 communes merged since
        assertThat(report.unknownCodes()).isEmpty();
        assertThat(load(new ZrrPerimetreLoader(), "zrr/zrr-2018-perimetre.geojson").featuresWritten("zrr_perimetre")).isEqualTo(1);
        assertThat(features("zrr_perimetre")).containsOnlyKeys("AFR0001");
    }

    @Test
    void qpvCommunesKeepTheirQpvLists() {
        LoadReport report = load(new QpvLoader(), "qpv/communes-qpv-2024.csv");
        assertThat(report.featuresWritten("qpv_communes")).isEqualTo(824);
        Feature bourg = features("qpv_communes").get("01053");
        assertThat(bourg.get("codes_qpv")).isEqualTo("QN00101M, QN00102M");
        assertThat(bourg.get("noms_qpv")).isEqualTo("Grande Reyssouze Terre Des Fleurs, Croix Blanche");
    }

    @Test
    void mergedCommunesKeepTheAbsorbingCommunesValueAndUnknownCodesAreReported() {
        LoadReport report = new DensiteLoader().load(List.of(fixture("fixture-densite.csv")), context(store));
        Map<String, Feature> f = features("grille_densite");
        assertThat(f).containsOnlyKeys("12145", "12202", "12218", "48095");
        assertThat(f.get("12218").get("niveau")).isEqualTo(7);
        assertThat(report.duplicates()).singleElement().asString().startsWith("12218 (communes publiées 12076 et 12218");
        assertThat(report.unknownCodes()).containsOnlyKeys("12999");
    }

    @Test
    void invalidPolygonIsRepairedAndReported() {
        LoadReport report = new MassifsLoader().load(List.of(fixture("fixture-massifs.geojson")), context(store));
        assertThat(report.repairedGeometries()).containsExactly("Massif des Pyrénées");
        assertThat(features("massifs").get("Massif des Pyrénées").geometry().isValid()).isTrue();
    }

    // --- bad input: one clear error naming file, line (or feature) and field; the layer is left as it was

    private void loadGood() {
        new DensiteLoader().load(List.of(fixture("fixture-densite.csv")), context(store));
    }

    private void rejected(Path f, String... fragments) {
        assertRejected(new DensiteLoader(), List.of(f), store, Map.of(), "grille_densite", fragments);
    }

    @Test
    void truncatedFileIsRejected() {
        loadGood();
        rejected(variant(fixture("fixture-densite.csv"), tmp, "tronque.csv", s -> s.substring(0, s.lastIndexOf(",Bourgs"))),
                "ligne 7", "2 champs au lieu de 3");
    }

    @Test
    void wrongSeparatorIsRejected() {
        loadGood();
        rejected(variant(fixture("fixture-densite.csv"), tmp, "pv.csv", s -> s.replace(',', ';')), "ligne 1", "séparateur « ; »");
    }

    @Test
    void latin1IsRejectedWhereTheAnctPublishesUtf8() {
        loadGood();
        rejected(variant(fixture("fixture-densite.csv"), tmp, "latin1.csv", s -> s.replace("\uFEFF", ""), Charset.forName("ISO-8859-1")),
                "ligne 2", "n'est pas en UTF-8");
    }

    @Test
    void missingColumnIsRejected() {
        loadGood();
        rejected(variant(fixture("fixture-densite.csv"), tmp, "sans-niveau.csv", s -> s.replace("niveau_densite", "densite")),
                "ligne 1", "champ « niveau_densite »", "colonne obligatoire absente");
    }

    @Test
    void duplicateCommuneIsRejected() {
        loadGood();
        rejected(variant(fixture("fixture-densite.csv"), tmp, "doublon.csv", s -> s + "48095,Mende,Bourgs ruraux\n"),
                "ligne 8", "champ « insee_com »", "« 48095 » en double (déjà ligne 6)");
    }

    @Test
    void unknownLevelIsRejected() {
        loadGood();
        rejected(variant(fixture("fixture-densite.csv"), tmp, "niveau.csv", s -> s.replace("Petites villes", "-3")),
                "ligne 6", "champ « niveau_densite »", "niveau de densité inconnu « -3 »");
    }

    @Test
    void emptyFileIsRejected() throws Exception {
        loadGood();
        rejected(Files.writeString(tmp.resolve("vide.csv"), ""), "fichier vide");
    }

    @Test
    void polygonWithoutAreaIsRejectedNamingTheFeature() throws Exception {
        new MassifsLoader().load(List.of(fixture("fixture-massifs.geojson")), context(store));
        Path flat = Files.writeString(tmp.resolve("plat.geojson"), "{\"type\":\"FeatureCollection\",\"features\":["
                + "{\"type\":\"Feature\",\"properties\":{\"niveau_montagne\":\"01 - Massif des Vosges\"},"
                + "\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[6,48],[7,49],[7,49],[6,48]]]}}]}");
        assertRejected(new MassifsLoader(), List.of(flat), store, Map.of(), "massifs",
                "entité n° 0 (Massif des Vosges)", "champ « geometry »");
    }

    @Test
    void truncatedGeoJsonIsRejected() throws Exception {
        new MassifsLoader().load(List.of(fixture("fixture-massifs.geojson")), context(store));
        String text = Files.readString(fixture("fixture-massifs.geojson"));
        Path cut = Files.writeString(tmp.resolve("coupe.geojson"), text.substring(0, text.length() / 2));
        assertRejected(new MassifsLoader(), List.of(cut), store, Map.of(), "massifs", "tronqué");
    }
}
