package fr.carence.loaders.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.data.Offset.offset;

import fr.carence.crs.CrsTransforms;
import fr.carence.store.Feature;
import fr.carence.store.FeatureStore;
import fr.carence.store.LayerInfo;
import fr.carence.store.LayerSchema;
import fr.carence.store.testing.BothStores;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;

/**
 * The placement shared by the point loaders (venues, AMII intentions): declared coordinates
 * (decimal comma included) checked to fall in France, else the commune's representative point
 * read from the store (both stores), and a French error naming the line and the column otherwise.
 *
 * <p>Fixture (made up): Millau (12145) and Saint-Denis de La Réunion (97411) get a 2 km square
 * in Lambert-93 (the storage CRS of every territory) whose interior point is its centre; Conques
 * (12218) is in the COG without an outline; 12076 is a former code merged into 12218.
 */
class PlacementTest {

    private static final GeometryFactory GF = new GeometryFactory();
    private static final CommuneCodes CODES = CommuneCodes.of(Set.of("12145", "97411", "12218"), Map.of("12076", "12218"));
    /** An error located like a CSV row's: file, line 7, field. */
    private static final FieldError LINE_7 = (field, reason) -> LoadException.atLine("lieux.csv", 7, field, reason);

    @TempDir
    Path tmp;

    /** Centre of La Réunion's made-up square, in Lambert-93 (far outside metropolitan France, as stored). */
    private static final double[] REUNION = CrsTransforms.transform(55.45, -20.88, 4326, FeatureStore.STORAGE_SRID);

    private static void fixtureCommunes(FeatureStore store) {
        LayerSchema schema = new LayerSchema("communes", List.of(LayerSchema.Attribute.required("code", LayerSchema.AttributeType.STRING)),
                LayerSchema.GeometryType.POLYGON, "code");
        LayerPublisher.publishAll(store, new LayerInfo.Source("fixture", "PlacementTest", null),
                Map.of(schema, List.of(new Feature("12145", square(701000, 6341000), Map.of("code", "12145")),
                        new Feature("97411", square(REUNION[0], REUNION[1]), Map.of("code", "97411")))),
                new LoadReport("fixture"));
    }

    private static Polygon square(double cx, double cy) {
        Polygon p = GF.createPolygon(new Coordinate[] {new Coordinate(cx - 1000, cy - 1000), new Coordinate(cx + 1000, cy - 1000),
                new Coordinate(cx + 1000, cy + 1000), new Coordinate(cx - 1000, cy + 1000), new Coordinate(cx - 1000, cy - 1000)});
        p.setSRID(FeatureStore.STORAGE_SRID);
        return p;
    }

    private static Placement placement(FeatureStore store) {
        return new Placement(store, CODES, "l'intention");
    }

    @Test
    void declaredLonLatArePlacedInLambert93() {
        Placement.Place place = Placement.atCoordinates(3.0777, 44.0983, 4326, LINE_7);
        double[] expected = CrsTransforms.transform(3.0777, 44.0983, 4326, FeatureStore.STORAGE_SRID);
        assertThat(place.localisation()).isEqualTo(Placement.COORDINATES);
        assertThat(place.point().getSRID()).isEqualTo(FeatureStore.STORAGE_SRID);
        assertThat(place.point().getX()).isEqualTo(expected[0], offset(1e-6));
        assertThat(place.point().getY()).isEqualTo(expected[1], offset(1e-6));
        assertThat(place.lon()).isEqualTo(3.0777);
        assertThat(place.lat()).isEqualTo(44.0983);
        // Millau is in metropolitan France, some 700 km east of the Lambert-93 origin.
        assertThat(place.point().getX()).isBetween(690_000.0, 720_000.0);
    }

    @Test
    void coordinatesInAnotherCrsAreCheckedInLonLat() {
        double[] xy = CrsTransforms.transform(3.0777, 44.0983, 4326, 3857);
        Placement.Place place = Placement.atCoordinates(xy[0], xy[1], 3857, LINE_7);
        assertThat(place.lon()).isEqualTo(3.0777, offset(1e-9));
        assertThat(place.lat()).isEqualTo(44.0983, offset(1e-9));
        // Out of France in a projected CRS: the geometry is at fault, not lon/lat columns.
        double[] madrid = CrsTransforms.transform(-3.70, 40.42, 4326, 3857);
        LoadException e = catchThrowableOfType(LoadException.class, () -> Placement.atCoordinates(madrid[0], madrid[1], 3857, LINE_7));
        assertThat(e.field()).isEqualTo("geometry");
    }

