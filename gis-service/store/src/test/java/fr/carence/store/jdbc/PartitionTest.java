package fr.carence.store.jdbc;

import static fr.carence.store.jdbc.Fixtures.SOURCE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.carence.store.Feature;
import fr.carence.store.FeatureQuery;
import fr.carence.store.LayerSchema;
import fr.carence.store.LayerSchema.Attribute;
import fr.carence.store.LayerSchema.AttributeType;
import fr.carence.store.LayerSchema.GeometryType;
import fr.carence.store.LayerWriter;
import fr.carence.store.SchemaMismatchException;
import fr.carence.store.filter.Filter;
import fr.carence.store.testing.BothStores;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Coordinate;

/** replacePartition / deletePartition: one transaction per partition, other partitions untouched. */
class PartitionTest {

    static LayerSchema schema(String name) {
        return new LayerSchema(name, List.of(Attribute.required("id", AttributeType.STRING),
                Attribute.required("scenario", AttributeType.STRING), Attribute.optional("rang", AttributeType.INTEGER)),
                GeometryType.POINT, "id");
    }

    static Feature site(String scenario, int rank) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("id", scenario + ":" + rank);
        p.put("scenario", scenario);
        p.put("rang", rank);
        return new Feature(scenario + ":" + rank, Fixtures.GF.createPoint(new Coordinate(650_000 + rank, 6_860_000)), p);
    }

    static void writePartition(JdbcFeatureStore store, String layer, String scenario, int count) {
        try (LayerWriter w = store.replacePartition(schema(layer), "scenario", scenario, SOURCE)) {
            for (int i = 1; i <= count; i++) {
                w.write(site(scenario, i));
            }
            w.commit();
        }
    }

    static long partitionSize(JdbcFeatureStore store, String layer, String scenario) {
        return store.count(layer, FeatureQuery.all().withFilter(new Filter.Compare("scenario", Filter.ComparisonOperator.EQ, scenario)));
    }

    @BothStores
    void partitionsAreReplacedIndependently(JdbcFeatureStore store) {
        String layer = "fixture_sites";
        writePartition(store, layer, "defaut", 5);   // creates the layer
        writePartition(store, layer, "variante", 3);
        assertThat(store.schema(layer)).contains(schema(layer));
        writePartition(store, layer, "defaut", 2);
        assertThat(partitionSize(store, layer, "defaut")).isEqualTo(2);
        assertThat(partitionSize(store, layer, "variante")).isEqualTo(3);
        assertThat(store.info(layer).orElseThrow().featureCount()).isEqualTo(5);

        assertThat(store.deletePartition(layer, "scenario", "variante")).isEqualTo(3);
        assertThat(store.count(layer, FeatureQuery.all())).isEqualTo(2);
        assertThat(store.info(layer).orElseThrow().featureCount()).isEqualTo(2);
        assertThat(store.deletePartition(layer, "scenario", "absent")).isZero();
    }

    @BothStores
    void uncommittedPartitionIsInvisibleAndAbortKeepsTheOldRows(JdbcFeatureStore store) {
        String layer = "fixture_sites_abort";
        writePartition(store, layer, "defaut", 4);
        writePartition(store, layer, "autre", 2);
        List<String> before = LayerLifecycleTest.snapshot(store, layer);

        try (LayerWriter w = store.replacePartition(schema(layer), "scenario", "defaut", SOURCE)) {
            for (int i = 100; i < 1300; i++) {  // several batches sent inside the open transaction
                w.write(site("defaut", i));
            }
            // Readers still see the committed partition while the write is in flight.
            assertThat(partitionSize(store, layer, "defaut")).isEqualTo(4);
            assertThat(LayerLifecycleTest.snapshot(store, layer)).isEqualTo(before);
        }
        assertThat(LayerLifecycleTest.snapshot(store, layer)).isEqualTo(before);
        assertThat(store.info(layer).orElseThrow().featureCount()).isEqualTo(6);
    }

    @BothStores
    void failingPartitionWriteRollsBack(JdbcFeatureStore store) {
        String layer = "fixture_sites_fail";
        writePartition(store, layer, "defaut", 4);
        writePartition(store, layer, "autre", 2);
        List<String> before = LayerLifecycleTest.snapshot(store, layer);

        // A feature of another partition in this write is refused.
        assertThatThrownBy(() -> {
            try (LayerWriter w = store.replacePartition(schema(layer), "scenario", "defaut", SOURCE)) {
                w.write(site("defaut", 7));
                w.write(site("autre", 9));
            }
        }).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("partition scenario = defaut");
        // An id clashing with another partition fails at the batch, and rolls back.
        assertThatThrownBy(() -> {
            try (LayerWriter w = store.replacePartition(schema(layer), "scenario", "defaut", SOURCE)) {
                Map<String, Object> p = new LinkedHashMap<>(site("defaut", 1).properties());
                p.put("id", "autre:1");
                w.write(new Feature(null, null, p));
                w.commit();
            }
        }).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("duplicate id");
        assertThat(LayerLifecycleTest.snapshot(store, layer)).isEqualTo(before);
    }

    @BothStores
    void abortedFirstPartitionDoesNotLeaveAnEmptyLayer(JdbcFeatureStore store) {
        try (LayerWriter w = store.replacePartition(schema("fixture_sites_new"), "scenario", "defaut", SOURCE)) {
            w.write(site("defaut", 1));
        }
        assertThat(store.layerNames()).doesNotContain("fixture_sites_new");
    }

    @BothStores
    void schemaMismatchIsAClearError(JdbcFeatureStore store) {
        String layer = "fixture_sites_schema";
        writePartition(store, layer, "defaut", 1);
        LayerSchema other = new LayerSchema(layer, List.of(Attribute.required("id", AttributeType.STRING),
                Attribute.required("scenario", AttributeType.STRING), Attribute.optional("rang", AttributeType.DOUBLE)),
                GeometryType.POINT, "id");
        assertThatThrownBy(() -> store.replacePartition(other, "scenario", "x", SOURCE))
                .isInstanceOf(SchemaMismatchException.class).hasMessageContaining(layer).hasMessageContaining("DOUBLE");
        assertThatThrownBy(() -> store.replacePartition(schema(layer), "nope", "x", SOURCE))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'nope'");
        assertThat(partitionSize(store, layer, "defaut")).isEqualTo(1);
    }
}
