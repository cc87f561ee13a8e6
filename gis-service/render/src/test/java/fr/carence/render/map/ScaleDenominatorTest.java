package fr.carence.render.map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Envelope;

class ScaleDenominatorTest {

    @Test
    void projectedCrsUsesTheStandardizedPixelOf028Millimetres() {
        // 256 px showing 71.68 m: each pixel is 0.28 m on the ground, i.e. 1:1000.
        assertThat(ScaleDenominator.of(new Envelope(0, 71.68, 0, 10), 256, false)).isCloseTo(1000, within(1e-6));
        // A 1024 px map of mainland France (1,144 km wide) is about 1:4,000,000.
        assertThat(ScaleDenominator.of(new Envelope(99_000, 1_243_000, 6_046_000, 7_111_000), 1024, false))
                .isCloseTo(3_989_955.36, within(0.01));
    }

    @Test
    void geographicCrsConvertsDegreesWithTheWgs84SemiMajorAxis() {
        double metresPerDegree = 6378137 * 2 * Math.PI / 360;
        assertThat(metresPerDegree).isCloseTo(111_319.490793, within(1e-6));
        assertThat(ScaleDenominator.of(new Envelope(0, 1, 40, 41), 1000, true))
                .isCloseTo(metresPerDegree / 0.28, within(1e-6));
    }

    @Test
    void viewportMapsCornersToPixelEdgesAndBack() {
        MapViewport v = new MapViewport(new Envelope(100, 200, 1000, 1050), 2154, false, 200, 100);
        assertThat(v.toScreenX(100)).isEqualTo(0);
        assertThat(v.toScreenX(200)).isEqualTo(200);
        assertThat(v.toScreenY(1050)).isEqualTo(0);
        assertThat(v.toScreenY(1000)).isEqualTo(100);
        assertThat(v.toWorld(100, 50).x).isEqualTo(150);
        assertThat(v.toWorld(100, 50).y).isEqualTo(1025);
        assertThat(v.scaleDenominator()).isCloseTo(0.5 / 0.00028, within(1e-9));
    }
}
