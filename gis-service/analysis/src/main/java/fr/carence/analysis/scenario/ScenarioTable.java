package fr.carence.analysis.scenario;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.carence.analysis.store.InputVersion;
import fr.carence.analysis.store.ResultLayers;
import fr.carence.store.Feature;
import fr.carence.store.FeatureCursor;
import fr.carence.store.FeatureQuery;
import fr.carence.store.FeatureStore;
import fr.carence.store.LayerInfo;
import fr.carence.store.LayerTransaction;
import fr.carence.store.LayerWriter;
import fr.carence.store.filter.Filter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads and writes rows of the {@code scenarios} table (one partition per scenario). */
final class ScenarioTable {
    /** The stored provenance keeps the facts only: an input's label is derived when served (InputSources). */
    private static final ObjectMapper JSON = new ObjectMapper().addMixIn(InputVersion.class, StoredInputVersion.class);

    @com.fasterxml.jackson.annotation.JsonIgnoreProperties({"libelle", "producteur", "licence"})
    private interface StoredInputVersion {
    }
    private static final LayerInfo.Source SOURCE = new LayerInfo.Source("scenario", "scenarios", null);

    private final FeatureStore store;

    ScenarioTable(FeatureStore store) {
        this.store = store;
    }

    /** Stages the record in a transaction (published with the run's results). */
    void stage(LayerTransaction tx, ScenarioRecord r) {
        LayerWriter w = tx.replacePartition(ResultLayers.SCENARIOS_SCHEMA, ResultLayers.PARTITION, r.id(), SOURCE);
        w.write(toFeature(r));
        w.commit();
    }

    void save(ScenarioRecord r) {
        try (LayerWriter w = store.replacePartition(ResultLayers.SCENARIOS_SCHEMA, ResultLayers.PARTITION, r.id(), SOURCE)) {
            w.write(toFeature(r));
            w.commit();
        }
    }

    /**
     * Brings a {@code scenarios} table written by an older version to the current columns (e.g.
     * {@code auteur}, absent before runs recorded who launched them): its records are rewritten
     * in one replace, with the new columns empty. Returns whether anything was rewritten.
     */
    boolean upgrade() {
        Optional<fr.carence.store.LayerSchema> stored = store.schema(ResultLayers.SCENARIOS);
        if (stored.isEmpty() || stored.get().equals(ResultLayers.SCENARIOS_SCHEMA)) {
            return false;
        }
        List<ScenarioRecord> records = all();
        try (LayerWriter w = store.replaceLayer(ResultLayers.SCENARIOS_SCHEMA, SOURCE)) {
            for (ScenarioRecord r : records) {
                w.write(toFeature(r));
            }
            w.commit();
        }
        return true;
    }

    void delete(String id) {
        if (store.schema(ResultLayers.SCENARIOS).isPresent()) {
            store.deletePartition(ResultLayers.SCENARIOS, ResultLayers.PARTITION, id);
        }
    }

    List<ScenarioRecord> all() {
        return read(FeatureQuery.all().withoutGeometry()
                .withSort(List.of(new FeatureQuery.SortKey("created_at", true))));
    }

    Optional<ScenarioRecord> get(String id) {
        return read(FeatureQuery.all().withoutGeometry().withFilter(new Filter.Compare(ResultLayers.PARTITION,
                Filter.ComparisonOperator.EQ, id))).stream().findFirst();
    }

    private List<ScenarioRecord> read(FeatureQuery q) {
        List<ScenarioRecord> out = new ArrayList<>();
        if (store.schema(ResultLayers.SCENARIOS).isEmpty()) {
            return out;
        }
        try (FeatureCursor c = store.query(ResultLayers.SCENARIOS, q)) {
            while (c.hasNext()) {
                out.add(fromFeature(c.next()));
            }
        }
        return out;
    }

