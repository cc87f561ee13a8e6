package fr.carence.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.carence.store.Feature;
import fr.carence.store.FeatureQuery;
import fr.carence.store.InvalidQueryException;
import fr.carence.store.filter.Filter;
import fr.carence.store.filter.Filter.ComparisonOperator;
import fr.carence.store.filter.Filter.SpatialOperator;
import fr.carence.store.testing.BothStores;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeEach;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;

/**
 * Every Filter variant on the fixture grid, checked against the answer computed in Java, plus
 * injection payloads as values (bound, so they match nothing) and as names (rejected).
 */
class FilterQueryTest {

    private static final String LAYER = "fixture_filters";

    @BeforeEach
    void load(JdbcFeatureStore store) {
        if (store.schema(LAYER).isEmpty()) {
            Fixtures.load(store, Fixtures.gridSchema(LAYER), Fixtures.grid());
        }
    }

    private static List<String> ids(JdbcFeatureStore store, Filter filter) {
        List<String> ids = Fixtures.ids(store, LAYER, FeatureQuery.all().withFilter(filter));
        assertThat(store.count(LAYER, FeatureQuery.all().withFilter(filter))).isEqualTo(ids.size());
        return ids;
    }

    private static List<String> expected(Predicate<Feature> p) {
        return Fixtures.grid().stream().filter(p).map(Feature::id).toList();
    }

    private static Integer population(Feature f) {
        return (Integer) f.get("population");
    }

    @BothStores
    void comparisons(JdbcFeatureStore store) {
        assertThat(ids(store, new Filter.Compare("population", ComparisonOperator.EQ, 42))).containsExactly("c42");
        assertThat(ids(store, new Filter.Compare("population", ComparisonOperator.EQ, "42"))).containsExactly("c42");
        assertThat(ids(store, new Filter.Compare("population", ComparisonOperator.LT, 5)))
                .containsExactlyInAnyOrderElementsOf(expected(f -> population(f) != null && population(f) < 5));
        assertThat(ids(store, new Filter.Compare("population", ComparisonOperator.GE, "95")))
                .containsExactlyInAnyOrder("c95", "c96", "c97", "c98");
        assertThat(ids(store, new Filter.Compare("population", ComparisonOperator.NE, 0))).hasSize(98);
        assertThat(ids(store, new Filter.Compare("taux", ComparisonOperator.GT, 0.975))).containsExactlyInAnyOrder("c98", "c99");
        assertThat(ids(store, new Filter.Compare("surface", ComparisonOperator.LE, 10_000_000_001L))).containsExactlyInAnyOrder("c00", "c01");
        assertThat(ids(store, new Filter.Compare("rural", ComparisonOperator.EQ, "true")))
                .containsExactlyInAnyOrderElementsOf(expected(f -> (Boolean) f.get("rural")));
        assertThat(ids(store, new Filter.Compare("creation", ComparisonOperator.EQ, "2003-08-01"))).containsExactly("c37");
        assertThat(ids(store, new Filter.Compare("maj", ComparisonOperator.LT, "2024-01-01T02:30:00Z")))
                .containsExactlyInAnyOrder("c00", "c01", "c02");
        assertThat(ids(store, new Filter.Compare("maj", ComparisonOperator.EQ, Instant.parse("2024-01-01T01:00:00Z"))))
                .containsExactly("c01");
        assertThat(ids(store, new Filter.Compare("value", ComparisonOperator.EQ, "v3"))).hasSize(10);
        assertThat(ids(store, new Filter.Compare("nom", ComparisonOperator.EQ, "saint-lieu_00", false))).containsExactly("c00");
        assertThat(ids(store, new Filter.Compare("nom", ComparisonOperator.EQ, "saint-lieu_00", true))).isEmpty();
        assertThat(ids(store, new Filter.Between("population", 10, "12"))).containsExactlyInAnyOrder("c10", "c11", "c12");
        assertThat(ids(store, new Filter.Between("creation", LocalDate.of(2009, 1, 1), "2009-02-01")))
                .containsExactlyInAnyOrder("c90", "c91");
        assertThat(ids(store, new Filter.IsNull("population"))).containsExactly("c99");
        assertThat(ids(store, new Filter.IsNull("geom"))).isEmpty();
    }

    @BothStores
    void logicalOperators(JdbcFeatureStore store) {
        Filter low = new Filter.Compare("population", ComparisonOperator.LT, 20);
        Filter rural = new Filter.Compare("rural", ComparisonOperator.EQ, true);
        assertThat(ids(store, new Filter.And(List.of(low, rural))))
                .containsExactlyInAnyOrderElementsOf(expected(f -> population(f) != null && population(f) < 20 && (Boolean) f.get("rural")));
        assertThat(ids(store, new Filter.Or(List.of(low, new Filter.IsNull("population"))))).hasSize(21);
        assertThat(ids(store, new Filter.Not(low))).hasSize(79);  // SQL semantics: NULL population is neither
        assertThat(ids(store, new Filter.And(List.of()))).hasSize(100);
        assertThat(ids(store, new Filter.Or(List.of()))).isEmpty();
    }

