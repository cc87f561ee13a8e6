package fr.carence.ogc.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Shortest round-trip text without exponent, checked against Java's own parsing and BigDecimal. */
class NumbersTest {

    @Test
    void writesIntegersAndPlainDecimals() {
        assertThat(Numbers.format(652469.0)).isEqualTo("652469");
        assertThat(Numbers.format(-0.0)).isEqualTo("0");
        assertThat(Numbers.format(43.5)).isEqualTo("43.5");
        assertThat(Numbers.format(0.1 + 0.2)).isEqualTo("0.30000000000000004");
        assertThat(Numbers.format(1.0E-5)).isEqualTo("0.00001");
        assertThat(Numbers.format(-8.299999999998879E-4)).isEqualTo("-0.0008299999999998879");
        assertThat(Numbers.format(1.5E20)).isEqualTo("150000000000000000000");
        assertThat(Numbers.format(Double.NaN)).isEqualTo("NaN");
    }

    /**
     * Every value reads back to the same double, never in exponent notation, with no more digits
     * than Java 17's Double.toString gives (the same text in the degree and metre ranges).
     */
    @Test
    void shortestRoundTripInCoordinateRangesAndBeyond() {
        SplittableRandom random = new SplittableRandom(13);
        for (int k = 0; k < 400_000; k++) {
            double d = switch (k % 4) {
                case 0 -> -180 + 360 * random.nextDouble();
                case 1 -> 6.0e6 + 1.2e6 * random.nextDouble();
                case 2 -> Double.longBitsToDouble(random.nextLong());
                default -> Math.round(random.nextDouble() * 1e9) / 100.0;
            };
            if (!Double.isFinite(d)) {
                continue;
            }
            String s = Numbers.format(d);
            assertThat(s).doesNotContain("E");
            assertThat(Double.parseDouble(s)).isEqualTo(d);
            String jdk = new BigDecimal(Double.toString(d)).stripTrailingZeros().unscaledValue().abs().toString();
            String ours = new BigDecimal(s).stripTrailingZeros().unscaledValue().abs().toString();
            assertThat(ours.length()).as("digits of %s", s).isLessThanOrEqualTo(jdk.length());
            if (k % 4 != 2) {
                assertThat(new BigDecimal(s)).isEqualByComparingTo(new BigDecimal(Double.toString(d)));
            }
        }
    }
}
