package fr.carence.loaders.lieux;

import static org.assertj.core.api.Assertions.catchThrowableOfType;
import fr.carence.loaders.core.LoadException;
import static fr.carence.loaders.flux.LoaderAssertions.assertRejected;
import static fr.carence.loaders.flux.LoaderAssertions.context;
import static fr.carence.loaders.flux.LoaderAssertions.loadReference;
import static fr.carence.loaders.flux.LoaderAssertions.snapshot;
import static fr.carence.loaders.flux.LoaderAssertions.variant;
import static org.assertj.core.api.Assertions.assertThat;

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
import org.locationtech.jts.geom.Point;

class LieuxLoaderTest {

    private static final String LAYER = LieuxLoader.LAYER;
    private final LieuxLoader loader = new LieuxLoader();
    private FeatureStore store;

    @TempDir
    Path tmp;

    @BeforeEach
    void reference() {
        store = new MemoryFeatureStore();
        loadReference(store);
    }

    private static Path realCsv() {
        return TestFiles.sharedData("tiers-lieux/tiers-lieux-occitanie-2016.csv");
    }

    private Map<String, Feature> byName() {
        Map<String, Feature> out = new TreeMap<>();
        try (FeatureCursor c = store.query(LAYER, FeatureQuery.all())) {
            while (c.hasNext()) {
                Feature f = c.next();
                out.put((String) f.get("nom"), f);
            }
        }
        return out;
    }

    @Test
    void realOccitanieListLoadsInLambert93() {
        LoadReport report = loader.load(List.of(realCsv()), context(store));

        assertThat(report.featuresWritten(LAYER)).isEqualTo(73);
        assertThat(report.unknownCodes()).isEmpty();
        Map<String, Feature> f = byName();
        Feature mirepoix = f.get("Espace de Coworking Chez Woomeet");
        assertThat(mirepoix.get("type")).isEqualTo("coworking");
        assertThat(mirepoix.get("code_commune")).isEqualTo("09194");
        assertThat(mirepoix.get("adresse")).isEqualTo("31 Bis Cours du Jeu du Mail, 09500 Mirepoix");
        assertThat(mirepoix.get("precision")).isEqualTo("centroide-commune");
        assertThat(mirepoix.get("capacite")).isNull();
        assertThat(mirepoix.get("source")).isEqualTo("tiers-lieux-occitanie-2016.csv");
        Point p = (Point) mirepoix.geometry();
        assertThat(p.getSRID()).isEqualTo(2154);
        assertThat(p.getX()).isBetween(590_000.0, 620_000.0);   // Mirepoix, Ariège
        assertThat(p.getY()).isBetween(6_210_000.0, 6_230_000.0);
        Map<String, Integer> types = new HashMap<>();
        f.values().forEach(x -> types.merge((String) x.get("type"), 1, Integer::sum));
        assertThat(types.keySet()).containsAnyOf("telecentre", "tiers_lieu").contains("coworking");
        assertThat(f.values()).allMatch(x -> x.get("code_commune").toString().matches("(09|11|12|30|31|32|34|46|48|65|66|81|82)\\d{3}"));
    }

    @Test
    void idsDoNotDependOnRowOrder() {
        loader.load(List.of(realCsv()), context(store));
        List<String> before = snapshot(store, LAYER);
        Path reversed = variant(realCsv(), tmp, "tiers-lieux-occitanie-2016.csv", s -> {
            List<String> lines = new java.util.ArrayList<>(s.lines().toList());
            List<String> body = new java.util.ArrayList<>(lines.subList(1, lines.size()));
            java.util.Collections.reverse(body);
            return lines.get(0) + "\n" + String.join("\n", body) + "\n";
        });
        loader.load(List.of(reversed), context(store));
        assertThat(snapshot(store, LAYER)).isEqualTo(before);
    }

    @Test
    void geoJsonPointsWithTypesCapacitiesAndInference() {
        LoadReport report = loader.load(List.of(TestFiles.resource("lieux/fixture-lieux.geojson")), context(store));
        Map<String, Feature> f = byName();
        assertThat(f.get("La Fabrique du Causse").get("type")).isEqualTo("tiers_lieu");
        assertThat(f.get("La Fabrique du Causse").get("capacite")).isEqualTo(24);
        assertThat(f.get("Télécentre de Conques").get("type")).isEqualTo("telecentre");   // inferred from the name
        assertThat(f.get("Télécentre de Conques").get("code_commune")).isEqualTo("12218"); // 12076 merged
        assertThat(f.get("Télécentre de Conques").get("capacite")).isEqualTo(8);
        assertThat(f.get("Espace numérique").get("type")).isEqualTo("inconnu");
        assertThat(f.get("Espace numérique").get("code_commune")).isNull();
        assertThat(report.unknownCodes()).containsOnlyKeys("12999");
        Point millau = (Point) f.get("La Fabrique du Causse").geometry();
        assertThat(millau.getX()).isBetween(700_000.0, 712_000.0);
        assertThat(millau.getY()).isBetween(6_320_000.0, 6_345_000.0);
    }

