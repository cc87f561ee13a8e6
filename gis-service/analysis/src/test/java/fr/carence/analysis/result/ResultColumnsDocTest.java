package fr.carence.analysis.result;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The docs' table of result columns is the one generated from the declarations. After changing a
 * declaration, regenerate it with {@code -Dcarence.docs.ecrire=true} and review the diff.
 */
class ResultColumnsDocTest {
    static final Path LAYERS_MD = Path.of("../../docs/layers.md");
    static final String BEGIN = "<!-- colonnes-resultats:debut (généré par ResultColumnsDocTest) -->";
    static final String END = "<!-- colonnes-resultats:fin -->";

    @Test
    void docsTableIsGeneratedFromTheDeclarations() throws IOException {
        String doc = Files.readString(LAYERS_MD, StandardCharsets.UTF_8);
        int b = doc.indexOf(BEGIN);
        int e = doc.indexOf(END);
        assertTrue(b >= 0 && e > b, "docs/layers.md doit contenir les marqueurs " + BEGIN + " … " + END);
        String expected = ResultColumns.markdown() + "\n";
        String actual = doc.substring(b + BEGIN.length(), e);
        if (Boolean.getBoolean("carence.docs.ecrire") && !actual.equals(expected)) {
            Files.writeString(LAYERS_MD, doc.substring(0, b + BEGIN.length()) + expected + doc.substring(e),
                    StandardCharsets.UTF_8);
            return;
        }
        assertEquals(expected, actual, "table de docs/layers.md périmée : relancer avec -Dcarence.docs.ecrire=true");
    }

    @Test
    void everyColumnIsFullyDeclaredOnce() {
        for (ResultTable<?> t : ResultColumns.TABLES) {
            Set<String> names = new HashSet<>();
            for (ResultColumn<?> c : t.columns()) {
                assertTrue(names.add(c.name()), t.layer() + "." + c.name() + " déclarée deux fois");
                assertFalse(c.label().isBlank(), t.layer() + "." + c.name() + " sans libellé");
                assertFalse(c.definition().isBlank(), t.layer() + "." + c.name() + " sans définition");
                assertFalse(c.source().isBlank(), t.layer() + "." + c.name() + " sans source");
                assertTrue(c.definition().endsWith("."), t.layer() + "." + c.name() + " : définition sans point final");
            }
            // the schema is exactly the declarations, in order
            assertEquals(t.columns().stream().map(ResultColumn::name).toList(),
                    t.schema().attributes().stream().map(a -> a.name()).toList());
        }
    }

    @Test
    void restrictedColumnsDeriveFromTheirDeclaration() {
        // the columns derived from the candidate sites, and the AMII porteurs, with their readers where declared
        assertEquals(java.util.Map.of(
                        "indicateurs_communes", java.util.Map.of("site_candidat", ColumnReaders.FUNDERS,
                                "site_retenu", ColumnReaders.FUNDERS, "site_desservant", ColumnReaders.FUNDERS),
                        "zones_carence", java.util.Map.of("demande_couverte", ColumnReaders.FUNDERS),
                        "zones_carence_residuelles", java.util.Map.of("intentions", ColumnReaders.ACCOUNTS)),
                ResultColumns.restrictedColumns());
        // declaration order kept (messages and docs read the same on every run)
        assertEquals(java.util.List.of("site_candidat", "site_retenu", "site_desservant"),
                java.util.List.copyOf(ResultColumns.restrictedColumns().get("indicateurs_communes").keySet()));
        assertEquals(java.util.List.of("PLANNER", "FUNDER", "ADMIN"),
                java.util.List.copyOf(ResultColumns.restrictedColumns().get("zones_carence_residuelles").get("intentions")));
        // the API says so to its readers, with the roles
        assertTrue(ResultColumns.descriptions().get("zones_carence").stream()
                .anyMatch(d -> d.nom().equals("demande_couverte") && d.reservee() && d.lecteurs().equals(java.util.List.of("FUNDER", "ADMIN"))));
        assertTrue(ResultColumns.descriptions().get("zones_carence").stream()
                .anyMatch(d -> d.nom().equals("demande") && !d.reservee() && d.lecteurs().isEmpty()));
        assertTrue(ResultColumns.descriptions().get("zones_carence_residuelles").stream()
                .anyMatch(d -> d.nom().equals("intentions") && d.lecteurs().equals(java.util.List.of("PLANNER", "FUNDER", "ADMIN"))));
        // and the docs' table
        assertTrue(ResultColumns.markdown().contains("| `intentions` | string, réservée PLANNER/FUNDER/ADMIN |"));
        assertTrue(ResultColumns.markdown().contains("| `demande_couverte` | double, requis, réservée FUNDER/ADMIN |"));
    }

    @Test
    void aColumnWithoutReadersIsPublic() {
        ResultColumn<Object> c = ResultColumn.of("x", fr.carence.store.LayerSchema.AttributeType.STRING, "X", r -> null);
        assertFalse(c.restricted());
        assertTrue(c.readers().isEmpty());
        assertFalse(c.readableBy(null).restricted());
        assertEquals(java.util.List.of("FUNDER", "ADMIN"), java.util.List.copyOf(c.readableBy(ColumnReaders.FUNDERS).readers()));
        // refining a restricted column keeps its readers
        assertEquals(ColumnReaders.ACCOUNTS, c.readableBy(ColumnReaders.ACCOUNTS).optional().unit("km").percent().readers());
    }
}
