package fr.carence.loaders.communes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.carence.loaders.admin.AdminLoader;
import fr.carence.loaders.core.LoadContext;
import fr.carence.loaders.core.LoadException;
import fr.carence.loaders.core.LoadReport;
import fr.carence.loaders.core.Progress;
import fr.carence.loaders.core.TestFiles;
import fr.carence.loaders.testing.LayerSnapshot;
import fr.carence.store.Feature;
import fr.carence.store.FeatureCursor;
import fr.carence.store.FeatureQuery;
import fr.carence.store.FeatureStore;
import fr.carence.store.testing.BothStores;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * The "communes" loader on a made-up fixture (four squares near Millau, one of them a former
 * commune merged into 12145) and on variants of it with one defect each.
 */
class CommunesLoaderBadInputTest {

    private static final String FIXTURE = "communes/fixture-communes.geojson";

    @TempDir
    Path dir;

    private List<String> before;

    @BeforeEach
    void loadValidFixture(FeatureStore store) {
        LoadContext ctx = LoadContext.of(store, Progress.silent());
        new AdminLoader().load(List.of(TestFiles.resource("admin/fixture-admin/communes.json"),
                TestFiles.resource("admin/fixture-admin/epci.json")), ctx);
        new CommunesLoader().load(List.of(TestFiles.resource(FIXTURE)), LoadContext.of(store, Progress.silent()));
        before = LayerSnapshot.of(store, "communes");
    }

    private Path variant(String name, UnaryOperator<String> edit, Charset charset) throws IOException {
        String text = Files.readString(TestFiles.resource(FIXTURE), StandardCharsets.UTF_8);
        String edited = edit.apply(text);
        assertThat(edited).as("the edit must change the fixture").isNotEqualTo(text);
        Path p = dir.resolve("fixture-communes-" + name + ".geojson");
        Files.write(p, edited.getBytes(charset));
        return p;
    }

    private Path variant(String name, UnaryOperator<String> edit) throws IOException {
        return variant(name, edit, StandardCharsets.UTF_8);
    }

    private void assertFailsUnchanged(FeatureStore store, Path file, String expectedMessage) {
        assertThatThrownBy(() -> new CommunesLoader().load(List.of(file), LoadContext.of(store, Progress.silent())))
                .isInstanceOf(LoadException.class)
                .hasMessage(expectedMessage);
        assertThat(LayerSnapshot.of(store, "communes")).isEqualTo(before);
    }

    @BothStores
    void validFixtureIsDissolvedJoinedAndMeasured(FeatureStore store) {
        assertThat(before).hasSize(3);
        try (FeatureCursor c = store.query("communes", FeatureQuery.all())) {
            while (c.hasNext()) {
                Feature f = c.next();
                assertThat(f.geometry().getSRID()).isEqualTo(2154);
                if (f.id().equals("12145")) {
                    assertThat(f.get("codes_source")).isEqualTo("12145;12999");
                    assertThat(f.get("nom")).isEqualTo("Millau");
                    assertThat(f.get("epci")).isEqualTo("200066155");
                    assertThat(f.get("population")).isEqualTo(22000);
                    assertThat(f.geometry().getNumGeometries()).isEqualTo(1); // the two squares became one polygon
                    // 0.2° x 0.1° at 44°N: 16.0 km x 11.1 km
                    assertThat((Double) f.get("superficie_km2")).isBetween(176.0, 180.0);
                }
            }
        }
    }

    @BothStores
    void truncatedFile(FeatureStore store) throws IOException {
        Path p = variant("tronque", t -> t.substring(0, t.indexOf("\"12160\"")));
        assertFailsUnchanged(store, p, "fixture-communes-tronque.geojson, entité n° 2 : fichier tronqué (fin inattendue ligne 4)");
    }

    @BothStores
    void latin1File(FeatureStore store) throws IOException {
        Path p = variant("latin1", t -> t.replace("Millau", "Millau "), StandardCharsets.ISO_8859_1);
        assertFailsUnchanged(store, p, "fixture-communes-latin1.geojson, entité n° 1 : le fichier n'est pas en UTF-8 (octet invalide "
                + "ligne 3, probablement Latin-1/Windows-1252) : le JSON doit être en UTF-8");
    }

    @BothStores
    void missingCode(FeatureStore store) throws IOException {
        Path p = variant("sans-code", t -> t.replace("\"code\":\"12160\",", ""));
        assertFailsUnchanged(store, p, "fixture-communes-sans-code.geojson, entité n° 2, champ « INSEE_COM ou code ou CODE_INSEE ou insee » : "
                + "code commune absent");
    }

