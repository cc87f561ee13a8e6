package fr.carence.analysis.step;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;

class CarenceZoneBuilderTest {

    // fixture: 1 km squares. A-B share an edge; C-D share an edge; E touches B at a corner only;
    // F is 20 m away from D (a simplification gap); G is not in carence.
    private final List<Geometry> squares = List.of(
            Fixtures.square(0, 0, 1000),       // A
            Fixtures.square(1000, 0, 1000),    // B
            Fixtures.square(5000, 0, 1000),    // C
            Fixtures.square(5000, 1000, 1000), // D
            Fixtures.square(2000, 1000, 1000), // E (corner of B)
            Fixtures.square(6020, 1000, 1000), // F (20 m gap with D)
            Fixtures.square(9000, 0, 1000));   // G
    private final boolean[] carence = {true, true, true, true, true, true, false};
    private final double[] score = {1, 2, 10, 10, 0.5, 1, 99};

    @Test
    void componentsWithoutTolerance() {
        var zones = CarenceZoneBuilder.build(carence, squares, score, 0);
        assertEquals(3, zones.size());
        assertEquals(List.of(2, 3), zones.get(0).members(), "C-D has the highest score");
        assertEquals(20, zones.get(0).score(), 1e-9);
        assertEquals(1, zones.get(0).rank());
        assertEquals(List.of(0, 1, 4), zones.get(1).members(), "a shared corner is a touch");
        assertEquals(List.of(5), zones.get(2).members());
        assertEquals(3_000_000, zones.get(1).geometry().getArea(), 1e-6);
        assertEquals(2_000_000, zones.get(0).geometry().getArea(), 1e-6);
        assertEquals(1, zones.get(0).geometry().getNumGeometries(), "dissolved into one polygon");
    }

    @Test
    void toleranceBridgesSimplificationGaps() {
        var zones = CarenceZoneBuilder.build(carence, squares, score, 50);
        assertEquals(2, zones.size());
        assertEquals(List.of(2, 3, 5), zones.get(0).members());
    }

    @Test
    void communesWithoutPolygonAreSingletonZones() {
        List<Geometry> g = Arrays.asList(squares.get(0), null);
        var zones = CarenceZoneBuilder.build(new boolean[] {true, true}, g, new double[] {1, 2}, 0);
        assertEquals(2, zones.size());
        assertEquals(List.of(1), zones.get(0).members());
        assertEquals(null, zones.get(0).geometry());
    }

    @Test
    void zonesByUnitGroupCarenceCommunesOfTheSameUnit() {
        // A, B in EPCI X; C, D, F in EPCI Y (F 20 m away: contiguity does not matter); E without EPCI
        String[] unit = {"epci:X", "epci:X", "epci:Y", "epci:Y", null, "epci:Y", "epci:X"};
        String[] own = {"commune:A", "commune:B", "commune:C", "commune:D", "commune:E", "commune:F", "commune:G"};
        var zones = CarenceZoneBuilder.byUnit(carence, unit, own, squares, score);
        assertEquals(3, zones.size());
        assertEquals("epci:Y", zones.get(0).unit());
        assertEquals(List.of(2, 3, 5), zones.get(0).members());
        assertEquals(21, zones.get(0).score(), 1e-9);
        assertEquals("epci:X", zones.get(1).unit());
        assertEquals(List.of(0, 1), zones.get(1).members(), "G is in X but not in carence");
        assertEquals(3, zones.get(1).score(), 1e-9);
        assertEquals("commune:E", zones.get(2).unit());
        assertEquals(3, zones.get(2).rank());
        assertEquals(3_000_000, zones.get(0).geometry().getArea(), 1e-6, "C, D and F dissolved (F apart)");
    }
}
