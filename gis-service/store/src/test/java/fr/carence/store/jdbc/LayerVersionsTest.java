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
import fr.carence.store.testing.StoreKind;
import fr.carence.store.testing.StoreTestSupport;
import fr.carence.store.testing.TestStore;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
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

    /**
     * Retention: with a rule of one version and no delay, an earlier version nothing pins is
     * purged as soon as it is replaced (its table dropped, it can no longer be read; its history
     * row stays), a pinned one is kept until unpinned; the default rule keeps recent ones.
     */
    @ParameterizedTest
    @MethodSource("fr.carence.store.testing.StoreTestSupport#kinds")
    void unpinnedEarlierVersionsArePurgedPinnedOnesKept(StoreKind kind) {
        LayerSchema schema = new LayerSchema("fixture_retention", LOADED.attributes(), GeometryType.NONE, "code");
        try (TestStore t = StoreTestSupport.open(kind, VersionRetention.of(1, 0))) {
            JdbcFeatureStore store = t.store();
            write(store, schema, loaded("v1"), 10);
            Instant v1 = store.info(schema.name()).orElseThrow().committedAt();
            store.pinVersions("scenario:fixture", Map.of(schema.name(), v1));
            write(store, schema, loaded("v2"), 20);
            Instant v2 = store.info(schema.name()).orElseThrow().committedAt();
            assertThat(valuesAt(store, schema.name(), v1)).as("pinned: kept").containsExactly(10, 11);

            write(store, schema, loaded("v3"), 30); // v2, pinned by nobody, goes with this load
            assertThat(store.schemaAt(schema.name(), v2)).isEmpty();
            assertThatThrownBy(() -> valuesAt(store, schema.name(), v2)).isInstanceOf(LayerNotFoundException.class);
            assertThat(valuesAt(store, schema.name(), v1)).containsExactly(10, 11);
            assertThat(store.history(schema.name())).extracting(i -> i.source().sha256()).containsExactly("v1", "v2", "v3");
            assertThat(physicalTables(store, schema.name())).as("current and pinned only").hasSize(2);

            store.replaceAllPins(Map.of()); // the start-up statement: no saved scenario reads v1 any more
            assertThat(store.purgeVersions()).isEqualTo(1);
            assertThat(store.schemaAt(schema.name(), v1)).isEmpty();
            assertThat(physicalTables(store, schema.name())).hasSize(1);
            assertThat(Fixtures.read(store, schema.name(), FeatureQuery.all())).extracting(f -> f.get("valeur"))
                    .containsExactlyInAnyOrder(30, 31);
        }
        try (TestStore t = StoreTestSupport.open(kind, VersionRetention.DEFAULT)) {
            JdbcFeatureStore store = t.store();
            List<Instant> versions = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                write(store, schema, loaded("d" + i), i * 10);
                versions.add(store.info(schema.name()).orElseThrow().committedAt());
            }
            assertThat(store.purgeVersions()).as("replaced less than 30 days ago").isZero();
            assertThat(valuesAt(store, schema.name(), versions.get(0))).containsExactly(0, 1);
        }
    }

    /**
     * A scenario's pins are written in its publication transaction: a purge started while that
     * transaction runs (from the publication hook, after the pins are staged and before the
     * commit) waits for it and then sees the pins, so the version the scenario read stays. With
     * pins written after the publication, or a purge that does not re-check them under the
     * version's lock, this purge would drop it (rule: one version, no delay).
     */
    @ParameterizedTest
    @MethodSource("fr.carence.store.testing.StoreTestSupport#kinds")
    void aPurgeDuringThePublicationKeepsTheVersionsItPins(StoreKind kind) throws Exception {
        LayerSchema input = new LayerSchema("fixture_pin_tx", LOADED.attributes(), GeometryType.NONE, "code");
        try (TestStore t = StoreTestSupport.open(kind, VersionRetention.of(1, 0))) {
            JdbcFeatureStore store = t.store();
            Instant read = readThenReplaced(store, input);
            java.util.concurrent.ExecutorService purger = java.util.concurrent.Executors.newSingleThreadExecutor();
            java.util.concurrent.atomic.AtomicReference<java.util.concurrent.Future<Integer>> purge =
                    new java.util.concurrent.atomic.AtomicReference<>();
            java.util.concurrent.atomic.AtomicBoolean doneBeforeCommit = new java.util.concurrent.atomic.AtomicBoolean();
            store.publicationHook(layer -> {
                // The run's reading pin ends; a purge now finds the version unpinned by anything committed.
                store.pinVersions("lecture", Map.of());
                purge.set(purger.submit(store::purgeVersions));
                try {
                    purge.get().get(1, java.util.concurrent.TimeUnit.SECONDS);
                    doneBeforeCommit.set(true);
                } catch (java.util.concurrent.TimeoutException e) {
                    // waiting for this transaction's lock on the pinned version: expected
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            try (fr.carence.store.LayerTransaction tx = store.transaction()) {
                stageResult(tx, COMPUTED, 5);
                tx.pinVersions("scenario:s1", Map.of(input.name(), read));
                tx.commit();
            } finally {
                store.publicationHook(null);
            }
            assertThat(purge.get().get(30, java.util.concurrent.TimeUnit.SECONDS)).as("the concurrent purge took nothing")
                    .isZero();
            purger.shutdown();
            assertThat(doneBeforeCommit).as("the purge waited for the publication").isFalse();
            assertThat(valuesAt(store, input.name(), read)).as("the version the scenario read").containsExactly(10, 11);
            assertThat(store.purgeVersions()).as("pinned by the published scenario").isZero();
            assertThat(valuesAt(store, input.name(), read)).containsExactly(10, 11);

            store.pinVersions("scenario:s1", Map.of()); // the scenario is deleted: the version may go
            assertThat(store.purgeVersions()).isEqualTo(1);
            assertThat(store.schemaAt(input.name(), read)).isEmpty();
        }
    }

    /** A publication that fails writes no pin either: nothing then keeps the version it would have pinned. */
    @ParameterizedTest
    @MethodSource("fr.carence.store.testing.StoreTestSupport#kinds")
    void aFailedPublicationRollsItsPinsBack(StoreKind kind) {
        LayerSchema input = new LayerSchema("fixture_pin_rollback", LOADED.attributes(), GeometryType.NONE, "code");
        try (TestStore t = StoreTestSupport.open(kind, VersionRetention.of(1, 0))) {
            JdbcFeatureStore store = t.store();
            Instant read = readThenReplaced(store, input);
            store.publicationHook(layer -> {
                throw new fr.carence.store.StoreException("injected failure while publishing " + layer);
            });
            try (fr.carence.store.LayerTransaction tx = store.transaction()) {
                stageResult(tx, COMPUTED, 5);
                tx.pinVersions("scenario:s2", Map.of(input.name(), read));
                assertThatThrownBy(tx::commit).hasMessageContaining("injected failure");
            } finally {
                store.publicationHook(null);
            }
            assertThat(store.schema(COMPUTED.name())).as("nothing published").isEmpty();
            assertThat(valuesAt(store, input.name(), read)).as("still pinned by the run's reading").containsExactly(10, 11);
            store.pinVersions("lecture", Map.of());
            assertThat(store.purgeVersions()).as("no pin of the failed publication").isEqualTo(1);
            assertThat(store.schemaAt(input.name(), read)).isEmpty();
        }
    }

    /**
     * Loads {@code input} twice while a reading pin (holder {@code lecture}, as a running scenario's
     * reads) keeps the first version; returns that version, purgeable once the reading pin ends.
     */
    private static Instant readThenReplaced(JdbcFeatureStore store, LayerSchema input) {
        write(store, input, loaded("v1"), 10);
        Instant read = store.info(input.name()).orElseThrow().committedAt();
        store.pinVersions("lecture", Map.of(input.name(), read));
        write(store, input, loaded("v2"), 20);
        assertThat(valuesAt(store, input.name(), read)).containsExactly(10, 11);
        return read;
    }

    private static void stageResult(fr.carence.store.LayerTransaction tx, LayerSchema schema, int valeur) {
        LayerWriter w = tx.replaceLayer(schema, new LayerInfo.Source("scenario", "calcul", null));
        w.write(new Feature("a", null, Map.of("code", "a", "valeur", valeur)));
        w.commit();
    }

    /** The physical tables the store keeps for a layer (current and retained versions). */
    private static List<String> physicalTables(JdbcFeatureStore store, String layer) {
        List<String> out = new ArrayList<>();
        try (java.sql.Connection c = store.connection(); java.sql.Statement st = c.createStatement();
             java.sql.ResultSet rs = st.executeQuery("SELECT physical_table FROM carence_table WHERE layer_name = '" + layer + "'")) {
            java.util.Set<String> existing = new LayerTables(store.dialect()).baseTables(c);
            while (rs.next()) {
                if (existing.contains(rs.getString(1).toLowerCase(java.util.Locale.ROOT))) {
                    out.add(rs.getString(1));
                }
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }
}