    @BothStores
    void duplicateCode(FeatureStore store) throws IOException {
        Path p = variant("doublon", t -> t.replace("\"code\":\"12160\"", "\"code\":\"12145\""));
        assertFailsUnchanged(store, p, "fixture-communes-doublon.geojson, entité n° 2 (12145), champ « code » : "
                + "code commune en double (déjà présent : fixture-communes-doublon.geojson entité n° 0)");
    }

    @BothStores
    void unknownCode(FeatureStore store) throws IOException {
        Path p = variant("code-inconnu", t -> t.replace("\"code\":\"12160\"", "\"code\":\"12345\""));
        assertFailsUnchanged(store, p, "fixture-communes-code-inconnu.geojson, entité n° 2 (12345), champ « code » : "
                + "code commune « 12345 » inconnu du référentiel COG chargé (jeu « admin »)");
    }

    @BothStores
    void selfIntersectingPolygonIsRepairedAndReported(FeatureStore store) throws IOException {
        // A bow-tie: the ring crosses itself in the middle of the square.
        Path p = variant("noeud-papillon", t -> t.replace("[[[3.20,44.00],[3.30,44.00],[3.30,44.10],[3.20,44.10],[3.20,44.00]]]",
                "[[[3.20,44.00],[3.30,44.10],[3.30,44.00],[3.20,44.10],[3.20,44.00]]]"));
        LoadReport report = new CommunesLoader().load(List.of(p), LoadContext.of(store, Progress.silent()));
        assertThat(report.repairedGeometries()).containsExactly("12160");
        try (FeatureCursor c = store.query("communes", FeatureQuery.all())) {
            while (c.hasNext()) {
                Feature f = c.next();
                assertThat(f.geometry().isValid()).as(f.id()).isTrue();
            }
        }
    }

    @BothStores
    void zeroAreaPolygonIsRejected(FeatureStore store) throws IOException {
        Path p = variant("surface-nulle", t -> t.replace("[[[3.20,44.00],[3.30,44.00],[3.30,44.10],[3.20,44.10],[3.20,44.00]]]",
                "[[[3.20,44.00],[3.30,44.00],[3.25,44.00],[3.20,44.00]]]"));
        assertFailsUnchanged(store, p, "fixture-communes-surface-nulle.geojson, entité n° 2 (12160), champ « geometry » : "
                + "géométrie invalide et irréparable (surface nulle après correction)");
    }

    @BothStores
    void emptyAndMissingGeometries(FeatureStore store) throws IOException {
        Path empty = variant("geometrie-vide", t -> t.replace("[[[3.20,44.00],[3.30,44.00],[3.30,44.10],[3.20,44.10],[3.20,44.00]]]", "[]"));
        assertFailsUnchanged(store, empty, "fixture-communes-geometrie-vide.geojson, entité n° 2 (12160), champ « geometry » : "
                + "géométrie vide ou absente");
        Path none = variant("sans-geometrie", t -> t.replace(
                "{\"type\":\"Polygon\",\"coordinates\":[[[3.20,44.00],[3.30,44.00],[3.30,44.10],[3.20,44.10],[3.20,44.00]]]}", "null"));
        assertFailsUnchanged(store, none, "fixture-communes-sans-geometrie.geojson, entité n° 2 (12160), champ « geometry » : "
                + "géométrie vide ou absente");
    }

    @BothStores
    void pointInsteadOfPolygon(FeatureStore store) throws IOException {
        Path p = variant("point", t -> t.replace(
                "{\"type\":\"Polygon\",\"coordinates\":[[[3.20,44.00],[3.30,44.00],[3.30,44.10],[3.20,44.10],[3.20,44.00]]]}",
                "{\"type\":\"Point\",\"coordinates\":[3.25,44.05]}"));
        assertFailsUnchanged(store, p, "fixture-communes-point.geojson, entité n° 2 (12160), champ « geometry » : polygone attendu, trouvé Point");
    }

    @BothStores
    void emptyFiles(FeatureStore store) throws IOException {
        Path zero = Files.writeString(dir.resolve("fixture-vide.geojson"), "");
        assertFailsUnchanged(store, zero, "fixture-vide.geojson : fichier vide");
        Path noFeature = Files.writeString(dir.resolve("fixture-sans-entite.geojson"), "{\"type\":\"FeatureCollection\",\"features\":[]}");
        assertFailsUnchanged(store, noFeature, "fixture-sans-entite.geojson : aucune commune dans le fichier");
    }
}