    @BothStores
    void likeWithCustomWildcardsAndLiteralSqlCharacters(JdbcFeatureStore store) {
        // FES: wildCard '*', singleChar '#', escapeChar '!'
        assertThat(ids(store, new Filter.Like("nom", "Saint-*", '*', '#', '!', true)))
                .containsExactlyInAnyOrderElementsOf(expected(f -> f.get("nom").toString().startsWith("Saint-")));
        assertThat(ids(store, new Filter.Like("nom", "Le Lieu_#3", '*', '#', '!', true)))
                .containsExactlyInAnyOrder("c13", "c33", "c53", "c73", "c93");
        // '%' and '_' are literals in the FES pattern: they must not act as SQL wildcards.
        assertThat(ids(store, new Filter.Like("nom", "*50%*", '*', '#', '!', true))).hasSize(10);
        assertThat(ids(store, new Filter.Like("nom", "Saint%", '*', '#', '!', true))).isEmpty();
        assertThat(ids(store, new Filter.Like("nom", "Saint-Lieu_0_", '*', '#', '!', true))).isEmpty();
        assertThat(ids(store, new Filter.Like("nom", "Saint-Lieu!_00", '*', '#', '!', true))).containsExactly("c00");
        assertThat(ids(store, new Filter.Like("nom", "*!*", '*', '#', '!', true))).isEmpty();
        assertThat(ids(store, new Filter.Like("nom", "saint-lieu_00", '*', '#', '!', false))).containsExactly("c00");
        assertThat(ids(store, new Filter.Like("nom", "saint-lieu_00", '*', '#', '!', true))).isEmpty();
        // SQL-flavoured FES characters
        assertThat(ids(store, new Filter.Like("code", "c_1", '%', '_', '\\', true))).hasSize(10);
        assertThat(ids(store, new Filter.Like("population", "4*", '*', '#', '!', true)))
                .containsExactlyInAnyOrder("c04", "c40", "c41", "c42", "c43", "c44", "c45", "c46", "c47", "c48", "c49");
    }

    @BothStores
    void resourceIds(JdbcFeatureStore store) {
        assertThat(ids(store, new Filter.ResourceIds(List.of("c01", "c55", "nope")))).containsExactlyInAnyOrder("c01", "c55");
        assertThat(ids(store, new Filter.ResourceIds(List.of()))).isEmpty();
    }

    @BothStores
    void spatialOperators(JdbcFeatureStore store) {
        double x = Fixtures.X0;
        double y = Fixtures.Y0;
        // A box strictly inside cells (2..3, 4..5).
        Geometry box = Fixtures.square(x + 2500, y + 4500, 1000);
        assertThat(ids(store, new Filter.Spatial(SpatialOperator.BBOX, box)))
                .containsExactlyInAnyOrder("c24", "c25", "c34", "c35");
        assertThat(ids(store, new Filter.Spatial(SpatialOperator.INTERSECTS, box)))
                .containsExactlyInAnyOrder("c24", "c25", "c34", "c35");
        assertThat(ids(store, new Filter.Spatial(SpatialOperator.DISJOINT, box))).hasSize(96);
        Geometry inner = Fixtures.square(x + 7100, y + 1100, 100);
        assertThat(ids(store, new Filter.Spatial(SpatialOperator.CONTAINS, inner))).containsExactly("c71");
        Geometry big = Fixtures.square(x - 1, y - 1, 2002);
        assertThat(ids(store, new Filter.Spatial(SpatialOperator.WITHIN, big)))
                .containsExactlyInAnyOrder("c00", "c01", "c10", "c11");
        Geometry cell = Fixtures.square(x + 5000, y + 5000, 1000);
        assertThat(ids(store, new Filter.Spatial(SpatialOperator.EQUALS, cell))).containsExactly("c55");
        assertThat(ids(store, new Filter.Spatial(SpatialOperator.TOUCHES, cell))).hasSize(8);
        assertThat(ids(store, new Filter.Spatial(SpatialOperator.OVERLAPS, Fixtures.square(x + 5500, y + 5500, 1000))))
                .containsExactlyInAnyOrder("c55", "c56", "c65", "c66");
        Geometry line = Fixtures.GF.createLineString(new Coordinate[] {new Coordinate(x + 500, y + 500), new Coordinate(x + 1500, y + 500)});
        assertThat(ids(store, new Filter.Spatial(SpatialOperator.CROSSES, line))).containsExactlyInAnyOrder("c00", "c10");
        Geometry point = Fixtures.GF.createPoint(new Coordinate(x + 500, y + 500));
        assertThat(ids(store, new Filter.Spatial(SpatialOperator.DWITHIN, point, 400))).containsExactly("c00");
        assertThat(ids(store, new Filter.Spatial(SpatialOperator.DWITHIN, point, 1000)))
                .containsExactlyInAnyOrder("c00", "c01", "c10", "c11");
        assertThat(ids(store, new Filter.Spatial(SpatialOperator.BEYOND, point, 1000))).hasSize(96);
        // FeatureQuery.bbox combined with a filter
        FeatureQuery q = FeatureQuery.all().withBbox(new Envelope(x + 2500, x + 3500, y + 4500, y + 5500))
                .withFilter(new Filter.Compare("population", ComparisonOperator.GT, 25));
        assertThat(Fixtures.ids(store, LAYER, q)).containsExactlyInAnyOrder("c34", "c35");
        assertThat(store.count(LAYER, q)).isEqualTo(2);
    }

