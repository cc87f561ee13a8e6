package fr.carence.analysis.param;

import fr.carence.analysis.step.FragilityClassifier;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Every scenario parameter with its default, bounds, unit and source (see docs/analysis.md), and
 * the validation of a submitted parameter set.
 */
public final class ParameterCatalog {

    public static final String DISTANCE_MIN_KM = "distance_min_km";
    public static final String DISTANCE_MAX_KM = "distance_max_km";
    public static final String PART_TELETRAVAILLABLE = "part_teletravaillable";
    public static final String VOITURE_SEULEMENT = "voiture_seulement";
    public static final String TAUX_ACTIFS_OCCUPES = "taux_actifs_occupes";
    public static final String PART_NAVETTEURS_SORTANTS = "part_navetteurs_sortants";
    public static final String RADIATION_DISTANCE_MAX_KM = "radiation_distance_max_km";
    public static final String RADIATION_FLUX_MIN = "radiation_flux_min";
    public static final String COUVERTURE_FLUX_MIN = "couverture_flux_min";
    public static final String FACTEUR_DETOUR = "facteur_detour";
    public static final String VITESSE_KMH = "vitesse_kmh";
    public static final String BASSIN_MINUTES = "bassin_minutes";
    public static final String POIDS_ZONE_1 = "poids_zone_1";
    public static final String POIDS_ZONE_2 = "poids_zone_2";
    public static final String POIDS_ZONE_3 = "poids_zone_3";
    public static final String CAPACITE_DEFAUT = "capacite_defaut";
    public static final String MATRICE_TEMPS = "matrice_temps";
    public static final String SEUIL_THD = "seuil_thd";
    public static final String NIVEAU_DENSITE_RURAL_MIN = "niveau_densite_rural_min";
    public static final String PROFIL_APPEL = "profil_appel";
    public static final String PERIMETRE = "perimetre";
    public static final String SOURCE_PART_TELETRAVAILLABLE = "source_part_teletravaillable";
    public static final String DEMANDE_MIN = "demande_min";
    public static final String MODE_SEUIL = "mode_seuil";
    public static final String SEUIL_ACCESSIBILITE = "seuil_accessibilite";
    public static final String PERCENTILE_ACCESSIBILITE = "percentile_accessibilite";
    public static final String TOLERANCE_ADJACENCE_M = "tolerance_adjacence_m";
    public static final String NOMBRE_SITES = "nombre_sites";
    public static final String TAILLE_MAX_EXACTE = "taille_max_exacte";
    public static final String TEMPS_MAX_SOLVEUR_S = "temps_max_solveur_s";
    public static final String JOURS_TELETRAVAIL = "jours_teletravail_semaine";
    public static final String SEMAINES_TRAVAILLEES = "semaines_travaillees_an";
    public static final String FACTEUR_EMISSION = "facteur_emission_kg_km";
    public static final String CONSOMMATION = "consommation_l_100km";
    public static final String PART_REBOND = "part_rebond";
    public static final String TAUX_FREQUENTATION = "taux_frequentation";
    public static final String FLUX_OD_MAX = "flux_od_max";
    public static final String APPLIQUER_INTENTIONS = "appliquer_intentions";
    public static final String INTENTIONS_RETENUES = "intentions_retenues";
    /** projet, confirme and ouvert count as future supply; abandonne never does. */
    public static final String INTENTIONS_TOUTES = "toutes";
    /** Only confirme and ouvert count. */
    public static final String INTENTIONS_CONFIRMEES = "confirmees";

    public static final String PART_PAR_COMMUNE = "commune_ou_region";
    public static final String PART_UNIFORME = "uniforme";
    /** Action 15's list of fragile territories (the default call profile). */
    public static final String PROFIL_ACTION_15 = "espaces_ruraux,zones_massifs,qpv,outre_mer,zones_reconversion";
    public static final String UNITE_ZONAGE = "unite_zonage";
    public static final String TIRAGES_ROBUSTESSE = "tirages_robustesse";
    public static final String UNITE_GRAPPES = "grappes";
    public static final String UNITE_EPCI = "epci";
    public static final String UNITE_DEPARTEMENT = "departement";
    public static final String MODE_ABSOLU = "absolu";
    public static final String MODE_PERCENTILE = "percentile";

