package fr.carence.loaders.lieux;

import fr.carence.loaders.core.CommuneCodes;
import fr.carence.loaders.core.LoadException;
import fr.carence.loaders.core.LoadReport;
import fr.carence.store.Feature;
import fr.carence.store.FeatureCursor;
import fr.carence.store.FeatureQuery;
import fr.carence.store.FeatureStore;
import fr.carence.store.LayerSchema;
import fr.carence.store.LayerSchema.Attribute;
import fr.carence.store.LayerSchema.AttributeType;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The territories a venue inventory covers, written beside the venues in {@code lieux_couverture}:
 * the analysis never reports carence where no inventory is loaded (an empty map there means
 * "not surveyed", not "no venue"). Declared with the option {@code couverture}
 * ({@code regions:76,84}, {@code departements:12,48} or {@code france}); without it, the régions
 * that contain at least one venue of the file (an inventory is assumed regional), reported as
 * deduced.
 */
final class VenueCoverage {

    static final String LAYER = "lieux_couverture";

    static final LayerSchema SCHEMA = new LayerSchema(LAYER, List.of(
            Attribute.required("id", AttributeType.STRING),
            Attribute.required("niveau", AttributeType.STRING),
            Attribute.required("code", AttributeType.STRING),
            Attribute.required("origine", AttributeType.STRING),
            Attribute.required("source", AttributeType.STRING)),
            LayerSchema.GeometryType.NONE, "id");

    static final String OPTION = "couverture";

    private VenueCoverage() {
    }

    /** The coverage features: declared by the option, else deduced from the venues' communes. */
    static List<Feature> of(Map<String, String> options, Set<String> venueCommunes, FeatureStore store, String sourceName,
                            LoadReport report) {
        Map<String, String[]> territories = territories(store);
        String declared = options.get(OPTION);
        Set<String> codes = new TreeSet<>();
        String level;
        String origin;
        if (declared != null) {
            String[] parts = declared.strip().split(":", 2);
            level = switch (parts[0]) {
                case "france" -> "france";
                case "regions" -> "region";
                case "departements" -> "departement";
                default -> throw LoadException.prerequisite("option couverture = « " + declared
                        + " » : attendu france, regions:<codes> ou departements:<codes>");
            };
            if (!level.equals("france")) {
                if (parts.length < 2 || parts[1].isBlank()) {
                    throw LoadException.prerequisite("option couverture = « " + declared + " » : aucun code après « : »");
                }
                int column = level.equals("region") ? 1 : 0;
                for (String c : parts[1].split(",")) {
                    String code = c.strip();
                    boolean known = territories.values().stream().anyMatch(t -> code.equals(t[column]));
                    if (!known) {
                        throw LoadException.prerequisite("option couverture : " + (column == 1 ? "région" : "département")
                                + " « " + code + " » absent(e) du référentiel chargé (communes_insee)");
                    }
                    codes.add(code);
                }
            } else {
                codes.add("FR");
            }
            origin = "déclarée (option couverture)";
        } else {
            level = "region";
            for (String commune : venueCommunes) {
                String[] t = territories.get(commune);
                if (t != null && t[1] != null) {
                    codes.add(t[1]);
                }
            }
            origin = "déduite : régions contenant au moins un lieu";
            report.warning("couverture de l'inventaire déduite des lieux (régions " + String.join(", ", codes)
                    + ") ; la déclarer avec --option couverture=regions:… ou departements:…");
        }
        return codes.stream().map(code -> {
            Map<String, Object> p = new LinkedHashMap<>();
            String id = level + ":" + code;
            p.put("id", id);
            p.put("niveau", level);
            p.put("code", code);
            p.put("origine", origin);
            p.put("source", sourceName);
            return new Feature(id, null, p);
        }).toList();
    }

    /** Commune code → {dep, reg} from the reference. */
    private static Map<String, String[]> territories(FeatureStore store) {
        Map<String, String[]> out = new LinkedHashMap<>();
        if (store.schema(CommuneCodes.COMMUNES_LAYER).isEmpty()) {
            return out;
        }
        try (FeatureCursor c = store.query(CommuneCodes.COMMUNES_LAYER,
                FeatureQuery.all().withProperties(Arrays.asList("code", "dep", "reg")).withoutGeometry())) {
            while (c.hasNext()) {
                Feature f = c.next();
                out.put(String.valueOf(f.get("code")), new String[] {str(f.get("dep")), str(f.get("reg"))});
            }
        }
        return out;
    }

    private static String str(Object o) {
        return o == null ? null : o.toString();
    }
}