    @Test
    void typeInference() {
        assertThat(VenueType.infer("Espace de Co-working du Lauragais")).isEqualTo("coworking");
        assertThat(VenueType.infer("TLL - Tiers Lieux Limoux")).isEqualTo("tiers_lieu");
        assertThat(VenueType.infer("Télécentre coworking de Florac")).isEqualTo("telecentre");
        assertThat(VenueType.infer("La Cantine")).isEqualTo("inconnu");
    }

    // --- bad input: one clear error naming file, line and field; the layer is left as it was

    private void loadGood() {
        loader.load(List.of(realCsv()), context(store));
    }

    private void rejected(Path f, String... fragments) {
        assertRejected(loader, List.of(f), store, Map.of(), LAYER, fragments);
    }

    @Test
    void coordinatesOutsideFranceAreRejectedNamingTheLine() {
        loadGood();
        rejected(variant(realCsv(), tmp, "inverses.csv", s -> s.replace("1.874722,43.114305", "43.114305,1.874722")),
                "ligne 2", "champ « lon/lat »", "hors de France");
    }

    @Test
    void truncatedFileIsRejected() {
        loadGood();
        rejected(variant(realCsv(), tmp, "tronque.csv", s -> s.substring(0, s.stripTrailing().lastIndexOf(','))), "ligne 74", "champs au lieu de 10");
    }

    @Test
    void wrongSeparatorIsRejected() {
        loadGood();
        rejected(variant(realCsv(), tmp, "pv.csv", s -> s.replace(',', ';')), "ligne 1", "séparateur « ; »");
    }

    @Test
    void latin1IsRejected() {
        loadGood();
        rejected(variant(realCsv(), tmp, "latin1.csv", s -> s, Charset.forName("ISO-8859-1")), "n'est pas en UTF-8");
    }

    @Test
    void missingCoordinateColumnIsRejected() {
        loadGood();
        rejected(variant(realCsv(), tmp, "sans-lat.csv", s -> s.replace("lat_approx", "latitude")),
                "ligne 1", "champ « lat_approx »", "colonne obligatoire absente");
    }

    @Test
    void duplicateVenueIsRejected() {
        loadGood();
        rejected(variant(realCsv(), tmp, "doublon.csv", s -> s + s.lines().skip(1).findFirst().orElseThrow() + "\n"),
                "ligne 75", "champ « nom »", "en double", "ligne 2");
    }

    @Test
    void nonNumericOrNegativeValuesAreRejected() throws Exception {
        loadGood();
        rejected(variant(realCsv(), tmp, "texte.csv", s -> s.replace("1.874722,43.114305", "est,43.114305")),
                "ligne 2", "champ « lon_approx »", "nombre attendu");
        Path capacity = Files.writeString(tmp.resolve("capacite.csv"), "nom,lon_approx,lat_approx,capacite\nLa Ruche,2.35,48.85,-4\n");
        rejected(capacity, "ligne 2", "champ « capacite »", "négatif");
    }

    @Test
    void emptyFileIsRejected() throws Exception {
        loadGood();
        rejected(Files.writeString(tmp.resolve("vide.csv"), ""), "fichier vide");
    }

    private Map<String, String> coverage() {
        Map<String, String> out = new TreeMap<>();
        fr.carence.loaders.flux.LoaderAssertions.features(store, VenueCoverage.LAYER)
                .forEach((id, f) -> out.put(id, (String) f.get("origine")));
        return out;
    }

    @Test
    void inventoryCoverageIsDeducedAsTheVenuesRegionsWhenNotDeclared() {
        LoadReport report = loader.load(List.of(realCsv()), context(store));
        // the 73 venues of the 2016 list are all in Occitanie (région 76)
        assertThat(coverage()).containsOnlyKeys("region:76");
        assertThat(coverage().get("region:76")).startsWith("déduite");
        assertThat(report.warnings()).anyMatch(w -> w.contains("couverture de l'inventaire déduite") && w.contains("76"));
    }

    @Test
    void declaredCoverageIsKeptAndAnUnknownTerritoryIsRejectedWithNothingReplaced() {
        loader.load(List.of(realCsv()), context(store, Map.of("couverture", "departements:12,48")));
        assertThat(coverage()).containsOnlyKeys("departement:12", "departement:48");
        assertThat(coverage().get("departement:12")).isEqualTo("déclarée (option couverture)");
        List<String> venuesBefore = snapshot(store, LAYER);
        List<String> before = snapshot(store, VenueCoverage.LAYER);
        LoadException e = catchThrowableOfType(LoadException.class,
                () -> loader.load(List.of(realCsv()), context(store, Map.of("couverture", "regions:99"))));
        assertThat(e).isNotNull();
        assertThat(e.getMessage()).contains("option couverture", "« 99 »");
        assertThat(snapshot(store, VenueCoverage.LAYER)).isEqualTo(before);
        assertThat(snapshot(store, LAYER)).isEqualTo(venuesBefore);
    }
}
