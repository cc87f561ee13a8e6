package fr.carence.store;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The project's one rule for scenario ids. */
class ScenarioIdsTest {

    @Test
    void idsAScenarioCanHave() {
        assertThat(ScenarioIds.isValid(ScenarioIds.DEFAULT_ID)).isTrue();
        assertThat(ScenarioIds.isValid("bassin-20-min_2")).isTrue();
        assertThat(ScenarioIds.isValid("a".repeat(40))).isTrue();
    }

    @Test
    void refused() {
        assertThat(ScenarioIds.isValid(null)).isFalse();
        assertThat(ScenarioIds.isValid("")).isFalse();
        assertThat(ScenarioIds.isValid("Defaut")).isFalse();
        assertThat(ScenarioIds.isValid("-tiret")).isFalse();
        assertThat(ScenarioIds.isValid("a".repeat(41))).isFalse();
        assertThat(ScenarioIds.isValid("a;b")).isFalse();
        assertThat(ScenarioIds.isValid("x' OR '1'='1")).isFalse();
    }
}
