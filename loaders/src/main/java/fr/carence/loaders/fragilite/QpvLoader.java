package fr.carence.loaders.fragilite;

import fr.carence.loaders.core.CsvRow;
import fr.carence.store.LayerSchema;
import fr.carence.store.LayerSchema.Attribute;
import fr.carence.store.LayerSchema.AttributeType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Loader "fragilite-qpv": communes containing a QPV (2024 list) into {@code qpv_communes}. The QPV
 * codes and names are kept as ANCT lists them (", "-separated when a commune has several).
 */
public final class QpvLoader extends CommuneZoningLoader {

    static final LayerSchema SCHEMA = new LayerSchema("qpv_communes", List.of(
            Attribute.required("code", AttributeType.STRING),
            Attribute.required("codes_qpv", AttributeType.STRING),
            Attribute.optional("noms_qpv", AttributeType.STRING)),
            LayerSchema.GeometryType.NONE, "code");

    public QpvLoader() {
        super("fragilite-qpv",
                "Communes comprenant un quartier prioritaire de la politique de la ville (QPV 2024)",
                SCHEMA, "insee_com", List.of("code_qp", "lib_qp"), "QPV 2024");
    }

    @Override
    Map<String, Object> attributes(CsvRow row) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("codes_qpv", row.required("code_qp"));
        m.put("noms_qpv", row.optional("lib_qp"));
        return m;
    }
}
