package fr.carence.render.filter;

import static org.assertj.core.api.Assertions.assertThat;

import fr.carence.render.style.Rule;
import fr.carence.store.Feature;
import fr.carence.store.filter.Filter;
import fr.carence.store.filter.Filter.ComparisonOperator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class FeatureFilterEvaluatorTest {

    /** Fixture feature: a commune-like property map. */
    private static Feature fixture() {
        Map<String, Object> p = new HashMap<>();
        p.put("code", "15014");
        p.put("nom", "Aurillac");
        p.put("population", 25_000);
        p.put("score_carence", 12.5);
        p.put("carence", true);
        p.put("epci", null);
        return new Feature("15014", null, p);
    }

    private static boolean eval(Filter f) {
        return FeatureFilterEvaluator.matches(f, fixture());
    }

    @Test
    void comparesNumbersNumericallyNotAsText() {
        assertThat(eval(new Filter.Compare("population", ComparisonOperator.GT, "9000"))).isTrue();
        assertThat(eval(new Filter.Compare("population", ComparisonOperator.LT, "100000"))).isTrue();
        assertThat(eval(new Filter.Compare("score_carence", ComparisonOperator.GE, "12.5"))).isTrue();
        assertThat(eval(new Filter.Compare("score_carence", ComparisonOperator.LT, "12.5"))).isFalse();
        assertThat(eval(new Filter.Compare("population", ComparisonOperator.EQ, 25_000))).isTrue();
    }

    @Test
    void comparesTextWithOrWithoutCaseAndBooleans() {
        assertThat(eval(new Filter.Compare("nom", ComparisonOperator.EQ, "aurillac", true))).isFalse();
        assertThat(eval(new Filter.Compare("nom", ComparisonOperator.EQ, "aurillac", false))).isTrue();
        assertThat(eval(new Filter.Compare("code", ComparisonOperator.LT, "2A004"))).isTrue();
        assertThat(eval(new Filter.Compare("carence", ComparisonOperator.EQ, "true"))).isTrue();
        assertThat(eval(new Filter.Compare("carence", ComparisonOperator.EQ, "false"))).isFalse();
    }

    @Test
    void nullOrAbsentPropertiesNeverCompare() {
        assertThat(eval(new Filter.Compare("epci", ComparisonOperator.NE, "x"))).isFalse();
        assertThat(eval(new Filter.Compare("absent", ComparisonOperator.EQ, "x"))).isFalse();
        assertThat(eval(new Filter.IsNull("epci"))).isTrue();
        assertThat(eval(new Filter.IsNull("nom"))).isFalse();
        assertThat(eval(new Filter.Not(new Filter.IsNull("nom")))).isTrue();
    }

    @Test
    void likeUsesTheFiltersOwnWildcardsAndEscape() {
        assertThat(eval(new Filter.Like("nom", "Aur*", '*', '?', '\\', true))).isTrue();
        assertThat(eval(new Filter.Like("nom", "A?rillac", '*', '?', '\\', true))).isTrue();
        assertThat(eval(new Filter.Like("nom", "aur%", '%', '_', '!', false))).isTrue();
        assertThat(eval(new Filter.Like("nom", "aur%", '%', '_', '!', true))).isFalse();
        assertThat(eval(new Filter.Like("nom", "Aur.*", '%', '_', '!', true))).as("regex characters are literal").isFalse();
        assertThat(eval(new Filter.Like("code", "15!%", '%', '_', '!', true))).as("escaped wildcard").isFalse();
    }

    @Test
    void betweenIsInclusiveAndLogicCombines() {
        assertThat(eval(new Filter.Between("population", "25000", "30000"))).isTrue();
        assertThat(eval(new Filter.Between("population", "1", "24999"))).isFalse();
        Filter yes = new Filter.Compare("code", ComparisonOperator.EQ, "15014");
        Filter no = new Filter.Compare("code", ComparisonOperator.EQ, "12202");
        assertThat(eval(new Filter.And(List.of(yes, no)))).isFalse();
        assertThat(eval(new Filter.Or(List.of(yes, no)))).isTrue();
        assertThat(eval(new Filter.ResourceIds(List.of("12202", "15014")))).isTrue();
    }

    @Test
    void pushDownIsTheOrOfRuleFiltersUnlessARuleDrawsEverything() {
        Filter a = new Filter.Compare("demande", ComparisonOperator.LT, "10");
        Filter b = new Filter.IsNull("demande");
        Rule ra = new Rule("a", "A", a, false, 0, Double.POSITIVE_INFINITY, List.of());
        Rule rb = new Rule("b", "B", b, false, 0, Double.POSITIVE_INFINITY, List.of());
        Rule all = new Rule("c", "C", null, false, 0, Double.POSITIVE_INFINITY, List.of());
        Rule otherwise = new Rule("d", "D", null, true, 0, Double.POSITIVE_INFINITY, List.of());
        assertThat(Filters.pushDown(List.of(ra))).contains(a);
        assertThat(Filters.pushDown(List.of(ra, rb))).contains(new Filter.Or(List.of(a, b)));
        assertThat(Filters.pushDown(List.of(ra, all))).isEqualTo(Optional.empty());
        assertThat(Filters.pushDown(List.of(ra, otherwise))).isEqualTo(Optional.empty());
        Set<String> props = new TreeSet<>();
        Filters.collectProperties(new Filter.And(List.of(a, new Filter.Not(new Filter.Like("nom", "x", '*', '?', '\\', true)))), props);
        assertThat(props).containsExactly("demande", "nom");
    }
}
