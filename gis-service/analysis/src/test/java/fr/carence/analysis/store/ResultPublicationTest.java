package fr.carence.analysis.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.carence.analysis.ProgressListener;
import fr.carence.analysis.param.ParameterCatalog;
import fr.carence.analysis.param.ScenarioParameters;
import fr.carence.store.ConcurrentWriteException;
import fr.carence.store.Feature;
import fr.carence.store.FeatureCursor;
import fr.carence.store.FeatureQuery;
import fr.carence.store.FeatureStore;
import fr.carence.store.LayerInfo;
import fr.carence.store.LayerSchema;
import fr.carence.store.LayerWriter;
import fr.carence.store.testing.BothStores;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A scenario run publishes its five result partitions and what its completion stages (the
 * scenario's record) all together, on both stores: a failure before or during the publication
 * leaves every result layer exactly as the previous run left it.
 */
class ResultPublicationTest {

    private static final ProgressListener SILENT = (fraction, step) -> { };
    private static final List<String> RESULTS = ResultLayers.RESULT_LAYERS;
    /** A made-up companion layer the completion writes, standing for the scenarios table. */
    private static final LayerSchema RECORD = new LayerSchema("fixture_run_record", List.of(
            LayerSchema.Attribute.required("id", LayerSchema.AttributeType.STRING),
            LayerSchema.Attribute.required(ResultLayers.PARTITION, LayerSchema.AttributeType.STRING),
            LayerSchema.Attribute.required("flux_od_max", LayerSchema.AttributeType.INTEGER)),
            LayerSchema.GeometryType.NONE, "id");
    private static final LayerInfo.Source SOURCE = new LayerInfo.Source("fixture", "ResultPublicationTest", null);

    private static ScenarioParameters topFlows(int n) {
        return ParameterCatalog.defaults().with(Map.of(ParameterCatalog.FLUX_OD_MAX, n));
    }

    private static ScenarioRunner.Completion record(int topFlows) {
        return (tx, summary) -> {
            LayerWriter w = tx.replacePartition(RECORD, ResultLayers.PARTITION, "defaut", SOURCE);
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("id", "defaut");
            p.put(ResultLayers.PARTITION, "defaut");
            p.put("flux_od_max", topFlows);
            w.write(new Feature("defaut", null, p));
            w.commit();
        };
    }

    /** Every feature of the result layers and of the record layer, in id order (a mutable list). */
    private static List<String> snapshot(FeatureStore store) {
        List<String> all = new ArrayList<>();
        for (String layer : concat(RESULTS, RECORD.name())) {
            if (store.schema(layer).isEmpty()) {
                all.add(layer + " absent");
                continue;
            }
            try (FeatureCursor c = store.query(layer, FeatureQuery.all().withSort(List.of(new FeatureQuery.SortKey("id", true))))) {
                while (c.hasNext()) {
                    Feature f = c.next();
                    all.add(layer + " " + f.id() + " " + f.properties() + " " + (f.geometry() == null ? "-" : f.geometry().toText()));
                }
            }
        }
        return all;
    }

    private static List<String> concat(List<String> list, String last) {
        List<String> out = new ArrayList<>(list);
        out.add(last);
        return out;
    }

    private static long count(FeatureStore store, String layer) {
        return store.count(layer, FeatureQuery.all());
    }

    @BothStores
    void aSuccessfulRunPublishesResultsAndRecordTogether(FeatureStore store) {
        FixtureTerritory.load(store);
        ScenarioRunner runner = new ScenarioRunner(store, null);
        runner.run("defaut", topFlows(5), SILENT, record(5));
        assertThat(count(store, ResultLayers.FLUX_OD)).isEqualTo(5);
        assertThat(count(store, ResultLayers.INDICATEURS)).isEqualTo(36);
        runner.run("defaut", topFlows(2), SILENT, record(2));
        assertThat(count(store, ResultLayers.FLUX_OD)).isEqualTo(2);
        assertThat(count(store, RECORD.name())).isEqualTo(1);
    }

    @BothStores
    void aFailureAfterStagingPublishesNothing(FeatureStore store) {
        FixtureTerritory.load(store);
        ScenarioRunner runner = new ScenarioRunner(store, null);
        runner.run("defaut", topFlows(5), SILENT, record(5));
        List<String> before = snapshot(store);
        assertThatThrownBy(() -> runner.run("defaut", topFlows(2), SILENT, (tx, summary) -> {
            record(2).stage(tx, summary);
            throw new IllegalStateException("injected failure after the results were staged");
        })).hasMessageContaining("injected failure");
        assertThat(snapshot(store)).isEqualTo(before);
    }

    @BothStores
    void aConcurrentWriteDuringEveryPublicationLeavesThePreviousRunWhole(FeatureStore store) {
        FixtureTerritory.load(store);
        ScenarioRunner runner = new ScenarioRunner(store, null);
        runner.run("defaut", topFlows(5), SILENT, record(5));
        AtomicInteger interference = new AtomicInteger();
        // Each attempt, once everything is staged, another scenario's write replaces the sites
        // layer: the transaction must then publish nothing at all, results nor record.
        ScenarioRunner.Completion interfering = (tx, summary) -> {
            record(2).stage(tx, summary);
            writeOtherScenarioSites(store, interference.incrementAndGet());
        };
        List<String> before = snapshot(store);
        assertThatThrownBy(() -> runner.run("defaut", topFlows(2), SILENT, interfering))
                .isInstanceOf(ConcurrentWriteException.class).hasMessageContaining(ResultLayers.SITES);
        assertThat(interference.get()).isEqualTo(ScenarioRunner.PUBLICATION_ATTEMPTS);
        // Only the interfering writes to scenario "autre" may differ.
        List<String> after = snapshot(store);
        after.removeIf(line -> line.contains(" autre:"));
        before.removeIf(line -> line.contains(" autre:"));
        assertThat(after).isEqualTo(before);
    }

    @BothStores
    void aRunRetriesWhenAnotherWriteSlipsInOnce(FeatureStore store) {
        FixtureTerritory.load(store);
        ScenarioRunner runner = new ScenarioRunner(store, null);
        runner.run("defaut", topFlows(5), SILENT, record(5));
        AtomicInteger interference = new AtomicInteger();
        runner.run("defaut", topFlows(2), SILENT, (tx, summary) -> {
            record(2).stage(tx, summary);
            if (interference.incrementAndGet() == 1) {
                writeOtherScenarioSites(store, 1);
            }
        });
        assertThat(interference.get()).isEqualTo(2);
        assertThat(count(store, ResultLayers.FLUX_OD)).isEqualTo(2);
        assertThat(count(store, ResultLayers.SITES)).isGreaterThan(1);  // the other scenario's site is kept
        assertThat(store.count(ResultLayers.SITES, FeatureQuery.all().withFilter(new fr.carence.store.filter.Filter.Compare(
                ResultLayers.PARTITION, fr.carence.store.filter.Filter.ComparisonOperator.EQ, "autre")))).isEqualTo(1);
    }

    /** Copies the "defaut" site of rank 1 as the one site of scenario "autre" (a concurrent run's write). */
    private static void writeOtherScenarioSites(FeatureStore store, int version) {
        Feature site;
        try (FeatureCursor c = store.query(ResultLayers.SITES, FeatureQuery.all().withFilter(new fr.carence.store.filter.Filter.Compare(
                ResultLayers.PARTITION, fr.carence.store.filter.Filter.ComparisonOperator.EQ, "defaut")))) {
            site = c.next();
        }
        Map<String, Object> p = new LinkedHashMap<>(site.properties());
        p.put("id", "autre:site-1");
        p.put(ResultLayers.PARTITION, "autre");
        p.put("rang", version);
        try (LayerWriter w = store.replacePartition(ResultLayers.SITES_SCHEMA, ResultLayers.PARTITION, "autre", SOURCE)) {
            w.write(new Feature("autre:site-1", site.geometry(), p));
            w.commit();
        }
    }
}
