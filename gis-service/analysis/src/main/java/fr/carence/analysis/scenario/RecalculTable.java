package fr.carence.analysis.scenario;


import com.fasterxml.jackson.core.type.TypeReference;
import fr.carence.analysis.store.ResultLayers;
import fr.carence.store.Feature;
import fr.carence.store.FeatureCursor;
import fr.carence.store.FeatureQuery;
import fr.carence.store.FeatureStore;
import fr.carence.store.LayerInfo;
import fr.carence.store.LayerSchema;
import fr.carence.store.LayerWriter;
import fr.carence.store.filter.Filter;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The last recomputation of each scenario, in the store's {@code recalculs} table (one partition
 * per scenario, not published over OGC): its state while it runs on this instance's or another's
 * worker, and its result afterwards, readable by every instance and after a restart.
 */
final class RecalculTable {
    static final LayerSchema SCHEMA = ResultLayers.RECALCULS_SCHEMA;
    private static final LayerInfo.Source SOURCE = new LayerInfo.Source("scenario", "recalculs", null);

    private final FeatureStore store;

    RecalculTable(FeatureStore store) {
        this.store = store;
    }

    void save(RecalculJob j) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("id", j.scenario());
        p.put(ResultLayers.PARTITION, j.scenario());
        p.put("statut", j.statut());
        p.put("progression", j.progression());
        p.put("etape", j.etape());
        p.put("message", j.message());
        p.put("demande_le", j.demandeLe());
        p.put("debut_le", j.debutLe());
        p.put("fin_le", j.finLe());
        p.put("auteur", j.auteur());
        p.put("resultat", j.resultat() == null ? null : ScenarioTable.json(j.resultat()));
        try (LayerWriter w = store.replacePartition(SCHEMA, ResultLayers.PARTITION, j.scenario(), SOURCE)) {
            w.write(new Feature(j.scenario(), null, p));
            w.commit();
        }
    }

    Optional<RecalculJob> get(String scenario) {
        if (store.schema(ResultLayers.RECALCULS).isEmpty()) {
            return Optional.empty();
        }
        try (FeatureCursor c = store.query(ResultLayers.RECALCULS, FeatureQuery.all().withoutGeometry().withFilter(
                new Filter.Compare(ResultLayers.PARTITION, Filter.ComparisonOperator.EQ, scenario)))) {
            if (!c.hasNext()) {
                return Optional.empty();
            }
            Feature f = c.next();
            return Optional.of(new RecalculJob((String) f.get(ResultLayers.PARTITION), (String) f.get("statut"),
                    ((Number) f.get("progression")).doubleValue(), (String) f.get("etape"), (String) f.get("message"),
                    (Instant) f.get("demande_le"), (Instant) f.get("debut_le"), (Instant) f.get("fin_le"),
                    (String) f.get("auteur"), ScenarioTable.parse((String) f.get("resultat"), new TypeReference<Recalcul>() { })));
        }
    }

    void delete(String scenario) {
        if (store.schema(ResultLayers.RECALCULS).isPresent()) {
            store.deletePartition(ResultLayers.RECALCULS, ResultLayers.PARTITION, scenario);
        }
    }
}
