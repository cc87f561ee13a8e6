package fr.carence.analysis.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.carence.analysis.result.ColumnReaders;
import fr.carence.analysis.result.ResultColumns;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * {@link ResultLayers#RESTRICTED_COLUMNS}, read by the start check, derives from the columns'
 * declarations only: the result layers' ({@code ResultColumns}) and the REST tables' (their
 * {@link TableColumn} lists, from which their schemas derive too).
 */
class RestrictedColumnsTest {

    @Test
    void everyTableIsDerivedFromItsDeclarations() {
        assertEquals(List.of("indicateurs_communes", "zones_carence", "zones_carence_residuelles", "scenarios", "recalculs"),
                List.copyOf(ResultLayers.RESTRICTED_COLUMNS.keySet()));
        // result layers: exactly what ResultColumns declares
        ResultColumns.restrictedColumns().forEach((table, columns) ->
                assertEquals(columns, ResultLayers.RESTRICTED_COLUMNS.get(table), table));
        // REST tables: their readers as declared beside each column
        Map<String, Set<String>> scenarios = ResultLayers.RESTRICTED_COLUMNS.get(ResultLayers.SCENARIOS);
        assertEquals(List.of("demande_couverte", "methode_sites", "ecart_optimalite", "km_evites_an", "kg_co2e_evites_an",
                "auteur"), List.copyOf(scenarios.keySet()));
        assertEquals(ColumnReaders.FUNDERS, scenarios.get("km_evites_an"));
        assertEquals(ColumnReaders.ACCOUNTS, scenarios.get("auteur"));
        assertEquals(Map.of("auteur", ColumnReaders.ACCOUNTS), ResultLayers.RESTRICTED_COLUMNS.get(ResultLayers.RECALCULS));
        // public columns and tables stay out
        assertFalse(scenarios.containsKey("demande_totale"));
        assertFalse(ResultLayers.RESTRICTED_COLUMNS.containsKey(ResultLayers.FLUX_OD));
    }

    @Test
    void restTableSchemasAreTheirDeclarations() {
        assertEquals(ResultLayers.SCENARIOS_COLUMNS.stream().map(TableColumn::name).toList(),
                ResultLayers.SCENARIOS_SCHEMA.attributes().stream().map(a -> a.name()).toList());
        assertEquals(ResultLayers.RECALCULS_COLUMNS.stream().map(TableColumn::name).toList(),
                ResultLayers.RECALCULS_SCHEMA.attributes().stream().map(a -> a.name()).toList());
        // every restricted column exists in its table's schema
        ResultLayers.RESTRICTED_COLUMNS.forEach((table, columns) -> columns.keySet().forEach(c -> {
            boolean declared = switch (table) {
                case ResultLayers.SCENARIOS -> ResultLayers.SCENARIOS_SCHEMA.attribute(c).isPresent();
                case ResultLayers.RECALCULS -> ResultLayers.RECALCULS_SCHEMA.attribute(c).isPresent();
                default -> ResultColumns.column(table, c).isPresent();
            };
            assertTrue(declared, table + "." + c);
        }));
    }

    @Test
    void aTableColumnWithoutReadersIsPublic() {
        TableColumn c = TableColumn.of(fr.carence.store.LayerSchema.Attribute.optional("x", fr.carence.store.LayerSchema.AttributeType.STRING));
        assertTrue(c.readers().isEmpty());
        assertTrue(c.readableBy(null).readers().isEmpty());
        assertEquals(ColumnReaders.FUNDERS, c.readableBy(ColumnReaders.FUNDERS).readers());
    }
}
