package fr.carence.analysis.store;

import static fr.carence.store.LayerSchema.Attribute.optional;
import static fr.carence.store.LayerSchema.Attribute.required;
import static fr.carence.store.LayerSchema.AttributeType.BOOLEAN;
import static fr.carence.store.LayerSchema.AttributeType.DOUBLE;
import static fr.carence.store.LayerSchema.AttributeType.INTEGER;
import static fr.carence.store.LayerSchema.AttributeType.LONG;
import static fr.carence.store.LayerSchema.AttributeType.STRING;
import static fr.carence.store.LayerSchema.AttributeType.TIMESTAMP;

import fr.carence.store.LayerSchema;
import fr.carence.store.LayerSchema.GeometryType;
import java.util.List;
import java.util.Map;

/** Schemas of the result layers (docs/analysis.md lists every column), all partitioned by {@link #PARTITION}. */
public final class ResultLayers {

    public static final String PARTITION = "scenario";
    public static final String SCENARIOS = "scenarios";
    public static final String INDICATEURS = "indicateurs_communes";
    public static final String ZONES = "zones_carence";
    public static final String SITES = "sites_candidats";
    public static final String FLUX_OD = "flux_od";

    /** Result layers cleared when a scenario is deleted (the scenarios row last). */
    public static final List<String> RESULT_LAYERS = List.of(INDICATEURS, ZONES, SITES, FLUX_OD);

    /**
     * Layers holding the candidate sites themselves: pre-decisional, the catalogue must restrict
     * them ({@code security/layers.properties}); the service refuses to start otherwise.
     */
    public static final List<String> RESTRICTED_LAYERS = List.of(SITES);

    /**
     * Columns derived from the candidate sites (or naming who ran a scenario), per table: the
     * catalogue must restrict each of them ({@code security/columns.properties}); the service
     * refuses to start otherwise. A new column derived from the sites is added here.
     */
    public static final Map<String, List<String>> RESTRICTED_COLUMNS = Map.of(
            INDICATEURS, List.of("site_candidat", "site_retenu", "site_desservant"),
            ZONES, List.of("demande_couverte"),
            SCENARIOS, List.of("demande_couverte", "methode_sites", "ecart_optimalite", "km_evites_an",
                    "kg_co2e_evites_an", "auteur"));

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
            optional("kg_co2e_evites_an", DOUBLE), optional("auteur", STRING)), GeometryType.NONE, "id");

    public static final LayerSchema INDICATEURS_SCHEMA = new LayerSchema(INDICATEURS, List.of(
            required("id", STRING), required(PARTITION, STRING), required("code", STRING), optional("nom", STRING),
            required("population", DOUBLE), required("flux_modelise", BOOLEAN),
            required("navetteurs_sortants", DOUBLE), required("navetteurs_eligibles", DOUBLE),
            required("demande", DOUBLE), optional("distance_moyenne_km", DOUBLE),
            optional("part_longue_distance", DOUBLE), required("accessibilite", DOUBLE),
            optional("temps_lieu_proche_min", DOUBLE), optional("taux_thd", DOUBLE), required("eligible_thd", BOOLEAN),
            optional("niveau_densite", INTEGER), required("rural", BOOLEAN), required("zrr", BOOLEAN),
            required("montagne", BOOLEAN), optional("massif", STRING), required("qpv", BOOLEAN),
            required("outre_mer", BOOLEAN), required("poids_fragilite", DOUBLE), required("fragile", BOOLEAN),
            required("carence", BOOLEAN), required("score_carence", DOUBLE), optional("zone_id", STRING),
            required("site_candidat", BOOLEAN), required("site_retenu", BOOLEAN), optional("site_desservant", STRING)),
            GeometryType.MULTIPOLYGON, "id");

    public static final LayerSchema ZONES_SCHEMA = new LayerSchema(ZONES, List.of(
            required("id", STRING), required(PARTITION, STRING), required("rang", INTEGER),
            required("nb_communes", INTEGER), required("population", DOUBLE), required("demande", DOUBLE),
            required("score", DOUBLE), required("demande_couverte", DOUBLE), required("nb_rural", INTEGER),
            required("nb_zrr", INTEGER), required("nb_montagne", INTEGER), required("nb_qpv", INTEGER),
            required("nb_outre_mer", INTEGER), optional("massifs", STRING), required("nb_flux_modelises", INTEGER),
            required("codes_communes", STRING)), GeometryType.MULTIPOLYGON, "id");

    public static final LayerSchema SITES_SCHEMA = new LayerSchema(SITES, List.of(
            required("id", STRING), required(PARTITION, STRING), required("rang", INTEGER),
            required("code_commune", STRING), optional("nom_commune", STRING), optional("zone_id", STRING),
            optional("taux_thd", DOUBLE), required("demande_couverte", DOUBLE), required("communes_couvertes", INTEGER),
            required("km_evites_semaine", DOUBLE), required("km_evites_an", DOUBLE),
            required("heures_gagnees_an", DOUBLE), required("litres_carburant_an", DOUBLE),
            required("kg_co2e_an", DOUBLE), required("methode", STRING), required("ecart_optimalite", DOUBLE),
            required("flux_modelise", BOOLEAN)), GeometryType.POINT, "id");

    public static final LayerSchema FLUX_OD_SCHEMA = new LayerSchema(FLUX_OD, List.of(
            required("id", STRING), required(PARTITION, STRING), required("rang", INTEGER),
            required("code_residence", STRING), required("code_travail", STRING), required("navetteurs", DOUBLE),
            optional("navetteurs_voiture", DOUBLE), optional("distance_km", DOUBLE), required("modelise", BOOLEAN)),
            GeometryType.LINESTRING, "id");

    private ResultLayers() {
    }
}
