package fr.carence.analysis.step;

import static org.junit.jupiter.api.Assertions.assertEquals;

import fr.carence.analysis.AdminUnits;
import fr.carence.analysis.model.Commune;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ZoneIdentityTest {
    private static Commune commune(String code, String nom, double population) {
        return new Commune(code, nom, population, null, null, null);
    }

    private final List<Commune> communes = List.of(commune("12145", "Millau", 22_000),
            commune("12146", "Creissels", 1_500), commune("12202", "Rodez", 24_000));
    private final AdminUnits units = new AdminUnits(new String[] {"200066223", "200066223", null},
            new String[] {"12", "12", "12"}, Map.of("200066223", "CC de Millau Grands Causses"), Map.of("12", "Aveyron"));

    @Test
    void clusterCodeIsTheDigestOfItsCommunesNotItsRank() {
        var zone = new CarenceZoneBuilder.Zone(List.of(0, 1), null, 5, 1, null);
        var sameLater = new CarenceZoneBuilder.Zone(List.of(0, 1), null, 2, 7, null);
        // SHA-256 of "12145,12146," starts with 147ae1ef00 (computed with Python's hashlib)
        assertEquals("grappe-147ae1ef00", ZoneIdentity.code(zone, communes));
        assertEquals(ZoneIdentity.code(zone, communes), ZoneIdentity.code(sameLater, communes));
        assertEquals("Millau – Millau Grands Causses (2 communes)", ZoneIdentity.name(zone, communes, units));
    }

    @Test
    void unitsAreNamedAfterTheUnit() {
        var epci = new CarenceZoneBuilder.Zone(List.of(0), null, 1, 1, "epci:200066223");
        assertEquals("epci-200066223", ZoneIdentity.code(epci, communes));
        assertEquals("CC de Millau Grands Causses", ZoneIdentity.name(epci, communes, units));
        var dep = new CarenceZoneBuilder.Zone(List.of(0, 2), null, 1, 1, "departement:12");
        assertEquals("departement-12", ZoneIdentity.code(dep, communes));
        assertEquals("Aveyron (12)", ZoneIdentity.name(dep, communes, units));
        // a single commune without EPCI: its own name only
        var rodez = new CarenceZoneBuilder.Zone(List.of(2), null, 1, 1, "commune:12202");
        assertEquals("commune-12202", ZoneIdentity.code(rodez, communes));
        assertEquals("Rodez", ZoneIdentity.name(rodez, communes, units));
    }
}
