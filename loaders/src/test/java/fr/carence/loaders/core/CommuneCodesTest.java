package fr.carence.loaders.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.carence.store.testing.MemoryFeatureStore;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CommuneCodesTest {

    private final CommuneCodes codes = CommuneCodes.of(Set.of("01001", "2A004", "14174", "75056"),
            Map.of("14152", "14174", "75101", "75056", "99001", "99002", "99002", "14152", "88001", "88002", "88002", "88001"));

    @Test
    void currentCodesMapToThemselvesAndPaddingIsRestored() {
        assertThat(codes.normalise("01001")).contains("01001");
        assertThat(codes.normalise(" 1001 ")).contains("01001");
        assertThat(codes.normalise("1001.0")).contains("01001");
        assertThat(codes.normalise("2a004")).contains("2A004");
    }

    @Test
    void formerCodesFollowChains() {
        assertThat(codes.normalise("75101")).contains("75056");
        assertThat(codes.normalise("99001")).contains("14174"); // 99001 -> 99002 -> 14152 -> 14174
    }

    @Test
    void unknownMalformedAndCyclicCodesAreUnknown() {
        assertThat(codes.normalise("12345")).isEmpty();
        assertThat(codes.normalise("ABCDE")).isEmpty();
        assertThat(codes.normalise(null)).isEmpty();
        assertThat(codes.normalise("88001")).isEmpty();
    }

    @Test
    void missingReferenceLayersGiveAPrerequisiteError() {
        assertThatThrownBy(() -> CommuneCodes.fromStore(new MemoryFeatureStore())).isInstanceOf(LoadException.class)
                .hasMessageStartingWith("la couche de référence « communes_insee » est absente du magasin : chargez d'abord le jeu « admin »");
    }
}
