package fr.carence.analysis.param;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ParameterCatalogTest {

    @Test
    void defaultsAreCompleteDocumentedAndWithinTheirBounds() {
        ScenarioParameters d = ParameterCatalog.defaults();
        for (ParameterSpec s : ParameterCatalog.specs()) {
            assertFalse(s.source().isBlank(), s.name() + " has a source");
            assertFalse(s.description().isBlank(), s.name() + " has a description");
            assertTrue(d.asMap().containsKey(s.name()));
            if (s.min() != null) {
                double v = d.number(s.name());
                assertTrue(v >= s.min() && v <= s.max(), s.name());
            }
        }
        assertEquals(15, d.number(ParameterCatalog.DISTANCE_MIN_KM));
        assertEquals(0.31, d.number(ParameterCatalog.PART_REBOND));
        assertEquals(1.3, d.number(ParameterCatalog.FACTEUR_DETOUR));
        assertEquals("absolu", d.text(ParameterCatalog.MODE_SEUIL));
        assertNull(d.text(ParameterCatalog.MATRICE_TEMPS));
    }

    @Test
    void eachKindOfBadValueNamesTheParameter() {
        assertInvalid("distance_min_km", Map.of("distance_min_km", -1));
        assertInvalid("distance_min_km", Map.of("distance_min_km", "15"));
        assertInvalid("nombre_sites", Map.of("nombre_sites", 2.5));
        assertInvalid("voiture_seulement", Map.of("voiture_seulement", "oui"));
        assertInvalid("mode_seuil", Map.of("mode_seuil", "relatif"));
        assertInvalid("matrice_temps", Map.of("matrice_temps", "../../etc/passwd"));
        assertInvalid("inconnu", Map.of("inconnu", 1));
        assertInvalid("distance_min_km", Map.of("distance_min_km", 100, "distance_max_km", 50));
        assertInvalid("poids_zone_2", Map.of("poids_zone_2", 0.1, "poids_zone_3", 0.5));
        Map<String, Object> withNull = new HashMap<>();
        withNull.put("nombre_sites", null);
        assertEquals(10, ParameterCatalog.validate(withNull).integer("nombre_sites"), "null = default");
    }

    @Test
    void acceptedValuesAreKept() {
        ScenarioParameters p = ParameterCatalog.validate(Map.of("nombre_sites", 3, "voiture_seulement", true,
                "mode_seuil", "percentile", "matrice_temps", "temps-routiers_2024.csv"));
        assertEquals(3, p.integer("nombre_sites"));
        assertTrue(p.flag("voiture_seulement"));
        assertEquals("temps-routiers_2024.csv", p.text("matrice_temps"));
        assertEquals(5, p.with(Map.of("nombre_sites", 5)).integer("nombre_sites"));
    }

    private static void assertInvalid(String parameter, Map<String, ?> values) {
        InvalidParameterException e = assertThrows(InvalidParameterException.class, () -> ParameterCatalog.validate(values));
        assertEquals(parameter, e.parameter(), e.getMessage());
        assertTrue(e.getMessage().contains(parameter), e.getMessage());
    }
}