    private static final Pattern MATRIX_FILE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,100}\\.csv");

    private static final String INSEE_1605 = "INSEE Première n° 1605 (juin 2016), « De plus en plus de personnes "
            + "travaillent en dehors de leur commune de résidence »";

    private static final List<ParameterSpec> SPECS = List.of(
            ParameterSpec.number(DISTANCE_MIN_KM, 15, 0, 200, "km", 1,
                    "Distance domicile-travail (à vol d'oiseau) à partir de laquelle un navetteur compte dans la demande",
                    INSEE_1605 + " : la moitié des actifs en emploi résident à plus de 15 km de leur lieu de travail"),
            ParameterSpec.number(DISTANCE_MAX_KM, 200, 20, 2000, "km", 1,
                    "Au-delà, le trajet n'est pas quotidien et n'entre pas dans la demande",
                    INSEE_1605 + " : les trajets de plus de 200 km sont exclus car rarement quotidiens"),
            ParameterSpec.number(PART_TELETRAVAILLABLE, 0.39, 0, 1, "part", 1,
                    "Part des emplois compatibles avec le télétravail : partout en source uniforme, sinon pour les régions "
                            + "sans part régionale publiée (table de docs/analysis.md)",
                    "Insee Analyses Auvergne-Rhône-Alpes n° 182 (novembre 2024) : 39 % des emplois de France "
                            + "métropolitaine compatibles avec le télétravail en 2021"),
            ParameterSpec.choice(SOURCE_PART_TELETRAVAILLABLE, PART_PAR_COMMUNE, List.of(PART_PAR_COMMUNE, PART_UNIFORME), 1,
                    "Part télétravaillable par commune (catégories socioprofessionnelles de FD_MOBPRO si le fichier détail "
                            + "est chargé, sinon table régionale) ou uniforme (part_teletravaillable partout)",
                    "Insee Analyses Auvergne-Rhône-Alpes n° 182 (2024) et Normandie n° 111 (2023) ; voir docs/analysis.md"),
            ParameterSpec.flag(VOITURE_SEULEMENT, false, 1,
                    "Ne compter que les navetteurs en voiture quand le mode est connu (flux INSEE par mode)",
                    "Choix d'analyse : le tiers-lieu évite surtout des trajets automobiles"),
            ParameterSpec.number(TAUX_ACTIFS_OCCUPES, 0.40, 0.05, 0.8, "part", 2,
                    "Actifs en emploi rapportés à la population (modèle de radiation, communes sans flux chargés)",
                    INSEE_1605 + " : 26,1 millions de personnes en emploi en 2013 pour environ 66 millions d'habitants"),
            ParameterSpec.number(PART_NAVETTEURS_SORTANTS, 0.66, 0, 1, "part", 2,
                    "Part des actifs en emploi qui travaillent hors de leur commune (modèle de radiation)",
                    INSEE_1605 + " : deux personnes en emploi sur trois quittent leur commune de résidence"),
            ParameterSpec.number(RADIATION_DISTANCE_MAX_KM, 100, 10, 500, "km", 2,
                    "Rayon de recherche des destinations du modèle de radiation (coupe la queue de distribution)",
                    "Choix de performance ; au-delà de 100 km les navettes quotidiennes sont marginales (INSEE 1605)"),
            ParameterSpec.number(RADIATION_FLUX_MIN, 0.5, 0, 100, "navetteurs", 2,
                    "Flux modélisés inférieurs ignorés (bruit du modèle, volume des sorties)",
                    "Choix de performance : un demi-navetteur est sous la précision du recensement (IPONDI)"),
            ParameterSpec.number(COUVERTURE_FLUX_MIN, 0.5, 0, 1, "part", 2,
                    "Une commune utilise ses flux INSEE chargés quand ils couvrent au moins cette part de ses actifs "
                            + "estimés ; sinon ses flux sont modélisés",
                    "Choix d'analyse : un extrait local (ex. CC Millau) ne contient que quelques navetteurs des communes voisines"),
            ParameterSpec.number(FACTEUR_DETOUR, 1.3, 1, 3, "", 3,
                    "Rapport distance routière / distance à vol d'oiseau",
                    "Valeur usuelle pour la France (réseau routier ≈ 1,3 × vol d'oiseau), ex. Chalasani et al. 2005 ; "
                            + "remplaçable par une matrice de temps routiers"),
            ParameterSpec.number(VITESSE_KMH, 60, 10, 130, "km/h", 3,
                    "Vitesse moyenne de porte à porte en voiture",
                    "Hypothèse : routes départementales en zone rurale"),
            ParameterSpec.number(BASSIN_MINUTES, 30, 5, 120, "min", 3,
                    "Temps d'accès maximal à un tiers-lieu (bassin de la 2SFCA), découpé en trois sous-zones égales",
                    "Luo & Wang 2003 (2SFCA), sous-zones 0-10 / 10-20 / 20-30 min de Luo & Qi 2009 (E2SFCA)"),
            ParameterSpec.number(POIDS_ZONE_1, 1, 0, 1, "", 3, "Poids de la première sous-zone (0-10 min)",
                    "Luo & Qi 2009 (E2SFCA), décroissance gaussienne"),
            ParameterSpec.number(POIDS_ZONE_2, 0.68, 0, 1, "", 3, "Poids de la deuxième sous-zone (10-20 min)",
                    "Luo & Qi 2009 (E2SFCA), décroissance gaussienne"),
            ParameterSpec.number(POIDS_ZONE_3, 0.22, 0, 1, "", 3, "Poids de la troisième sous-zone (20-30 min)",
                    "Luo & Qi 2009 (E2SFCA), décroissance gaussienne"),
            ParameterSpec.number(CAPACITE_DEFAUT, 15, 1, 1000, "postes", 3,
                    "Capacité d'un tiers-lieu existant quand elle est inconnue",
                    "Hypothèse (aucune capacité dans la liste 2016) : ordre de grandeur d'un petit espace de coworking rural"),
            ParameterSpec.text(MATRICE_TEMPS, null, 3,
                    "Nom d'un fichier CSV (origine, destination, minutes) du répertoire des matrices du serveur ; "
                            + "remplace le temps estimé pour les couples de communes qu'il contient",
                    "Fourni par l'utilisateur (ex. temps routiers d'un calculateur d'itinéraires)"),
            ParameterSpec.number(SEUIL_THD, 0.10, 0, 1, "part", 4,
                    "Taux minimal de locaux raccordables FttH pour qu'une commune puisse accueillir un site candidat",
                    "ARCEP, observatoire HD/THD T1 2018 (seule donnée disponible, couverture faible à l'époque) : "
                            + "seuil bas choisi pour garder des candidats ; à relever avec des données récentes"),
            ParameterSpec.integer(NIVEAU_DENSITE_RURAL_MIN, 5, 1, 7, "niveau", 5,
                    "Niveau de la grille de densité à partir duquel une commune est rurale (5 bourgs ruraux, "
                            + "6 rural à habitat dispersé, 7 très dispersé)",
                    "INSEE, grille communale de densité à 7 niveaux (niveaux 5 à 7 = rural)"),
            ParameterSpec.text(PROFIL_APPEL, PROFIL_ACTION_15, 5,
                    "Catégories de territoires fragiles visées par l'appel (liste séparée par des virgules parmi "
                            + "espaces_ruraux, zones_massifs, qpv, outre_mer, zones_reconversion) ; chacune comptée une fois",
                    "Action 15 : « territoires fragiles (espaces ruraux, zones de massifs, quartiers de la politique de la "
                            + "ville, collectivités d'outre-mer, zones de reconversion) »"),
            ParameterSpec.text(PERIMETRE, "france", 6,
                    "Périmètre d'étude : france, massif-central, hauts-de-france, regions:<codes>, departements:<codes>, "
                            + "epci:<sirens> ou massif:<nom> ; hors inventaire des lieux chargé, la carence n'est pas établie",
                    "Choix de l'étude (pilote Massif central, région Hauts-de-France…)"),
            ParameterSpec.number(DEMANDE_MIN, 5, 0, 1_000_000, "télétravailleurs potentiels", 6,
                    "Demande minimale pour qu'une commune puisse être en carence",
                    "Choix d'analyse : écarte les communes où un lieu n'aurait pas d'usagers"),
            ParameterSpec.choice(MODE_SEUIL, MODE_ABSOLU, List.of(MODE_ABSOLU, MODE_PERCENTILE), 6,
                    "Seuil d'accessibilité absolu (places pour 1 000 télétravailleurs) ou percentile des communes",
                    "Absolu : à la manière de l'APL (DREES) ; percentile : comparaison relative"),
            ParameterSpec.number(SEUIL_ACCESSIBILITE, 1, 0, 1_000_000, "places / 1 000 télétravailleurs", 6,
                    "Accessibilité en dessous de laquelle une commune fragile est en carence (mode absolu)",
                    "Choix d'analyse : moins d'une place pour 1 000 télétravailleurs potentiels"),
            ParameterSpec.number(PERCENTILE_ACCESSIBILITE, 20, 0, 100, "%", 6,
                    "Percentile d'accessibilité (sur les communes ayant une demande) sous lequel une commune est en "
                            + "carence (mode percentile)", "Choix d'analyse (quintile le moins bien servi)"),
            ParameterSpec.number(TOLERANCE_ADJACENCE_M, 50, 0, 1000, "m", 6,
                    "Distance en dessous de laquelle deux communes sont contiguës (les contours simplifiés laissent "
                            + "des interstices le long des limites départementales)",
                    "IGN ADMIN EXPRESS simplifié : coordonnées arrondies à ≈ 1 m, simplification par département"),
            ParameterSpec.choice(UNITE_ZONAGE, UNITE_GRAPPES, List.of(UNITE_GRAPPES, UNITE_EPCI, UNITE_DEPARTEMENT), 6,
                    "Unité des zones publiées : grappes de communes en carence contiguës, EPCI ou département "
                            + "(les communes en carence d'une même unité forment une zone)",
                    "Choix d'analyse : les appels à projets de l'ANCT raisonnent par EPCI, arrondissement ou bassin de vie"),
            ParameterSpec.integer(TIRAGES_ROBUSTESSE, 0, 0, 1000, "tirages", 6,
                    "Tirages de robustesse : bassin (20–45 min), seuil d'accessibilité (0,5–2 ou percentile 10–30), "
                            + "capacité par défaut (8–25 postes), part télétravaillable (0,25–0,45), flux modélisés "
                            + "(× 0,7–1,3) ; 0 = pas d'analyse de robustesse",
                    "Plages : voir docs/analysis.md (robustesse) ; le scénario par défaut en fait 100"),
            ParameterSpec.flag(APPLIQUER_INTENTIONS, true, 6,
                    "Appliquer les intentions d'investissement de l'AMII chargé comme offre future : la couche des zones de "
                            + "carence résiduelles retire ce qu'elles desserviraient (sans AMII chargé : zones résiduelles = "
                            + "zones présumées)",
                    "Plan national, action 15 : la carence est « avérée par un appel à manifestation d'intention "
                            + "d'investissement » ; voir docs/amii.md"),
            ParameterSpec.choice(INTENTIONS_RETENUES, INTENTIONS_TOUTES, List.of(INTENTIONS_TOUTES, INTENTIONS_CONFIRMEES), 6,
                    "Intentions comptées comme offre future : toutes (projet, confirmé, ouvert) ou confirmées seulement "
                            + "(confirmé, ouvert) ; une intention abandonnée ne compte jamais",
                    "Choix d'analyse : un projet non confirmé peut ne pas ouvrir (voir docs/amii.md)"),
            ParameterSpec.integer(NOMBRE_SITES, 10, 1, 500, "sites", 7, "Nombre de sites candidats à choisir (K)",
                    "Choix politique (taille de l'appel à projets)"),
            ParameterSpec.integer(TAILLE_MAX_EXACTE, 200_000, 0, 10_000_000, "couples", 7,
                    "Taille maximale (couples site-commune couverts) résolue exactement ; au-delà, algorithme glouton",
                    "Choix de performance (Church & ReVelle 1974 ; glouton ≥ 1 - 1/e de l'optimum)"),
            ParameterSpec.integer(TEMPS_MAX_SOLVEUR_S, 20, 1, 600, "s", 7, "Temps maximal du solveur exact",
                    "Choix de performance ; l'écart d'optimalité est rapporté"),
            ParameterSpec.number(JOURS_TELETRAVAIL, 1, 0, 5, "jours / semaine", 8,
                    "Jours de télétravail en tiers-lieu par semaine et par télétravailleur",
                    "Dares Analyses n° 051 (novembre 2019) : 45 % des télétravailleurs réguliers le pratiquent un jour par semaine"),
            ParameterSpec.number(SEMAINES_TRAVAILLEES, 45, 1, 52, "semaines / an", 8,
                    "Semaines travaillées par an",
                    "52 semaines - 5 semaines de congés payés (Code du travail L3141-3) - ≈ 2 semaines de jours fériés"),
            ParameterSpec.number(FACTEUR_EMISSION, 0.218, 0, 2, "kg CO2e / km", 8,
                    "Émissions d'une voiture moyenne par km parcouru",
                    "ADEME, Impact CO2 (impactco2.fr) : voiture thermique ≈ 218 g CO2e/km (construction incluse) ; "
                            + "à mettre à jour avec la Base Carbone"),
            ParameterSpec.number(CONSOMMATION, 6.5, 0, 30, "L / 100 km", 8,
                    "Consommation moyenne de carburant du parc de voitures",
                    "Ordre de grandeur du parc français (SDES, bilan de la circulation) ; hypothèse à affiner"),
            ParameterSpec.number(PART_REBOND, 0.31, 0, 1, "part", 8,
                    "Part des km évités reperdue en effets rebond (déplacements ajoutés, logement plus éloigné)",
                    "ADEME (2020), « Caractérisation des effets rebond induits par le télétravail » : 31 %"),
            ParameterSpec.number(TAUX_FREQUENTATION, 1, 0, 1, "part", 8,
                    "Part des télétravailleurs potentiels couverts qui viennent au tiers-lieu leurs jours de télétravail",
                    "1 = potentiel maximal ; à réduire pour une estimation prudente"),
            ParameterSpec.integer(FLUX_OD_MAX, 500, 0, 100_000, "flux", 2,
                    "Nombre de flux domicile-travail (les plus gros) dessinés sur la carte (couche « Principaux flux domicile-travail »)",
                    "Choix de lisibilité de la carte"));

    private static final Map<String, ParameterSpec> BY_NAME = new LinkedHashMap<>();

    static {
        for (ParameterSpec s : SPECS) {
            BY_NAME.put(s.name(), s);
        }
    }

    private ParameterCatalog() {
    }

    public static List<ParameterSpec> specs() {
        return SPECS;
    }

    public static Optional<ParameterSpec> spec(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }

    public static ScenarioParameters defaults() {
        return validate(Map.of());
    }

    /**
     * Checks a submitted parameter set (unknown names, types, ranges) and completes it with the
     * defaults. Numbers may arrive as any JSON number; booleans as JSON booleans.
     *
     * @throws InvalidParameterException naming the first offending parameter
     */
    public static ScenarioParameters validate(Map<String, ?> submitted) {
        Map<String, Object> values = new LinkedHashMap<>();
        if (submitted != null) {
            for (String name : submitted.keySet()) {
                if (!BY_NAME.containsKey(name)) {
                    throw new InvalidParameterException(name, "paramètre inconnu '" + name + "'");
                }
            }
        }
        for (ParameterSpec spec : SPECS) {
            Object raw = submitted == null ? null : submitted.get(spec.name());
            Object value = raw != null ? raw : spec.defaultValue();
            values.put(spec.name(), value == null ? null : convert(spec, value));
        }
        ScenarioParameters p = new ScenarioParameters(values);
        checkConsistency(p);
        return p;
    }

    private static Object convert(ParameterSpec spec, Object raw) {
        String name = spec.name();
        switch (spec.type()) {
            case NUMBER, INTEGER -> {
                if (!(raw instanceof Number n)) {
                    throw new InvalidParameterException(name, name + " doit être un nombre, reçu '" + raw + "'");
                }
                double v = n.doubleValue();
                if (Double.isNaN(v) || Double.isInfinite(v)) {
                    throw new InvalidParameterException(name, name + " doit être un nombre fini");
                }
                if (spec.type() == ParameterSpec.Type.INTEGER && v != Math.rint(v)) {
                    throw new InvalidParameterException(name, name + " doit être un entier, reçu " + v);
                }
                if (v < spec.min() || v > spec.max()) {
                    throw new InvalidParameterException(name, name + " = " + v + " hors de l'intervalle ["
                            + fmt(spec.min()) + ", " + fmt(spec.max()) + "]" + (spec.unit().isEmpty() ? "" : " " + spec.unit()));
                }
                return v;
            }
            case BOOLEAN -> {
                if (!(raw instanceof Boolean b)) {
                    throw new InvalidParameterException(name, name + " doit être true ou false, reçu '" + raw + "'");
                }
                return b;
            }
            case CHOICE -> {
                if (!(raw instanceof String s) || !spec.choices().contains(s)) {
                    throw new InvalidParameterException(name, name + " doit valoir " + String.join(" ou ", spec.choices())
                            + ", reçu '" + raw + "'");
                }
                return s;
            }
            case TEXT -> {
                if (name.equals(PROFIL_APPEL)) {
                    return profile(raw);
                }
                if (name.equals(PERIMETRE)) {
                    if (!(raw instanceof String s)) {
                        throw new InvalidParameterException(name, name + " doit être un texte, reçu '" + raw + "'");
                    }
                    return Perimetre.parse(s).toString();
                }
                if (!(raw instanceof String s) || !MATRIX_FILE.matcher(s).matches()) {
                    throw new InvalidParameterException(name, name
                            + " doit être un nom de fichier .csv (lettres, chiffres, . _ -), reçu '" + raw + "'");
                }
                return s;
            }
            default -> throw new IllegalStateException(spec.type().toString());
        }
    }

    /** The call profile normalised (known categories, no repeat, catalogue order kept as given). */
    private static String profile(Object raw) {
        if (!(raw instanceof String s)) {
            throw new InvalidParameterException(PROFIL_APPEL, PROFIL_APPEL + " doit être un texte, reçu '" + raw + "'");
        }
        java.util.LinkedHashSet<String> keys = new java.util.LinkedHashSet<>();
        for (String part : s.split(",")) {
            String key = part.strip();
            if (key.isEmpty()) {
                continue;
            }
            if (FragilityClassifier.Category.of(key).isEmpty()) {
                throw new InvalidParameterException(PROFIL_APPEL, PROFIL_APPEL + " : catégorie inconnue « " + key
                        + " » (attendues : espaces_ruraux, zones_massifs, qpv, outre_mer, zones_reconversion)");
            }
            keys.add(key);
        }
        if (keys.isEmpty()) {
            throw new InvalidParameterException(PROFIL_APPEL, PROFIL_APPEL + " : au moins une catégorie de territoire fragile");
        }
        return String.join(",", keys);
    }

    /** The categories of a validated profile. */
    public static java.util.Set<FragilityClassifier.Category> categories(ScenarioParameters p) {
        java.util.Set<FragilityClassifier.Category> out = java.util.EnumSet.noneOf(FragilityClassifier.Category.class);
        for (String key : p.text(PROFIL_APPEL).split(",")) {
            out.add(FragilityClassifier.Category.of(key).orElseThrow());
        }
        return out;
    }

    private static void checkConsistency(ScenarioParameters p) {
        if (p.number(DISTANCE_MIN_KM) >= p.number(DISTANCE_MAX_KM)) {
            throw new InvalidParameterException(DISTANCE_MIN_KM, DISTANCE_MIN_KM + " doit être inférieur à " + DISTANCE_MAX_KM);
        }
        if (p.number(POIDS_ZONE_2) > p.number(POIDS_ZONE_1) || p.number(POIDS_ZONE_3) > p.number(POIDS_ZONE_2)) {
            throw new InvalidParameterException(POIDS_ZONE_2, "les poids des sous-zones doivent décroître avec le temps "
                    + "(poids_zone_1 ≥ poids_zone_2 ≥ poids_zone_3)");
        }
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
