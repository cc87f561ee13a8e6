package fr.carence.crs;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LegalCrsTest {

    @ParameterizedTest
    @CsvSource({
            "75056, METROPOLE, 2154", "2A004, METROPOLE, 2154", "2B033, METROPOLE, 2154", "01001, METROPOLE, 2154",
            "97105, ANTILLES, 5490", "97209, ANTILLES, 5490", "97302, GUYANE, 2972", "97411, REUNION, 2975",
            "97611, MAYOTTE, 4471", "974, REUNION, 2975", "971, ANTILLES, 5490",
            // Collectivités outside the national files: not DROM.
            "97502, METROPOLE, 2154", "97701, METROPOLE, 2154", "98735, METROPOLE, 2154",
    })
    void picksTheLegalCrsFromTheInseeCode(String code, LegalCrs expected, int epsg) {
        assertThat(LegalCrs.forCode(code)).isEqualTo(expected);
        assertThat(LegalCrs.forCode(code).epsg()).isEqualTo(epsg);
        assertThat(LegalCrs.isOverseas(code)).isEqualTo(expected != LegalCrs.METROPOLE);
    }

    @ParameterizedTest
    @CsvSource(value = {"NULL", "''", "9", "97"}, nullValues = "NULL")
    void degenerateCodesAreMetropolitan(String code) {
        assertThat(LegalCrs.forCode(code)).isEqualTo(LegalCrs.METROPOLE);
    }
}
