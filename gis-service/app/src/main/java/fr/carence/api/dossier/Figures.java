package fr.carence.api.dossier;

import fr.carence.store.Feature;
import java.util.ArrayList;
import java.util.List;

/**
 * The figures a dossier prints: which column, its French label, unit, number of decimals and
 * one-line definition, declared once for the PDF, the GeoPackage's {@code dossier} table and the
 * tests. (When the method work declares its result columns in one place, issue 11, these
 * definitions should come from there.)
 */
final class Figures {

    /**
     * @param scale factor applied before printing (100 for a share shown in %, 0.001 for kg shown in t)
     */
    record Indicator(String column, String label, String unit, int decimals, double scale, String definition) {

        String format(Object value) {
            if (!(value instanceof Number n)) {
                return FrenchText.number(null, decimals);
            }
            return FrenchText.number(n.doubleValue() * scale, decimals);
        }
    }

    static final List<Indicator> ZONE = List.of(
            new Indicator("nb_communes", "Communes", "communes", 0, 1, "Nombre de communes en carence contiguës formant la zone."),
            new Indicator("population", "Population", "habitants", 0, 1, "Population municipale des communes de la zone (INSEE)."),
            new Indicator("demande", "Demande potentielle", "télétravailleurs potentiels", 1, 1,
                    "Actifs qui travaillent dans une autre commune, à une distance comprise entre les bornes du scénario, multipliés par la part des emplois télétravaillables."),
            new Indicator("score", "Score de carence", "points", 1, 1,
                    "Somme, sur les communes de la zone, de demande × poids de fragilité × (1 − accessibilité / seuil) ; sert à classer les zones."),
            new Indicator("demande_couverte", "Demande couverte par les sites retenus", "télétravailleurs potentiels", 1, 1,
                    "Demande des communes de la zone à portée d'un des sites retenus par le scénario."));

    static final List<Indicator> FRAGILITES_ZONE = List.of(
            new Indicator("nb_rural", "Communes rurales", "communes", 0, 1, "Niveau 5 à 7 de la grille communale de densité de l'INSEE (bourgs ruraux, rural à habitat dispersé ou très dispersé)."),
            new Indicator("nb_zrr", "Zones de revitalisation rurale", "communes", 0, 1, "Communes classées en zone de revitalisation rurale."),
            new Indicator("nb_montagne", "Zones de montagne", "communes", 0, 1, "Communes classées en zone de montagne (loi Montagne)."),
            new Indicator("nb_qpv", "Quartiers prioritaires", "communes", 0, 1, "Communes qui comptent au moins un quartier prioritaire de la politique de la ville."),
            new Indicator("nb_outre_mer", "Outre-mer", "communes", 0, 1, "Communes d'un département ou d'une collectivité d'outre-mer."));

    static final List<Indicator> COMMUNE = List.of(
            new Indicator("population", "Population", "hab.", 0, 1, "population municipale (INSEE)."),
            new Indicator("demande", "Demande", "télétrav. potentiels", 1, 1, "télétravailleurs potentiels résidant dans la commune."),
            new Indicator("accessibilite", "Accessibilité", "places / 1 000", 2, 1,
                    "places de lieux de télétravail accessibles pour 1 000 télétravailleurs potentiels, pondérées par le temps de trajet."),
            new Indicator("temps_lieu_proche_min", "Lieu le plus proche", "min", 0, 1, "temps de trajet estimé jusqu'au lieu existant le plus proche."),
            new Indicator("taux_thd", "Fibre", "% des locaux", 0, 100, "part des locaux raccordables à la fibre optique (ARCEP)."),
            new Indicator("score_carence", "Score", "points", 1, 1, "demande × poids de fragilité × (1 − accessibilité / seuil)."));

    static final List<Indicator> SITE = List.of(
            new Indicator("demande_couverte", "Demande couverte", "télétrav. potentiels", 1, 1, "télétravailleurs potentiels des communes en carence à portée du site."),
            new Indicator("communes_couvertes", "Communes couvertes", "communes", 0, 1, "communes en carence à portée du site."),
            new Indicator("km_evites_an", "Km évités", "km par an", 0, 1, "trajets routiers évités par an, effet rebond déduit."),
            new Indicator("kg_co2e_an", "CO₂ évité", "t CO₂e par an", 1, 0.001, "km évités × facteur d'émission d'une voiture (ADEME)."));

    private Figures() {
    }

    /** The commune's fragility categories in plain words ("rurale, montagne (Massif central)"), "aucune" if none. */
    static String fragilites(Feature c) {
        List<String> out = new ArrayList<>();
        if (Boolean.TRUE.equals(c.get("rural"))) {
            out.add("rurale");
        }
        if (Boolean.TRUE.equals(c.get("zrr"))) {
            out.add("ZRR");
        }
        if (Boolean.TRUE.equals(c.get("montagne"))) {
            out.add(c.get("massif") == null ? "montagne" : "montagne (" + c.get("massif") + ")");
        }
        if (Boolean.TRUE.equals(c.get("qpv"))) {
            out.add("quartier prioritaire");
        }
        if (Boolean.TRUE.equals(c.get("outre_mer"))) {
            out.add("outre-mer");
        }
        return out.isEmpty() ? "aucune" : String.join(", ", out);
    }
}
