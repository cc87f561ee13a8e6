package fr.carence.ogc.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.carence.ogc.OwsException;
import fr.carence.ogc.crs.CrsNameParser;
import fr.carence.store.FeatureStore;
import fr.carence.store.LayerSchema;
import fr.carence.store.LayerSchema.Attribute;
import fr.carence.store.LayerSchema.AttributeType;
import fr.carence.store.LayerSchema.GeometryType;
import fr.carence.store.filter.Filter;
import fr.carence.store.filter.Filter.ComparisonOperator;
import fr.carence.store.filter.Filter.SpatialOperator;
import java.time.LocalDate;
import java.util.List;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Point;

/** CQL2 text and JSON to the store's filter model, hand-written expectations; both encodings must agree. */
class Cql2ParserTest {

    private static final LayerSchema SCHEMA = new LayerSchema("communes", List.of(
            Attribute.required("code", AttributeType.STRING), Attribute.required("nom", AttributeType.STRING),
            Attribute.optional("population", AttributeType.INTEGER), Attribute.optional("densite", AttributeType.DOUBLE),
            Attribute.optional("rural", AttributeType.BOOLEAN), Attribute.optional("maj", AttributeType.DATE)),
            GeometryType.MULTIPOLYGON, "code");

    private static Cql2Builder builder(String crs) {
        return new Cql2Builder("communes", SCHEMA, CrsNameParser.parse(crs));
    }

    private static Filter text(String cql) {
        return Cql2TextParser.parse(builder(ApiCrs.CRS84), cql);
    }

    private static Filter json(String cql) {
        return Cql2JsonParser.parse(builder(ApiCrs.CRS84), cql);
    }

    @Test
    void comparisonsBecomeTypedCompares() {
        assertThat(text("population >= 1000")).isEqualTo(new Filter.Compare("population", ComparisonOperator.GE, 1000));
        assertThat(text("nom = 'L''Hospitalet'")).isEqualTo(new Filter.Compare("nom", ComparisonOperator.EQ, "L'Hospitalet"));
        assertThat(text("densite < 12.5")).isEqualTo(new Filter.Compare("densite", ComparisonOperator.LT, 12.5));
        assertThat(text("rural = TRUE")).isEqualTo(new Filter.Compare("rural", ComparisonOperator.EQ, true));
        assertThat(text("maj > DATE('2026-01-01')"))
                .isEqualTo(new Filter.Compare("maj", ComparisonOperator.GT, LocalDate.of(2026, 1, 1)));
        // A literal on the left flips the operator: 1000 < population is population > 1000.
        assertThat(text("1000 < population")).isEqualTo(new Filter.Compare("population", ComparisonOperator.GT, 1000));
        assertThat(text("\"code\" <> '12202'")).isEqualTo(new Filter.Compare("code", ComparisonOperator.NE, "12202"));
        assertThat(text("CASEI(nom) = CASEI('rodez')")).isEqualTo(new Filter.Compare("nom", ComparisonOperator.EQ, "rodez", false));
    }

    @Test
    void logicalOperatorsFollowCql2Precedence() {
        Filter dep12 = new Filter.Like("code", "12%", '%', '_', '\\', true);
        Filter big = new Filter.Compare("population", ComparisonOperator.GT, 5000);
        Filter named = new Filter.IsNull("nom");
        // AND binds tighter than OR; NOT tighter than AND.
        assertThat(text("code LIKE '12%' OR population > 5000 AND NOT nom IS NULL"))
                .isEqualTo(new Filter.Or(List.of(dep12, new Filter.And(List.of(big, new Filter.Not(named))))));
        assertThat(text("(code LIKE '12%' or population > 5000) and nom is not null"))
                .isEqualTo(new Filter.And(List.of(new Filter.Or(List.of(dep12, big)), new Filter.Not(named))));
    }

    @Test
    void advancedComparisonOperators() {
        assertThat(text("population BETWEEN 100 AND 2000")).isEqualTo(new Filter.Between("population", 100, 2000));
        assertThat(text("population NOT BETWEEN 100 AND 2000")).isEqualTo(new Filter.Not(new Filter.Between("population", 100, 2000)));
        assertThat(text("code IN ('12202', '81004')")).isEqualTo(new Filter.Or(List.of(
                new Filter.Compare("code", ComparisonOperator.EQ, "12202"), new Filter.Compare("code", ComparisonOperator.EQ, "81004"))));
        assertThat(text("code NOT IN ('12202')")).isEqualTo(new Filter.Not(new Filter.Compare("code", ComparisonOperator.EQ, "12202")));
        assertThat(text("nom NOT LIKE 'Saint\\_%'")).isEqualTo(new Filter.Not(new Filter.Like("nom", "Saint\\_%", '%', '_', '\\', true)));
        assertThat(text("CASEI(nom) LIKE CASEI('saint%')")).isEqualTo(new Filter.Like("nom", "saint%", '%', '_', '\\', false));
    }

    @Test
    void textAndJsonEncodingsGiveTheSameFilter() {
        assertThat(json("{\"op\":\"and\",\"args\":[{\"op\":\">=\",\"args\":[{\"property\":\"population\"},1000]},"
                + "{\"op\":\"like\",\"args\":[{\"property\":\"code\"},\"12%\"]}]}"))
                .isEqualTo(text("population >= 1000 AND code LIKE '12%'"));
        assertThat(json("{\"op\":\"between\",\"args\":[{\"property\":\"population\"},100,2000]}"))
                .isEqualTo(text("population BETWEEN 100 AND 2000"));
        assertThat(json("{\"op\":\"in\",\"args\":[{\"property\":\"code\"},[\"12202\",\"81004\"]]}"))
                .isEqualTo(text("code IN ('12202','81004')"));
        assertThat(json("{\"op\":\"not\",\"args\":[{\"op\":\"isNull\",\"args\":[{\"property\":\"nom\"}]}]}"))
                .isEqualTo(text("nom IS NOT NULL"));
        assertThat(json("{\"op\":\"=\",\"args\":[{\"op\":\"casei\",\"args\":[{\"property\":\"nom\"}]},"
                + "{\"op\":\"casei\",\"args\":[\"rodez\"]}]}")).isEqualTo(text("CASEI(nom) = CASEI('rodez')"));
        assertThat(json("{\"op\":\"=\",\"args\":[{\"property\":\"maj\"},{\"date\":\"2026-01-01\"}]}"))
                .isEqualTo(text("maj = DATE('2026-01-01')"));
    }