    @Test
    void decimalCommaInASemicolonCsv() throws IOException {
        Path csv = tmp.resolve("lieux.csv");
        Files.writeString(csv, "nom;lon;lat\nMillau;3,0777;44,0983\nInversé;44,0983;3,0777\n", StandardCharsets.UTF_8);
        List<Placement.Place> places = new ArrayList<>();
        List<LoadException> errors = new ArrayList<>();
        try (CsvFile file = CsvFile.open(csv, CsvSpec.of(';', TextEncoding.UTF8_ONLY, List.of("lon", "lat"), Placement.csvCoordinates(';')),
                Progress.silent())) {
            for (CsvRow row : file) {
                try {
                    places.add(Placement.atCoordinates(row.decimal("lon"), row.decimal("lat"), 4326, row::error));
                } catch (LoadException e) {
                    errors.add(e);
                }
            }
        }
        assertThat(places).singleElement().satisfies(p -> {
            assertThat(p.lon()).isEqualTo(3.0777);
            assertThat(p.lat()).isEqualTo(44.0983);
        });
        // Swapped columns land in the sea off Somalia: rejected, naming the file, line and column.
        assertThat(errors).singleElement().satisfies(e -> {
            assertThat(e.location()).isEqualTo("ligne 3");
            assertThat(e.field()).isEqualTo("lon/lat");
            assertThat(e.getMessage()).contains("lieux.csv", "ligne 3", "champ « lon/lat »",
                    "coordonnées hors de France (lon 44.09830, lat 3.07770)");
        });
        // A ','-separated file has no decimal comma.
        assertThat(Placement.csvCoordinates(',').decimalComma()).isFalse();
    }

    @Test
    void outOfFranceIsAFrenchErrorNamingLineAndColumn() {
        LoadException e = catchThrowableOfType(LoadException.class, () -> Placement.atCoordinates(-3.70, 40.42, 4326, LINE_7));
        assertThat(e.getMessage()).isEqualTo(
                "lieux.csv, ligne 7, champ « lon/lat » : coordonnées hors de France (lon -3.70000, lat 40.42000) : colonnes inversées ou erronées ?");
        // The overseas départements are France.
        assertThat(Placement.atCoordinates(55.45, -20.88, 4326, LINE_7).localisation()).isEqualTo(Placement.COORDINATES);
        assertThat(Placement.atCoordinates(-52.33, 4.93, 4326, LINE_7).localisation()).isEqualTo(Placement.COORDINATES);
    }

    @BothStores
    void communePointWhenNoCoordinates(FeatureStore store) {
        fixtureCommunes(store);
        Placement placement = placement(store);
        Placement.Place place = placement.place(null, null, 4326, placement.commune("12145", LINE_7), LINE_7);
        assertThat(place.localisation()).isEqualTo(Placement.COMMUNE_POINT);
        assertThat(place.point().getX()).isEqualTo(701000, offset(1e-6));
        assertThat(place.point().getY()).isEqualTo(6341000, offset(1e-6));
        assertThat(place.point().getSRID()).isEqualTo(FeatureStore.STORAGE_SRID);
        assertThat(place.lon()).isNaN();
        // Coordinates, when given, win over the commune.
        assertThat(placement.place(3.0777, 44.0983, 4326, "12145", LINE_7).localisation()).isEqualTo(Placement.COORDINATES);
    }

    @BothStores
    void overseasCommunePoint(FeatureStore store) {
        fixtureCommunes(store);
        Placement.Place place = placement(store).place(null, null, 4326, "97411", LINE_7);
        assertThat(place.localisation()).isEqualTo(Placement.COMMUNE_POINT);
        assertThat(place.point().getX()).isEqualTo(REUNION[0], offset(1e-6));
        assertThat(place.point().getY()).isEqualTo(REUNION[1], offset(1e-6));
    }

    @BothStores
    void missingOrUnplaceableLocationsAreErrors(FeatureStore store) {
        fixtureCommunes(store);
        Placement placement = placement(store);
        LoadException neither = catchThrowableOfType(LoadException.class, () -> placement.place(null, null, 4326, null, LINE_7));
        assertThat(neither.getMessage()).isEqualTo(
                "lieux.csv, ligne 7, champ « code_commune » : ni lon/lat ni code_commune : impossible de situer l'intention");
        LoadException lonOnly = catchThrowableOfType(LoadException.class, () -> placement.place(3.1, null, 4326, "12145", LINE_7));
        assertThat(lonOnly.field()).isEqualTo("lat");
        assertThat(lonOnly.getMessage()).contains("lon et lat vont ensemble");
        assertThat(catchThrowableOfType(LoadException.class, () -> placement.place(null, 44.1, 4326, null, LINE_7)).field())
                .isEqualTo("lon");
        // In the COG but no outline loaded: the commune cannot give a point.
        LoadException noOutline = catchThrowableOfType(LoadException.class, () -> placement.place(null, null, 4326, "12218", LINE_7));
        assertThat(noOutline.field()).isEqualTo("code_commune");
        assertThat(noOutline.getMessage()).contains("commune 12218 sans contour chargé (couche communes) : donner lon/lat");
    }

    @Test
    void communeCodesAreCheckedAgainstTheCog() {
        Placement placement = new Placement(null, CODES, "le lieu");
        LoadException unknown = catchThrowableOfType(LoadException.class, () -> placement.commune("99999", LINE_7));
        assertThat(unknown.getMessage()).isEqualTo(
                "lieux.csv, ligne 7, champ « code_commune » : code commune « 99999 » inconnu du code officiel géographique chargé");
        assertThat(placement.commune("12076", LINE_7)).as("former code follows its merger").isEqualTo("12218");
        assertThat(placement.commune("12145", LINE_7)).isEqualTo("12145");
        assertThat(placement.commune(null, LINE_7)).isNull();
    }
}
