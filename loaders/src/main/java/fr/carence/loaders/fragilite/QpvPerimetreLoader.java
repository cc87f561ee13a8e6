package fr.carence.loaders.fragilite;

import fr.carence.loaders.core.GeoJsonFeature;
import fr.carence.loaders.core.LoadContext;
import fr.carence.store.LayerSchema.Attribute;
import fr.carence.store.LayerSchema.AttributeType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Loader "fragilite-qpv-perimetre": perimeters of the quartiers prioritaires (GeoJSON, properties
 * {@code code_qp, nom_qp, code_commune}, as in ANCT's contour files) into {@code qpv_perimetres}.
 * With them the analysis treats a QPV at the quartier, not as a property of its whole commune.
 * A code that is not a QPV code (QP… 2015, QN… 2024) or a commune absent from the loaded COG is an
 * error naming the feature; nothing is replaced.
 */
public final class QpvPerimetreLoader extends ZoningPolygonLoader {

    public static final String LAYER = "qpv_perimetres";

    private static final Pattern QPV_CODE = Pattern.compile("Q[PN][0-9A-Z]{4,8}");

    @Override
    public String key() {
        return "fragilite-qpv-perimetre";
    }

    @Override
    public String description() {
        return "Périmètres des quartiers prioritaires de la politique de la ville (GeoJSON ANCT)";
    }

    @Override
    public List<String> dependsOn() {
        return List.of("admin");
    }

    @Override
    String layer() {
        return LAYER;
    }

    @Override
    String idAttribute() {
        return "code_qp";
    }

    @Override
    String vintage() {
        return "QPV (contours ANCT)";
    }

    @Override
    String id(GeoJsonFeature feature) {
        String code = feature.requiredText("code_qp", null);
        if (!QPV_CODE.matcher(code).matches()) {
            throw feature.error(code, "code_qp", "code de quartier prioritaire invalide « " + code
                    + " » (attendu QP… ou QN… suivi de 4 à 8 chiffres ou lettres)");
        }
        return code;
    }

    @Override
    List<Attribute> otherAttributes() {
        return List.of(Attribute.optional("nom_qp", AttributeType.STRING),
                Attribute.required("code_commune", AttributeType.STRING));
    }

    @Override
    Map<String, Object> otherValues(GeoJsonFeature feature, String id, LoadContext ctx) {
        String raw = feature.requiredText("code_commune", id);
        Optional<String> code = ctx.communeCodes().normalise(raw);
        if (code.isEmpty()) {
            throw feature.error(id, "code_commune", "code commune « " + raw + " » absent du COG chargé (couche communes_insee)");
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("nom_qp", feature.text("nom_qp"));
        m.put("code_commune", code.get());
        return m;
    }
}
