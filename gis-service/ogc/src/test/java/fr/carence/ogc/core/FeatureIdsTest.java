package fr.carence.ogc.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FeatureIdsTest {

    @ParameterizedTest
    @ValueSource(strings = {"01001", "2A004", "defaut:01001", "12202>12300>voiture", "a-b", "a b", "é_x.y", "-0041"})
    void roundTripsAndIsAnNcName(String id) {
        String published = FeatureIds.encode("communes", id);
        assertThat(published).matches("[\\p{L}_][\\p{L}\\p{N}._-]*");
        assertThat(FeatureIds.decode("communes", published)).contains(id);
        assertThat(FeatureIds.layerOf(published)).contains("communes");
        assertThat(FeatureIds.decode("departements", published)).isEmpty();
    }
}
