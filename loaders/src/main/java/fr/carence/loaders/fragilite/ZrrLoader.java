package fr.carence.loaders.fragilite;

import fr.carence.loaders.core.CsvRow;
import fr.carence.loaders.core.LoadReport;
import fr.carence.store.LayerSchema;
import fr.carence.store.LayerSchema.Attribute;
import fr.carence.store.LayerSchema.AttributeType;
import java.util.List;
import java.util.Map;

/**
 * Loader "fragilite-zrr": ZRR 2018 communes into {@code zrr}, keyed by the derived
 * {@code code_cog2026} column. Rows without a code (names the derivation could not match) are
 * listed in the report, not loaded; several 2018 communes merged into one current commune give
 * one row (see {@link CommuneZoningLoader} for which status is kept).
 */
public final class ZrrLoader extends CommuneZoningLoader {

    static final LayerSchema SCHEMA = new LayerSchema("zrr", List.of(
            Attribute.required("code", AttributeType.STRING),
            Attribute.required("statut", AttributeType.STRING)),
            LayerSchema.GeometryType.NONE, "code");

    private static final String VALUE = "statut_zrr";

    public ZrrLoader() {
        super("fragilite-zrr",
                "Communes en zone de revitalisation rurale (ZRR 2018)",
                SCHEMA, "code_cog2026", List.of(VALUE, "nom"), "ZRR 2018");
    }

    @Override
    String rowKeyColumn() {
        return "id_source";
    }

    @Override
    void emptyCode(CsvRow row, LoadReport report) {
        report.warning("ligne " + row.line() + " (" + row.get("id_source") + ", " + row.get("nom")
                + ") : commune sans code, non chargée");
    }

    @Override
    Map<String, Object> attributes(CsvRow row) {
        return Map.of("statut", row.required(VALUE));
    }
}
