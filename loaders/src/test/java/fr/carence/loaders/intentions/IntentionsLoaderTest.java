package fr.carence.loaders.intentions;

import static fr.carence.loaders.flux.LoaderAssertions.context;
import static fr.carence.loaders.flux.LoaderAssertions.features;
import static fr.carence.loaders.flux.LoaderAssertions.loadReference;
import static fr.carence.loaders.flux.LoaderAssertions.snapshot;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import fr.carence.loaders.core.LayerPublisher;
import fr.carence.loaders.core.LoadException;
import fr.carence.loaders.core.LoadReport;
import fr.carence.store.Feature;
import fr.carence.store.FeatureStore;
import fr.carence.store.LayerInfo;
import fr.carence.store.LayerSchema;
import fr.carence.store.testing.BothStores;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;

/**
 * The "intentions" loader on both stores: the template's own example lines load, a location by
 * commune code takes the commune's representative point, a bad file reports every bad line at once
 * and leaves the loaded intentions as they were, and GeoJSON replaces the CSV.
 *
 * <p>Fixture (made up): the commune 12145 (Millau, a real COG code) gets a 2 km square polygon
 * whose interior point is its centre (701000, 6341000) in Lambert-93.
 */
class IntentionsLoaderTest {

    private static final GeometryFactory GF = new GeometryFactory();
    private final IntentionsLoader loader = new IntentionsLoader();

    @TempDir
    Path tmp;

    /** Made-up commune polygon: a 2 km square around (701000, 6341000). */
    static void fixtureCommunes(FeatureStore store) {
        if (store.schema("communes").isPresent()) {
            return;
        }
        Polygon square = GF.createPolygon(new Coordinate[] {new Coordinate(700000, 6340000), new Coordinate(702000, 6340000),
                new Coordinate(702000, 6342000), new Coordinate(700000, 6342000), new Coordinate(700000, 6340000)});
        square.setSRID(FeatureStore.STORAGE_SRID);
        LayerSchema schema = new LayerSchema("communes", List.of(LayerSchema.Attribute.required("code", LayerSchema.AttributeType.STRING)),
                LayerSchema.GeometryType.POLYGON, "code");
        LayerPublisher.publishAll(store, new LayerInfo.Source("fixture", "fixture", null),
                Map.of(schema, List.of(new Feature("12145", square, Map.of("code", "12145")))), new LoadReport("fixture"));
    }

    private Path write(String name, String text) throws IOException {
        Path p = tmp.resolve(name);
        Files.writeString(p, text, StandardCharsets.UTF_8);
        return p;
    }

    @BothStores
    void loadsChecksEveryLineAndReplacesAtomically(FeatureStore store) throws IOException {
        loadReference(store);
        fixtureCommunes(store);

        // 1. The template as served: its two example lines are valid.
        LoadReport report = loader.load(List.of(write("modele.csv", IntentionTemplate.csv())), context(store));
        assertThat(report.featuresWritten(IntentionsLoader.LAYER)).isEqualTo(2);
        Map<String, Feature> loaded = features(store, IntentionsLoader.LAYER);
        assertThat(loaded).containsOnlyKeys("EXEMPLE-1", "EXEMPLE-2");
        Feature byCommune = loaded.get("EXEMPLE-1");
        assertThat(byCommune.get("localisation")).isEqualTo(IntentionsLoader.POINT_COMMUNE);
        Point p = (Point) byCommune.geometry();
        assertThat(p.getX()).isEqualTo(701000, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(p.getY()).isEqualTo(6341000, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(byCommune.get("statut")).isEqualTo("projet");
        assertThat(((Number) byCommune.get("places")).intValue()).isEqualTo(20);
        assertThat(byCommune.get("date_ouverture")).isEqualTo("2027-09-01");
        Feature byCoordinates = loaded.get("EXEMPLE-2");
        assertThat(byCoordinates.get("localisation")).isEqualTo(IntentionsLoader.COORDONNEES);
        assertThat(byCoordinates.get("statut")).isEqualTo("confirme");
        assertThat(byCoordinates.get("date_ouverture")).isEqualTo("2027-03");
        List<String> before = snapshot(store, IntentionsLoader.LAYER);

        // 2. A bad file: every bad line reported, with its column; nothing replaced.
        Path bad = write("amii-faux.csv", String.join("\n",
                "id;porteur;type;adresse;code_commune;lon;lat;places;date_ouverture;statut",
                "A-1;Mairie;tiers-lieu;;12145;;;15;2027-01-01;Confirmé",
                "A-2;;coworking;;12145;;;10;;projet",
                "A-3;SCIC;garage;;12145;;;abc;;projet",
                "A-4;SARL;coworking;;;44,35;3,07;8;;projet",
                "A-1;Asso;coworking;;99999;;;8;31/02/2027;peut-être",
                ""));
        LoadException e = catchThrowableOfType(LoadException.class, () -> loader.load(List.of(bad), context(store)));
        assertThat(e).isNotNull();
        assertThat(e.file()).isEqualTo("amii-faux.csv");
        assertThat(e.details()).extracting(LoadException::location)
                .containsExactly("ligne 3", "ligne 4", "ligne 5", "ligne 6");
        assertThat(e.details()).extracting(LoadException::field)
                .containsExactly("porteur", "type", "lon/lat", "statut");
        assertThat(e.getMessage()).startsWith("amii-faux.csv : 4 erreurs")
                .contains("ligne 4, champ « type » : « garage » inconnu")
                .contains("coordonnées hors de France");
        assertThat(snapshot(store, IntentionsLoader.LAYER)).as("intentions unchanged").isEqualTo(before);

        // 3. GeoJSON replaces the CSV's intentions.
        loader.load(List.of(write("amii.geojson", IntentionTemplate.geojson())), context(store));
        assertThat(features(store, IntentionsLoader.LAYER)).containsOnlyKeys("EXEMPLE-1");
        assertThat(store.info(IntentionsLoader.LAYER).orElseThrow().source().files()).isEqualTo("amii.geojson");
    }

    @BothStores
    void everyIntentionNeedsALocationAndPlaces(FeatureStore store) throws IOException {
        loadReference(store);
        fixtureCommunes(store);
        Path bad = write("amii.csv", String.join("\n",
                "porteur,type,code_commune,lon,lat,places,statut",
                "Mairie,coworking,,,,5,projet",
                "Mairie,coworking,12145,3.1,,5,projet",
                "Mairie,coworking,99999,,,5,projet",
                "Mairie,coworking,12145,,,0,projet",
                ""));
        LoadException e = catchThrowableOfType(LoadException.class, () -> loader.load(List.of(bad), context(store)));
        assertThat(e.details()).extracting(LoadException::field).containsExactly("code_commune", "lat", "code_commune", "places");
        assertThat(e.details().get(2).getMessage()).contains("« 99999 » inconnu");
    }
}
