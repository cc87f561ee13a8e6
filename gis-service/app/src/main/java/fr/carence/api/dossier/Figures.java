package fr.carence.api.dossier;

import fr.carence.analysis.result.ResultColumn;
import fr.carence.analysis.result.ResultColumns;
import fr.carence.analysis.store.ResultLayers;
import fr.carence.store.Feature;
import java.util.ArrayList;
import java.util.List;

/**
 * The figures a dossier prints, chosen from the result columns: label, unit and one-line
 * definition come from their one declaration ({@link ResultColumns}); only how a figure is
 * printed (decimals, and a unit conversion such as kg → t) is the dossier's own.
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

    /** A declared column, printed with {@code decimals} in its declared unit (a share in %). */
    static Indicator of(String layer, String column, int decimals) {
        ResultColumn<?> c = declared(layer, column);
        return new Indicator(column, c.label(), c.unit(), decimals, c.scale(), c.definition());
    }

    /** A declared column printed in another unit than its stored one ({@code scale} converts). */
    static Indicator of(String layer, String column, int decimals, String shownUnit, double scale) {
        ResultColumn<?> c = declared(layer, column);
        return new Indicator(column, c.label(), shownUnit, decimals, scale, c.definition());
    }

    private static ResultColumn<?> declared(String layer, String column) {
        return ResultColumns.column(layer, column).orElseThrow(() -> new IllegalStateException(
                "colonne " + layer + "." + column + " non déclarée dans ResultColumns"));
    }

    static final List<Indicator> ZONE = List.of(
            of(ResultLayers.ZONES, "nb_communes", 0),
            of(ResultLayers.ZONES, "population", 0),
            of(ResultLayers.ZONES, "demande", 1),
            of(ResultLayers.ZONES, "score", 1),
            of(ResultLayers.ZONES, "demande_couverte", 1));

    static final List<Indicator> FRAGILITES_ZONE = List.of(
            of(ResultLayers.ZONES, "nb_rural", 0),
            of(ResultLayers.ZONES, "nb_montagne", 0),
            of(ResultLayers.ZONES, "nb_qpv", 0),
            of(ResultLayers.ZONES, "nb_quartiers_qpv", 0),
            of(ResultLayers.ZONES, "nb_outre_mer", 0),
            of(ResultLayers.ZONES, "nb_zrr", 0));

    static final List<Indicator> COMMUNE = List.of(
            of(ResultLayers.INDICATEURS, "population", 0),
            of(ResultLayers.INDICATEURS, "demande", 1),
            of(ResultLayers.INDICATEURS, "accessibilite", 2),
            of(ResultLayers.INDICATEURS, "temps_lieu_proche_min", 0),
            of(ResultLayers.INDICATEURS, "taux_thd", 0),
            of(ResultLayers.INDICATEURS, "score_carence", 1));

    static final List<Indicator> SITE = List.of(
            of(ResultLayers.SITES, "demande_couverte", 1),
            of(ResultLayers.SITES, "communes_couvertes", 0),
            of(ResultLayers.SITES, "km_evites_an", 0),
            of(ResultLayers.SITES, "kg_co2e_an", 1, "t CO₂e par an", 0.001));

    private Figures() {
    }

    /** The commune's fragility categories in plain words ("rurale, montagne (Massif central)"), "aucune" if none. */
    static String fragilites(Feature c) {
        List<String> out = new ArrayList<>();
        if (Boolean.TRUE.equals(c.get("rural"))) {
            out.add("rurale");
        }
        if (Boolean.TRUE.equals(c.get("zrr"))) {
            out.add("ZRR (historique)");
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