    static Feature toFeature(ScenarioRecord r) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("id", r.id());
        p.put(ResultLayers.PARTITION, r.id());
        p.put("nom", r.nom());
        p.put("parametres", json(r.parametres()));
        p.put("statut", r.statut());
        p.put("progression", r.progression());
        p.put("etape", r.etape());
        p.put("message", r.message());
        p.put("created_at", r.createdAt());
        p.put("started_at", r.startedAt());
        p.put("finished_at", r.finishedAt());
        p.put("duree_ms", r.dureeMs());
        p.put("temps_etapes", r.tempsEtapesMs() == null ? null : json(r.tempsEtapesMs()));
        p.put("avertissements", r.avertissements() == null ? null : json(r.avertissements()));
        ScenarioRecord.Resume s = r.resume();
        p.put("source_flux", s == null ? null : s.sourceFlux());
        p.put("nb_communes", s == null ? null : s.nbCommunes());
        p.put("nb_communes_flux_modelises", s == null ? null : s.nbCommunesFluxModelises());
        p.put("nb_communes_carence", s == null ? null : s.nbCommunesCarence());
        p.put("nb_zones", s == null ? null : s.nbZones());
        p.put("demande_totale", s == null ? null : s.demandeTotale());
        p.put("demande_carence", s == null ? null : s.demandeCarence());
        p.put("demande_couverte", s == null ? null : s.demandeCouverte());
        p.put("seuil_accessibilite_applique", s == null ? null : s.seuilAccessibiliteApplique());
        p.put("methode_sites", s == null ? null : s.methodeSites());
        p.put("ecart_optimalite", s == null ? null : s.ecartOptimalite());
        p.put("km_evites_an", s == null ? null : s.kmEvitesAn());
        p.put("kg_co2e_evites_an", s == null ? null : s.kgCo2eEvitesAn());
        p.put("auteur", r.auteur());
        p.put("provenance", r.provenance() == null ? null : json(r.provenance()));
        p.put("version_methode", r.versionMethode());
        return new Feature(r.id(), null, p);
    }

    static ScenarioRecord fromFeature(Feature f) {
        ScenarioRecord.Resume resume = f.get("nb_communes") == null ? null : new ScenarioRecord.Resume(
                (String) f.get("source_flux"), integer(f.get("nb_communes")), integer(f.get("nb_communes_flux_modelises")),
                integer(f.get("nb_communes_carence")), integer(f.get("nb_zones")), dbl(f.get("demande_totale")),
                dbl(f.get("demande_carence")), dbl(f.get("demande_couverte")), dbl(f.get("seuil_accessibilite_applique")),
                (String) f.get("methode_sites"), dbl(f.get("ecart_optimalite")), dbl(f.get("km_evites_an")),
                dbl(f.get("kg_co2e_evites_an")));
        return new ScenarioRecord((String) f.get("id"), (String) f.get("nom"),
                parse((String) f.get("parametres"), new TypeReference<LinkedHashMap<String, Object>>() { }),
                (String) f.get("statut"), dbl(f.get("progression")), (String) f.get("etape"), (String) f.get("message"),
                (Instant) f.get("created_at"), (Instant) f.get("started_at"), (Instant) f.get("finished_at"),
                f.get("duree_ms") == null ? null : ((Number) f.get("duree_ms")).longValue(),
                parse((String) f.get("temps_etapes"), new TypeReference<LinkedHashMap<String, Long>>() { }),
                parse((String) f.get("avertissements"), new TypeReference<List<String>>() { }), resume,
                (String) f.get("auteur"),
                parse((String) f.get("provenance"), new TypeReference<List<InputVersion>>() { }),
                (String) f.get("version_methode"), null);
    }

    private static Integer integer(Object o) {
        return o == null ? null : ((Number) o).intValue();
    }

    private static Double dbl(Object o) {
        return o == null ? null : ((Number) o).doubleValue();
    }

    static String json(Object o) {
        try {
            return JSON.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static <T> T parse(String s, TypeReference<T> type) {
        if (s == null) {
            return null;
        }
        try {
            return JSON.readValue(s, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("colonne JSON illisible dans la table scenarios : " + e.getOriginalMessage());
        }
    }
}
