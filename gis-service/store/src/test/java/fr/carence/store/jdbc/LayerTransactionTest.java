package fr.carence.store.jdbc;

import static fr.carence.store.jdbc.Fixtures.SOURCE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.carence.store.Feature;
import fr.carence.store.LayerTransaction;
import fr.carence.store.LayerWriter;
import fr.carence.store.StoreException;
import fr.carence.store.testing.BothStores;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Coordinate;

/**
 * {@code FeatureStore.transaction()}: several layers and partitions published together, and a
 * failure at any point (while staging, or inside the publication after some registry rows were
 * already swapped) leaves every layer exactly as before.
 */
class LayerTransactionTest {

    /** A made-up site of the {@link PartitionTest#schema} layers whose {@code rang} carries a version. */
    static Feature site(String scenario, int index, int version) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("id", scenario + ":" + index);
        p.put("scenario", scenario);
        p.put("rang", version);
        return new Feature(scenario + ":" + index, Fixtures.GF.createPoint(new Coordinate(650_000 + index, 6_860_000 + version)), p);
    }

    static void fill(LayerWriter w, String scenario, int count, int version) {
        for (int i = 1; i <= count; i++) {
            w.write(site(scenario, i, version));
        }
    }

    /** Version 1 of a full layer {@code a} and of a partitioned layer {@code b} (partitions defaut and autre). */
    static void loadVersionOne(JdbcFeatureStore store, String a, String b) {
        try (LayerWriter w = store.replaceLayer(PartitionTest.schema(a), SOURCE)) {
            fill(w, "defaut", 7, 1);
            w.commit();
        }
        for (String scenario : List.of("defaut", "autre")) {
            try (LayerWriter w = store.replacePartition(PartitionTest.schema(b), "scenario", scenario, SOURCE)) {
                fill(w, scenario, 4, 1);
                w.commit();
            }
        }
    }

    /** Writes version 2: layer a, partition defaut of b, partition defaut of the new layer c. */
    static LayerTransaction versionTwo(JdbcFeatureStore store, String a, String b, String c) {
        LayerTransaction tx = store.transaction();
        fill(tx.replaceLayer(PartitionTest.schema(a), SOURCE), "defaut", 3, 2);
        fill(tx.replacePartition(PartitionTest.schema(b), "scenario", "defaut", SOURCE), "defaut", 5, 2);
        fill(tx.replacePartition(PartitionTest.schema(c), "scenario", "defaut", SOURCE), "defaut", 2, 2);
        return tx;
    }

    static List<String> snapshot(JdbcFeatureStore store, List<String> layers) {
        List<String> all = new ArrayList<>(store.layerNames());
        for (String layer : layers) {
            if (store.schema(layer).isPresent()) {
                all.addAll(LayerLifecycleTest.snapshot(store, layer));
                all.add(layer + " count " + store.info(layer).orElseThrow().featureCount());
            }
        }
        return all;
    }

    private static List<String> physicalTables(JdbcFeatureStore store) {
        return LayerLifecycleTest.tables(store).stream().filter(t -> t.startsWith(LayerRegistry.TABLE_PREFIX)).toList();
    }

    private static List<String> published(JdbcFeatureStore store) {
        return store.layerNames().stream().map(l -> store.publishedTable(l).orElseThrow()).toList();
    }

    @BothStores
    void commitPublishesEveryLayerTogether(JdbcFeatureStore store) {
        List<String> layers = List.of("tx_all_a", "tx_all_b", "tx_all_c");
        loadVersionOne(store, layers.get(0), layers.get(1));
        List<String> before = snapshot(store, layers);
        try (LayerTransaction tx = versionTwo(store, layers.get(0), layers.get(1), layers.get(2))) {
            assertThat(snapshot(store, layers)).isEqualTo(before);
            tx.commit();
        }
        assertThat(store.count(layers.get(0), fr.carence.store.FeatureQuery.all())).isEqualTo(3);
        assertThat(PartitionTest.partitionSize(store, layers.get(1), "defaut")).isEqualTo(5);
        assertThat(PartitionTest.partitionSize(store, layers.get(1), "autre")).isEqualTo(4);
        assertThat(store.info(layers.get(1)).orElseThrow().featureCount()).isEqualTo(9);
        assertThat(store.count(layers.get(2), fr.carence.store.FeatureQuery.all())).isEqualTo(2);
        assertThat(physicalTables(store)).containsExactlyInAnyOrderElementsOf(published(store));
    }

    @BothStores
    void writerCommitInsideATransactionOnlyStages(JdbcFeatureStore store) {
        List<String> layers = List.of("tx_stage_a", "tx_stage_b");
        loadVersionOne(store, layers.get(0), layers.get(1));
        List<String> before = snapshot(store, layers);
        try (LayerTransaction tx = store.transaction()) {
            LayerWriter w = tx.replaceLayer(PartitionTest.schema(layers.get(0)), SOURCE);
            fill(w, "defaut", 3, 2);
            w.commit();
            assertThat(snapshot(store, layers)).isEqualTo(before);
            assertThatThrownBy(() -> w.write(site("defaut", 9, 2))).isInstanceOf(IllegalStateException.class);
        }  // closed without commit: the staged table goes
        assertThat(snapshot(store, layers)).isEqualTo(before);
        assertThat(physicalTables(store)).containsExactlyInAnyOrderElementsOf(published(store));
    }

    @BothStores
    void failureInsideThePublicationLeavesEveryLayerAsBefore(JdbcFeatureStore store) {
        List<String> layers = List.of("tx_fail_a", "tx_fail_b", "tx_fail_c");
        loadVersionOne(store, layers.get(0), layers.get(1));
        List<String> before = snapshot(store, layers);
        // The first layer's registry row is already swapped (uncommitted) when the second fails.
        store.publicationHook(layer -> {
            if (layer.equals(layers.get(1))) {
                throw new StoreException("injected failure while publishing " + layer);
            }
        });
        try (LayerTransaction tx = versionTwo(store, layers.get(0), layers.get(1), layers.get(2))) {
            assertThatThrownBy(tx::commit).hasMessageContaining("injected failure");
        } finally {
            store.publicationHook(null);
        }
        assertThat(snapshot(store, layers)).isEqualTo(before);
        assertThat(store.schema(layers.get(2))).isEmpty();
        assertThat(physicalTables(store)).containsExactlyInAnyOrderElementsOf(published(store));
    }

    @BothStores
    void concurrentReplacementOfOneLayerCancelsTheWholeTransaction(JdbcFeatureStore store) {
        List<String> layers = List.of("tx_race_a", "tx_race_b", "tx_race_c");
        loadVersionOne(store, layers.get(0), layers.get(1));
        try (LayerTransaction tx = versionTwo(store, layers.get(0), layers.get(1), layers.get(2))) {
            PartitionTest.writePartition(store, layers.get(1), "autre", 6);   // another write wins meanwhile
            List<String> before = snapshot(store, layers);
            assertThatThrownBy(tx::commit).isInstanceOf(fr.carence.store.ConcurrentWriteException.class)
                    .hasMessageContaining("'" + layers.get(1) + "' was replaced by another write meanwhile");
            assertThat(snapshot(store, layers)).isEqualTo(before);
        }
        assertThat(PartitionTest.partitionSize(store, layers.get(1), "autre")).isEqualTo(6);
        assertThat(physicalTables(store)).containsExactlyInAnyOrderElementsOf(published(store));
    }

    @BothStores
    void duplicateIdsInOneWriterPublishNothing(JdbcFeatureStore store) {
        List<String> layers = List.of("tx_dup_a", "tx_dup_b");
        loadVersionOne(store, layers.get(0), layers.get(1));
        List<String> before = snapshot(store, layers);
        try (LayerTransaction tx = store.transaction()) {
            fill(tx.replaceLayer(PartitionTest.schema(layers.get(0)), SOURCE), "defaut", 3, 2);
            LayerWriter b = tx.replacePartition(PartitionTest.schema(layers.get(1)), "scenario", "defaut", SOURCE);
            fill(b, "defaut", 2, 2);
            Feature clash = site("defaut", 9, 2);
            clash.properties().put("id", "autre:1");  // the id of a kept feature of partition autre
            b.write(new Feature("autre:1", clash.geometry(), clash.properties()));
            assertThatThrownBy(tx::commit).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("duplicate id 'autre:1'");
        }
        assertThat(snapshot(store, layers)).isEqualTo(before);
        assertThat(physicalTables(store)).containsExactlyInAnyOrderElementsOf(published(store));
    }

    @BothStores
    void aWriterAbortedAloneCancelsTheTransaction(JdbcFeatureStore store) {
        List<String> layers = List.of("tx_abort_a", "tx_abort_b");
        loadVersionOne(store, layers.get(0), layers.get(1));
        List<String> before = snapshot(store, layers);
        try (LayerTransaction tx = store.transaction()) {
            fill(tx.replaceLayer(PartitionTest.schema(layers.get(0)), SOURCE), "defaut", 3, 2);
            tx.replacePartition(PartitionTest.schema(layers.get(1)), "scenario", "defaut", SOURCE).close();
            assertThatThrownBy(tx::commit).hasMessageContaining("closed without commit");
        }
        assertThat(snapshot(store, layers)).isEqualTo(before);
    }

    @BothStores
    void aLayerIsWrittenOncePerTransaction(JdbcFeatureStore store) {
        try (LayerTransaction tx = store.transaction()) {
            tx.replacePartition(PartitionTest.schema("tx_twice"), "scenario", "defaut", SOURCE);
            assertThatThrownBy(() -> tx.replacePartition(PartitionTest.schema("tx_twice"), "scenario", "autre", SOURCE))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("already written in this transaction");
        }
        assertThat(store.schema("tx_twice")).isEmpty();
    }
}
