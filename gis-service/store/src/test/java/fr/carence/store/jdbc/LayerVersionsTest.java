package fr.carence.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.carence.store.Feature;
import fr.carence.store.FeatureCursor;
import fr.carence.store.FeatureQuery;
import fr.carence.store.LayerInfo;
import fr.carence.store.LayerNotFoundException;
import fr.carence.store.LayerSchema;
import fr.carence.store.LayerSchema.Attribute;
import fr.carence.store.LayerSchema.AttributeType;
import fr.carence.store.LayerSchema.GeometryType;
import fr.carence.store.LayerWriter;
import fr.carence.store.testing.BothStores;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Provenance of loads (issue 11, point 7): every publication is in the history with its digest,
 * and a loaded version (with a digest) stays readable after it is replaced, orphan clean-up
 * included; a computed version (no digest) does not.
 */
class LayerVersionsTest {
    private static final LayerSchema LOADED = new LayerSchema("fixture_versions", List.of(
            Attribute.required("code", AttributeType.STRING), Attribute.required("valeur", AttributeType.INTEGER)),
            GeometryType.NONE, "code");
    private static final LayerSchema COMPUTED = new LayerSchema("fixture_versions_calcul", LOADED.attributes(),
            GeometryType.NONE, "code");

    private static LayerInfo.Source loaded(String sha) {
        return new LayerInfo.Source("fixture", "valeurs.csv", "2025", "cli:test", sha);
    }

    private static void write(JdbcFeatureStore store, LayerSchema schema, LayerInfo.Source source, int valeur) {
        try (LayerWriter w = store.replaceLayer(schema, source)) {
            w.write(new Feature("a", null, Map.of("code", "a", "valeur", valeur)));
            w.write(new Feature("b", null, Map.of("code", "b", "valeur", valeur + 1)));
            w.commit();
        }
    }

    private static List<Integer> valuesAt(JdbcFeatureStore store, String layer, Instant version) {
        List<Integer> out = new ArrayList<>();
        try (FeatureCursor c = store.queryAt(layer, version, FeatureQuery.all()
                .withSort(List.of(new FeatureQuery.SortKey("code", true))))) {
            while (c.hasNext()) {
                out.add((Integer) c.next().get("valeur"));
            }
        }
        return out;
    }

    @BothStores
    void loadedVersionsAreRecordedAndStayReadable(JdbcFeatureStore store) {
        write(store, LOADED, loaded("aa11"), 10);
        Instant first = store.info(LOADED.name()).orElseThrow().committedAt();
        assertThat(store.info(LOADED.name()).orElseThrow().source().sha256()).isEqualTo("aa11");
        write(store, LOADED, loaded("bb22"), 20);
        Instant second = store.info(LOADED.name()).orElseThrow().committedAt();

        List<LayerInfo> history = store.history(LOADED.name());
        assertThat(history).extracting(i -> i.source().sha256()).containsExactly("aa11", "bb22");
        assertThat(history).extracting(LayerInfo::featureCount).containsExactly(2L, 2L);
        assertThat(history).extracting(i -> i.source().vintage()).containsExactly("2025", "2025");
        assertThat(history.get(1).committedAt()).isEqualTo(second);

        // the replaced version is still there, also after the orphan clean-up a restart runs
        store.dropOrphans(Duration.ZERO);
        assertThat(valuesAt(store, LOADED.name(), first)).containsExactly(10, 11);
        assertThat(valuesAt(store, LOADED.name(), second)).containsExactly(20, 21);
        assertThat(store.schemaAt(LOADED.name(), first)).contains(LOADED);
        assertThat(Fixtures.read(store, LOADED.name(), FeatureQuery.all())).extracting(f -> f.get("valeur"))
                .containsExactlyInAnyOrder(20, 21);
        assertThat(store.schemaAt(LOADED.name(), first.minusSeconds(1))).isEmpty();
    }

    @BothStores
    void computedVersionsAreNotRetained(JdbcFeatureStore store) {
        LayerInfo.Source computed = new LayerInfo.Source("scenario", "calcul", null);
        write(store, COMPUTED, computed, 1);
        Instant first = store.info(COMPUTED.name()).orElseThrow().committedAt();
        write(store, COMPUTED, computed, 2);
        assertThat(store.history(COMPUTED.name())).hasSize(2);
        assertThat(store.schemaAt(COMPUTED.name(), first)).isEmpty();
        assertThatThrownBy(() -> valuesAt(store, COMPUTED.name(), first)).isInstanceOf(LayerNotFoundException.class);
    }
}
