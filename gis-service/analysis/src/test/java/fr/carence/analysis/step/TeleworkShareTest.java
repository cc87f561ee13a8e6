package fr.carence.analysis.step;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class TeleworkShareTest {

    @Test
    void detailThenRegionThenNationalValue() {
        double[][] cs1 = {
                // 10 agriculteurs, 20 cadres, 10 employés, 60 ouvriers:
                // (10×0.03 + 20×0.72 + 10×0.36 + 60×0.02) / 100 = (0.3 + 14.4 + 3.6 + 1.2) / 100 = 0.195
                {10, 0, 20, 0, 10, 60},
                null,
                null,
                {0, 0, 0, 0, 0, 0}};
        TeleworkShare.Result r = TeleworkShare.perCommune(new String[] {"76", "84", "76", "27"}, cs1, false, 0.39);
        assertThat(r.share()[0]).isCloseTo(0.195, within(1e-12));
        assertThat(r.source()[0]).isEqualTo(TeleworkShare.SOURCE_DETAIL);
        assertThat(r.share()[1]).isEqualTo(0.38);          // Auvergne-Rhône-Alpes, Insee Analyses ARA n° 182
        assertThat(r.source()[1]).isEqualTo(TeleworkShare.SOURCE_REGION);
        assertThat(r.share()[2]).isEqualTo(0.39);          // Occitanie: no published regional share found
        assertThat(r.source()[2]).isEqualTo(TeleworkShare.SOURCE_NATIONAL);
        assertThat(r.share()[3]).isEqualTo(0.325);         // no commuter in the detail: the region's value
    }

    @Test
    void uniformUsesTheParameterEverywhere() {
        TeleworkShare.Result r = TeleworkShare.perCommune(new String[] {"84", null}, new double[][] {{0, 0, 10, 0, 0, 0}, null},
                true, 0.33);
        assertThat(r.share()).containsExactly(0.33, 0.33);
        assertThat(r.source()).containsOnly(TeleworkShare.SOURCE_UNIFORM);
    }
}