    @BothStores
    void injectionPayloadsAsValuesAreBound(JdbcFeatureStore store) {
        List<String> payloads = List.of("' OR '1'='1", "c00' OR 1=1 --", "c00'; DROP TABLE carence_layer; --",
                "\\' OR 1=1 --", "%", "c00\" OR \"1\"=\"1");
        for (String payload : payloads) {
            assertThat(ids(store, new Filter.Compare("code", ComparisonOperator.EQ, payload))).isEmpty();
            assertThat(ids(store, new Filter.Compare("nom", ComparisonOperator.EQ, payload, false))).isEmpty();
            assertThat(ids(store, new Filter.Like("code", payload + "*", '*', '#', '!', true))).isEmpty();
            assertThat(ids(store, new Filter.ResourceIds(List.of(payload)))).isEmpty();
            assertThatThrownBy(() -> ids(store, new Filter.Compare("population", ComparisonOperator.EQ, payload)))
                    .isInstanceOf(InvalidQueryException.class)
                    .satisfies(e -> assertThat(((InvalidQueryException) e).parameter()).isEqualTo("population"))
                    .hasMessageContaining("expected INTEGER");
        }
        assertThat(store.layerNames()).contains(LAYER);
        assertThat(store.count(LAYER, FeatureQuery.all())).isEqualTo(100);
    }

    @BothStores
    void injectionPayloadsAsNamesAreRejected(JdbcFeatureStore store) {
        List<String> names = List.of("code = code OR 1=1 --", "code\"; DROP TABLE carence_layer; --", "CODE", "geom) --",
                "carence_layer.layer_name", "1");
        for (String name : names) {
            assertInvalid(() -> ids(store, new Filter.Compare(name, ComparisonOperator.EQ, "x")), name);
            assertInvalid(() -> ids(store, new Filter.Like(name, "x", '*', '#', '!', true)), name);
            assertInvalid(() -> ids(store, new Filter.IsNull(name)), name);
            assertInvalid(() -> ids(store, new Filter.Between(name, 1, 2)), name);
            assertInvalid(() -> Fixtures.ids(store, LAYER, FeatureQuery.all().withProperties(List.of(name))), name);
            assertThatThrownBy(() -> Fixtures.ids(store, LAYER, FeatureQuery.all().withSort(List.of(new FeatureQuery.SortKey(name, true)))))
                    .isInstanceOf(InvalidQueryException.class).hasMessageContaining("has no property");
        }
        assertThat(store.count(LAYER, FeatureQuery.all())).isEqualTo(100);
    }

    private static void assertInvalid(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String name) {
        assertThatThrownBy(call).isInstanceOf(InvalidQueryException.class)
                .satisfies(e -> assertThat(((InvalidQueryException) e).parameter()).isEqualTo(name))
                .hasMessageNotContaining("SELECT");
    }

    @BothStores
    void callerMistakesAreInvalidQueries(JdbcFeatureStore store) {
        assertThatThrownBy(() -> ids(store, new Filter.Compare("population", ComparisonOperator.EQ, null)))
                .isInstanceOf(InvalidQueryException.class).hasMessageContaining("PropertyIsNull");
        assertThatThrownBy(() -> ids(store, new Filter.Compare("creation", ComparisonOperator.EQ, "hier")))
                .isInstanceOf(InvalidQueryException.class).hasMessageContaining("'creation'").hasMessageContaining("DATE");
        assertThatThrownBy(() -> ids(store, new Filter.Compare("population", ComparisonOperator.EQ, 3.5)))
                .isInstanceOf(InvalidQueryException.class);
        Geometry wgs = Fixtures.square(2, 48, 1);
        wgs.setSRID(4326);
        assertThatThrownBy(() -> ids(store, new Filter.Spatial(SpatialOperator.INTERSECTS, wgs)))
                .isInstanceOf(InvalidQueryException.class).hasMessageContaining("EPSG:4326");
        assertThatThrownBy(() -> ids(store, new Filter.Spatial(SpatialOperator.DWITHIN, wgs.getCentroid(), -1)))
                .isInstanceOf(InvalidQueryException.class);
        // A selection of properties keeps schema order and always includes the id.
        Feature f = Fixtures.read(store, LAYER, FeatureQuery.all().withProperties(List.of("taux", "nom", "geom"))
                .withoutGeometry().withPage(0, 1)).get(0);
        assertThat(f.properties().keySet()).containsExactly("code", "nom", "taux");
        assertThat(f.geometry()).isNull();
        assertThat(Objects.requireNonNull(f.id())).isEqualTo("c00");
    }
}
