package fr.carence.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import fr.carence.store.Feature;
import fr.carence.store.FeatureQuery;
import fr.carence.store.LayerSchema;
import fr.carence.store.LayerSchema.Attribute;
import fr.carence.store.LayerSchema.AttributeType;
import fr.carence.store.LayerSchema.GeometryType;
import fr.carence.store.LayerWriter;
import fr.carence.store.filter.Filter;
import fr.carence.store.testing.BothStores;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;

/**
 * The query plans of bbox and spatial-filter queries use the layer's spatial index (H2GIS only
 * does with the explicit {@code geom && box} test the compiler emits).
 */
class SpatialIndexUseTest {

    private static final String LAYER = "fixture_points";

    /** 20,000 points on a 200 m lattice: big enough for PostgreSQL to prefer its GiST index. */
    private static void load(JdbcFeatureStore store) {
        if (store.schema(LAYER).isPresent()) {
            return;
        }
        LayerSchema schema = new LayerSchema(LAYER, List.of(Attribute.required("id", AttributeType.INTEGER)),
                GeometryType.POINT, "id");
        try (LayerWriter w = store.replaceLayer(schema, Fixtures.SOURCE)) {
            for (int i = 0; i < 20_000; i++) {
                double x = 600_000 + (i % 200) * 200.0;
                double y = 6_800_000 + (i / 200) * 200.0;
                w.write(new Feature(null, Fixtures.GF.createPoint(new Coordinate(x, y)), Map.of("id", i)));
            }
            w.commit();
        }
    }

    private static void assertUsesSpatialIndex(JdbcFeatureStore store, FeatureQuery query) {
        String plan = store.explain(LAYER, query).toLowerCase(Locale.ROOT);
        String index = LayerTables.spatialIndexName(store.publishedTable(LAYER).orElseThrow());
        assertThat(plan).as("plan on %s:%n%s", store.kind(), plan).contains(index);
        if (store.kind().equals("postgis")) {
            assertThat(plan).containsAnyOf("index scan", "bitmap index scan");
        }
    }

    @BothStores
    void bboxQueriesUseTheSpatialIndex(JdbcFeatureStore store) {
        load(store);
        FeatureQuery bbox = FeatureQuery.all().withBbox(new Envelope(600_000, 601_000, 6_800_000, 6_801_000));
        assertUsesSpatialIndex(store, bbox);
        assertThat(store.count(LAYER, bbox)).isEqualTo(36);
    }

    @BothStores
    void spatialFiltersUseTheSpatialIndex(JdbcFeatureStore store) {
        load(store);
        var area = Fixtures.square(610_000, 6_810_000, 500);
        for (Filter f : List.of(new Filter.Spatial(Filter.SpatialOperator.INTERSECTS, area),
                new Filter.Spatial(Filter.SpatialOperator.WITHIN, area),
                new Filter.Spatial(Filter.SpatialOperator.DWITHIN, Fixtures.GF.createPoint(new Coordinate(610_000, 6_810_000)), 300),
                new Filter.And(List.of(new Filter.Spatial(Filter.SpatialOperator.BBOX, area),
                        new Filter.Compare("id", Filter.ComparisonOperator.GT, 10))))) {
            assertUsesSpatialIndex(store, FeatureQuery.all().withFilter(f));
        }
        assertThat(store.count(LAYER, FeatureQuery.all().withFilter(new Filter.Spatial(Filter.SpatialOperator.DWITHIN,
                Fixtures.GF.createPoint(new Coordinate(610_000, 6_810_000)), 200)))).isEqualTo(5);
    }
}
