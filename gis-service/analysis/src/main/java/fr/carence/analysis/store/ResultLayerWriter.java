package fr.carence.analysis.store;

import static fr.carence.analysis.store.ResultLayers.PARTITION;

import fr.carence.analysis.AnalysisInput;
import fr.carence.analysis.AnalysisResult;
import fr.carence.analysis.result.ResultColumns;
import fr.carence.analysis.result.ResultRows;
import fr.carence.analysis.result.ResultTable;
import fr.carence.store.Feature;
import fr.carence.store.LayerInfo;
import fr.carence.store.LayerSchema;
import fr.carence.store.LayerTransaction;
import fr.carence.store.LayerWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Stages one run's result layers, each into its {@code scenario} partition, in the run's
 * {@link LayerTransaction}: they are published together with the scenario's record when the
 * transaction commits, so a failure or a killed process at any point leaves every previous
 * result of the scenario untouched, never results of two runs side by side. The features come
 * from the column declarations of {@link ResultColumns}.
 */
public final class ResultLayerWriter {
    private final Map<LayerSchema, List<Feature>> layers = new LinkedHashMap<>();
    private final LayerInfo.Source source;
    private final String scenario;

    /** Builds the result features of one run (kept in memory: a retry stages them again). */
    public ResultLayerWriter(String scenario, AnalysisInput in, AnalysisResult r, int topFlows) {
        this.scenario = scenario;
        this.source = new LayerInfo.Source("scenario", "scenario " + scenario,
                in.flowSource() == null ? "flux modélisés" : in.flowSource());
        ResultRows.Run run = ResultRows.Run.of(scenario, in, r);
        put(ResultColumns.INDICATEURS, run.communeRows());
        put(ResultColumns.ZONES, run.zoneRows());
        put(ResultColumns.SITES, run.siteRows());
        put(ResultColumns.FLUX_OD, run.flowRows(topFlows));
        put(ResultColumns.ZONES_RESIDUELLES, run.residualZoneRows());
    }

    private <R> void put(ResultTable<R> table, List<R> rows) {
        layers.put(table.schema(), rows.stream().map(table::feature).toList());
    }

    /** The result features per layer name, in publication order. */
    public Map<String, List<Feature>> features() {
        Map<String, List<Feature>> out = new LinkedHashMap<>();
        layers.forEach((schema, features) -> out.put(schema.name(), features));
        return out;
    }

    /** Stages the result partitions in the transaction; nothing is visible before it commits. */
    public void stage(LayerTransaction tx) {
        for (Map.Entry<LayerSchema, List<Feature>> e : layers.entrySet()) {
            LayerWriter w = tx.replacePartition(e.getKey(), PARTITION, scenario, source);
            e.getValue().forEach(w::write);
            w.commit();  // staged and indexed: its connection goes back to the pool
        }
    }
}