    @Test
    void spatialLiteralsAreMovedFromFilterCrsToLambert93() {
        // Rodez, lon 2.5750 lat 44.3506: in Lambert-93 (666 122.18, 6 361 376.58) according to GDAL's
        // gdaltransform -s_srs OGC:CRS84 -t_srs EPSG:2154 (an independent implementation).
        Filter.Spatial wkt = (Filter.Spatial) text("S_INTERSECTS(geom, POINT(2.5750 44.3506))");
        Filter.Spatial geoJson = (Filter.Spatial) json("{\"op\":\"s_intersects\",\"args\":[{\"property\":\"geom\"},"
                + "{\"type\":\"Point\",\"coordinates\":[2.5750,44.3506]}]}");
        Filter.Spatial latLon = (Filter.Spatial) Cql2TextParser.parse(builder("http://www.opengis.net/def/crs/EPSG/0/4326"),
                "S_INTERSECTS(geom, POINT(44.3506 2.5750))");
        for (Filter.Spatial s : List.of(wkt, geoJson, latLon)) {
            assertThat(s.operator()).isEqualTo(SpatialOperator.INTERSECTS);
            Point p = (Point) s.geometry();
            assertThat(p.getSRID()).isEqualTo(FeatureStore.STORAGE_SRID);
            assertThat(p.getX()).isCloseTo(666_122.18, Offset.offset(0.05));
            assertThat(p.getY()).isCloseTo(6_361_376.58, Offset.offset(0.05));
        }
        assertThat(latLon.geometry().getCoordinate().x).isCloseTo(wkt.geometry().getCoordinate().x, Offset.offset(1e-6));
        Envelope box = ((Filter.Spatial) text("S_INTERSECTS(geom, BBOX(2.5, 44.3, 2.6, 44.4))")).geometry().getEnvelopeInternal();
        assertThat(box.contains(wkt.geometry().getCoordinate())).isTrue();
        Filter.Spatial polygon = (Filter.Spatial) text("S_WITHIN(geom, POLYGON((2 44, 3 44, 3 45, 2 45, 2 44)))");
        assertThat(polygon.operator()).isEqualTo(SpatialOperator.WITHIN);
        // S_WITHIN(literal, geom) means the feature contains the literal.
        assertThat(((Filter.Spatial) text("S_WITHIN(POINT(2.5750 44.3506), geom)")).operator()).isEqualTo(SpatialOperator.CONTAINS);
    }

    @Test
    void booleanLiterals() {
        assertThat(text("TRUE")).isEqualTo(new Filter.And(List.of()));
        assertThat(text("FALSE OR code = '1'")).isEqualTo(new Filter.Or(List.of(new Filter.Or(List.of()),
                new Filter.Compare("code", ComparisonOperator.EQ, "1"))));
    }

    @Test
    void errorsAreFrenchAndNameTheFilterParameterAndPosition() {
        assertError("population >", "valeur ou propriété attendue");
        assertError("nom = 'Rodez", "non terminé");
        assertError("inconnue = 1", "propriété inconnue « inconnue »");
        assertError("population = 'beaucoup'", "de type entier");
        assertError("population = 1.5", "est entière");
        assertError("nom LIKE 12", "LIKE");
        assertError("T_AFTER(maj, DATE('2026-01-01'))", "non pris en charge");
        assertError("code = '1' code = '2'", "texte inattendu");
        assertError("S_INTERSECTS(geom, POINT(1 2)", "attendu");
        assertError("S_INTERSECTS(geom, POLYGON((0 0, 1 1)))", "WKT invalide");
        assertError("S_INTERSECTS(nom, POINT(1 2))", "géométrie de la collection");
        assertError("geom = 'x'", "fonction spatiale");
        assertError("code = nom", "deux propriétés");
        assertThatThrownBy(() -> json("{\"op\":\"=\",\"args\":[{\"property\":\"code\"}]}"))
                .isInstanceOfSatisfying(OwsException.class, e -> assertThat(e.getMessage()).contains("demande 2 arguments"));
        assertThatThrownBy(() -> json("{\"op\": ")).isInstanceOfSatisfying(OwsException.class,
                e -> assertThat(e.getMessage()).contains("JSON mal formé (ligne 1"));
    }

    @Test
    void tooManyElementsAreRefused() {
        StringBuilder sb = new StringBuilder("code IN (");
        for (int i = 0; i < 10_001; i++) {
            sb.append(i == 0 ? "" : ",").append("'").append(i).append("'");
        }
        assertError(sb.append(")").toString(), "trop complexe");
    }

    private static void assertError(String cql, String fragment) {
        assertThatThrownBy(() -> text(cql)).isInstanceOfSatisfying(OwsException.class, e -> {
            assertThat(e.locator()).isEqualTo("filter");
            assertThat(e.httpStatus()).isEqualTo(400);
            assertThat(e.getMessage()).startsWith("Paramètre filter : ").contains(fragment);
        });
    }
}
