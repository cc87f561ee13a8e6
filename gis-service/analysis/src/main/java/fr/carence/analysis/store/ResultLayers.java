package fr.carence.analysis.store;

import static fr.carence.store.LayerSchema.Attribute.optional;
import static fr.carence.store.LayerSchema.Attribute.required;
import static fr.carence.store.LayerSchema.AttributeType.BOOLEAN;
import static fr.carence.store.LayerSchema.AttributeType.DOUBLE;
import static fr.carence.store.LayerSchema.AttributeType.INTEGER;
import static fr.carence.store.LayerSchema.AttributeType.LONG;
import static fr.carence.store.LayerSchema.AttributeType.STRING;
import static fr.carence.store.LayerSchema.AttributeType.TIMESTAMP;

import fr.carence.analysis.result.ResultColumns;
import fr.carence.store.LayerSchema;
import fr.carence.store.LayerSchema.GeometryType;
import java.util.List;
import java.util.Map;

/** Schemas of the result layers ({@link ResultColumns} declares every column), all partitioned by {@link #PARTITION}. */
public final class ResultLayers {

    public static final String PARTITION = "scenario";
    public static final String SCENARIOS = "scenarios";
    /** The last recomputation of each scenario and its result (REST API; not published over OGC). */
    public static final String RECALCULS = "recalculs";
    public static final String INDICATEURS = "indicateurs_communes";
    public static final String ZONES = "zones_carence";
    public static final String SITES = "sites_candidats";
    public static final String FLUX_OD = "flux_od";
    /** Zones still in carence once the AMII's intentions are applied (docs/amii.md). */
    public static final String ZONES_RESIDUELLES = "zones_carence_residuelles";

    /** Result layers cleared when a scenario is deleted (the scenarios row last). */
    public static final List<String> RESULT_LAYERS = List.of(INDICATEURS, ZONES, SITES, FLUX_OD, ZONES_RESIDUELLES);

    /**
     * Layers holding the candidate sites themselves (pre-decisional) or the investment intentions
     * declared by private and local actors to an AMII (not public: docs/security.md): the catalogue
     * must restrict them ({@code security/layers.properties}); the service refuses to start otherwise.
     */
    public static final List<String> RESTRICTED_LAYERS = List.of(SITES, AnalysisInputReader.INTENTIONS);

    /**
     * Columns of the scenarios table (REST API only, not a result layer of {@code ResultColumns})
     * that the catalogue must restrict: the figures derived from the candidate sites, and who ran
     * the scenario. Declared with the table's schema below.
     */
    private static final List<String> SCENARIOS_RESTRICTED = List.of("demande_couverte", "methode_sites",
            "ecart_optimalite", "km_evites_an", "kg_co2e_evites_an", "auteur");

    public static final LayerSchema SCENARIOS_SCHEMA = new LayerSchema(SCENARIOS, List.of(
            required("id", STRING), required(PARTITION, STRING), required("nom", STRING), required("parametres", STRING),
            required("statut", STRING), required("progression", DOUBLE), optional("etape", STRING),
            optional("message", STRING), required("created_at", TIMESTAMP), optional("started_at", TIMESTAMP),
            optional("finished_at", TIMESTAMP), optional("duree_ms", LONG), optional("temps_etapes", STRING),
            optional("avertissements", STRING), optional("source_flux", STRING), optional("nb_communes", INTEGER),
            optional("nb_communes_flux_modelises", INTEGER), optional("nb_communes_carence", INTEGER),
            optional("nb_zones", INTEGER), optional("demande_totale", DOUBLE), optional("demande_carence", DOUBLE),
            optional("demande_couverte", DOUBLE), optional("seuil_accessibilite_applique", DOUBLE),
            optional("methode_sites", STRING), optional("ecart_optimalite", DOUBLE), optional("km_evites_an", DOUBLE),
            optional("kg_co2e_evites_an", DOUBLE), optional("auteur", STRING), optional("provenance", STRING),
            optional("version_methode", STRING)), GeometryType.NONE, "id");

    // The result layers' schemas derive from their column declarations (one place per column).
    public static final LayerSchema INDICATEURS_SCHEMA = ResultColumns.INDICATEURS.schema();
    public static final LayerSchema ZONES_SCHEMA = ResultColumns.ZONES.schema();
    public static final LayerSchema SITES_SCHEMA = ResultColumns.SITES.schema();
    public static final LayerSchema FLUX_OD_SCHEMA = ResultColumns.FLUX_OD.schema();
    public static final LayerSchema ZONES_RESIDUELLES_SCHEMA = ResultColumns.ZONES_RESIDUELLES.schema();

    /**
     * Columns derived from the candidate sites (or naming who ran a scenario), per table: the
     * result layers' columns flagged restricted in their one declaration ({@code ResultColumns}),
     * plus the scenarios table's. The catalogue must restrict each of them
     * ({@code security/columns.properties}); the service refuses to start otherwise.
     */
    public static final Map<String, List<String>> RESTRICTED_COLUMNS = restrictedColumns();

    private static Map<String, List<String>> restrictedColumns() {
        Map<String, List<String>> out = new java.util.LinkedHashMap<>(ResultColumns.restrictedColumns());
        for (String c : SCENARIOS_RESTRICTED) {
            if (SCENARIOS_SCHEMA.attribute(c).isEmpty()) {
                throw new IllegalStateException("colonne réservée « " + c + " » absente du schéma des scénarios");
            }
        }
        out.put(SCENARIOS, SCENARIOS_RESTRICTED);
        // Who asked for a recomputation (REST API only, like the scenario's author).
        out.put(RECALCULS, List.of("auteur"));
        // The porteurs of the AMII intentions: accounts only (PLANNER too, so not the funders' flag).
        out.merge(ZONES_RESIDUELLES, List.of("intentions"), (x, y) -> java.util.stream.Stream.concat(x.stream(), y.stream()).toList());
        return java.util.Collections.unmodifiableMap(out);
    }

    private ResultLayers() {
    }
}
