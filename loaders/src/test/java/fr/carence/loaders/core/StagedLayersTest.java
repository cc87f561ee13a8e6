package fr.carence.loaders.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.carence.loaders.testing.LayerSnapshot;
import fr.carence.store.Feature;
import fr.carence.store.FeatureStore;
import fr.carence.store.LayerInfo;
import fr.carence.store.LayerSchema;
import fr.carence.store.LayerSchema.Attribute;
import fr.carence.store.LayerSchema.AttributeType;
import fr.carence.store.LayerSchema.GeometryType;
import fr.carence.store.LayerWriter;
import fr.carence.store.testing.BothStores;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A multi-layer streaming load (as {@code limites}) publishes all its layers or none, on both stores. */
class StagedLayersTest {

    private static final LayerInfo.Source SOURCE = new LayerInfo.Source("fixture", "StagedLayersTest", null);

    private static LayerSchema schema(String name) {
        return new LayerSchema(name, List.of(Attribute.required("code", AttributeType.STRING),
                Attribute.required("version", AttributeType.INTEGER)), GeometryType.NONE, "code");
    }

    private static Feature row(String code, int version) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("code", code);
        p.put("version", version);
        return new Feature(code, null, p);
    }

    private static void load(FeatureStore store, String a, String b, int version, boolean duplicateInB) {
        try (StagedLayers staged = new StagedLayers(store, SOURCE)) {
            LayerWriter wa = staged.writer(schema(a));
            LayerWriter wb = staged.writer(schema(b));
            for (int i = 0; i < 3; i++) {
                wa.write(row("a" + i, version));
                wb.write(row("b" + i, version));
            }
            if (duplicateInB) {
                wb.write(row("b0", version));
            }
            staged.commitAll(new LoadReport("fixture"));
        }
    }

    @BothStores
    void aFailingSecondLayerPublishesNeither(FeatureStore store) {
        load(store, "fixture_staged_a", "fixture_staged_b", 1, false);
        List<String> a = LayerSnapshot.of(store, "fixture_staged_a");
        List<String> b = LayerSnapshot.of(store, "fixture_staged_b");
        assertThat(a).hasSize(3);

        assertThatThrownBy(() -> load(store, "fixture_staged_a", "fixture_staged_b", 2, true))
                .hasMessageContaining("duplicate");
        assertThat(LayerSnapshot.of(store, "fixture_staged_a")).isEqualTo(a);
        assertThat(LayerSnapshot.of(store, "fixture_staged_b")).isEqualTo(b);

        load(store, "fixture_staged_a", "fixture_staged_b", 2, false);
        assertThat(LayerSnapshot.of(store, "fixture_staged_a")).allMatch(line -> line.contains("version=2"));
        assertThat(LayerSnapshot.of(store, "fixture_staged_b")).allMatch(line -> line.contains("version=2"));
    }
}
