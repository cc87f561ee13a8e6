package fr.carence.analysis.store;

import static fr.carence.store.LayerSchema.Attribute.optional;
import static fr.carence.store.LayerSchema.Attribute.required;
import static fr.carence.store.LayerSchema.AttributeType.DOUBLE;
import static fr.carence.store.LayerSchema.AttributeType.INTEGER;
import static fr.carence.store.LayerSchema.AttributeType.LONG;
import static fr.carence.store.LayerSchema.AttributeType.STRING;
import static fr.carence.store.LayerSchema.AttributeType.TIMESTAMP;

import fr.carence.analysis.result.ColumnReaders;
import fr.carence.analysis.result.ResultColumns;
import fr.carence.store.LayerSchema;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
     * The scenarios table (REST API only, not a result layer of {@code ResultColumns}), column by
     * column with who may read it: the figures derived from the candidate sites (funders), and
     * who ran the scenario (accounts).
     */
    public static final List<TableColumn> SCENARIOS_COLUMNS = List.of(
            col(required("id", STRING)), col(required(PARTITION, STRING)), col(required("nom", STRING)),
            col(required("parametres", STRING)), col(required("statut", STRING)), col(required("progression", DOUBLE)),
            col(optional("etape", STRING)), col(optional("message", STRING)), col(required("created_at", TIMESTAMP)),
            col(optional("started_at", TIMESTAMP)), col(optional("finished_at", TIMESTAMP)), col(optional("duree_ms", LONG)),
            col(optional("temps_etapes", STRING)), col(optional("avertissements", STRING)), col(optional("source_flux", STRING)),
            col(optional("nb_communes", INTEGER)), col(optional("nb_communes_flux_modelises", INTEGER)),
            col(optional("nb_communes_carence", INTEGER)), col(optional("nb_zones", INTEGER)),
            col(optional("demande_totale", DOUBLE)), col(optional("demande_carence", DOUBLE)),
            col(optional("demande_couverte", DOUBLE)).readableBy(ColumnReaders.FUNDERS),
            col(optional("seuil_accessibilite_applique", DOUBLE)),
            col(optional("methode_sites", STRING)).readableBy(ColumnReaders.FUNDERS),
            col(optional("ecart_optimalite", DOUBLE)).readableBy(ColumnReaders.FUNDERS),
            col(optional("km_evites_an", DOUBLE)).readableBy(ColumnReaders.FUNDERS),
            col(optional("kg_co2e_evites_an", DOUBLE)).readableBy(ColumnReaders.FUNDERS),
            col(optional("auteur", STRING)).readableBy(ColumnReaders.ACCOUNTS),
            col(optional("provenance", STRING)), col(optional("version_methode", STRING)));

    public static final LayerSchema SCENARIOS_SCHEMA = TableColumn.schema(SCENARIOS, SCENARIOS_COLUMNS, "id");

    /** The recomputations table (REST API only): who asked for one is for accounts only, like a scenario's author. */
    public static final List<TableColumn> RECALCULS_COLUMNS = List.of(
            col(required("id", STRING)), col(required(PARTITION, STRING)), col(required("statut", STRING)),
            col(required("progression", DOUBLE)), col(optional("etape", STRING)), col(optional("message", STRING)),
            col(required("demande_le", TIMESTAMP)), col(optional("debut_le", TIMESTAMP)), col(optional("fin_le", TIMESTAMP)),
            col(optional("auteur", STRING)).readableBy(ColumnReaders.ACCOUNTS), col(optional("resultat", STRING)));

    public static final LayerSchema RECALCULS_SCHEMA = TableColumn.schema(RECALCULS, RECALCULS_COLUMNS, "id");

    // The result layers' schemas derive from their column declarations (one place per column).
    public static final LayerSchema INDICATEURS_SCHEMA = ResultColumns.INDICATEURS.schema();
    public static final LayerSchema ZONES_SCHEMA = ResultColumns.ZONES.schema();
    public static final LayerSchema SITES_SCHEMA = ResultColumns.SITES.schema();
    public static final LayerSchema FLUX_OD_SCHEMA = ResultColumns.FLUX_OD.schema();
    public static final LayerSchema ZONES_RESIDUELLES_SCHEMA = ResultColumns.ZONES_RESIDUELLES.schema();

    /**
     * Every column some roles only may read, per table: table → column → the roles its one
     * declaration names (result layers: {@code ResultColumns}; REST tables: {@link #SCENARIOS_COLUMNS},
     * {@link #RECALCULS_COLUMNS}), derived from those declarations only. The catalogue's column rules
     * ({@code security/columns.properties}) must keep each from anonymous callers and open it to no
     * other role; the service refuses to start otherwise.
     */
    public static final Map<String, Map<String, Set<String>>> RESTRICTED_COLUMNS = restrictedColumns();

    private static Map<String, Map<String, Set<String>>> restrictedColumns() {
        Map<String, Map<String, Set<String>>> out = new LinkedHashMap<>(ResultColumns.restrictedColumns());
        restricted(out, SCENARIOS, SCENARIOS_COLUMNS);
        restricted(out, RECALCULS, RECALCULS_COLUMNS);
        return Collections.unmodifiableMap(out);
    }

    private static void restricted(Map<String, Map<String, Set<String>>> out, String table, List<TableColumn> columns) {
        Map<String, Set<String>> restricted = new LinkedHashMap<>();
        columns.stream().filter(c -> !c.readers().isEmpty()).forEach(c -> restricted.put(c.name(), c.readers()));
        if (!restricted.isEmpty()) {
            out.put(table, Collections.unmodifiableMap(restricted));
        }
    }

    private static TableColumn col(LayerSchema.Attribute attribute) {
        return TableColumn.of(attribute);
    }

    private ResultLayers() {
    }
}
