package fr.carence.analysis.step;

import static org.assertj.core.api.Assertions.assertThat;

import fr.carence.analysis.step.FragilityClassifier.Category;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Action 15's categories, each with its own flag, counted once; QPV only at the quartier. */
class FragilityClassifierTest {

    // communes: 0 dense grid 6, 1 dense but FRR socle, 2 FRR bénéficiaire only, 3 rural + mountain,
    //           4 city with a QPV from the list only, 5 city with a QPV perimeter, 6 overseas city
    private static final int[] DENSITY = {6, 2, 2, 7, 1, 1, 2};
    private static final String[] FRR = {"non_classee", "frr_socle", "frr_beneficiaire", "frr_plus", "non_classee",
            "non_classee", null};
    private static final boolean[] MOUNTAIN = {false, false, false, true, false, false, false};
    private static final boolean[] QPV = {false, false, false, false, true, true, false};
    private static final boolean[] QPV_PERIMETER = {false, false, false, false, false, true, false};
    private static final boolean[] OVERSEAS = {false, false, false, false, false, false, true};

    private static FragilityClassifier.Result classify(Set<Category> profile) {
        return FragilityClassifier.classify(new FragilityClassifier.Inputs(DENSITY, FRR, MOUNTAIN, QPV, QPV_PERIMETER, OVERSEAS),
                new FragilityClassifier.Settings(5, profile));
    }

    @Test
    void action15ProfileCountsEachCommuneOnce() {
        FragilityClassifier.Result r = classify(EnumSet.allOf(Category.class));
        // rurality: density ≥ 5, or classified FRR (socle, FRR+, partiel), never the transitional "bénéficiaire"
        assertThat(r.rural()).containsExactly(true, true, false, true, false, false, false);
        assertThat(r.fragile()).containsExactly(true, true, false, true, false, false, true);
        // a rural mountain commune raises two categories but weighs 1, like a commune raising one
        assertThat(r.categories()[3]).isEqualTo("espaces_ruraux,zones_massifs");
        assertThat(r.weight()).containsExactly(1, 1, 0, 1, 0, 1, 1);
        // a QPV known from the commune list is reported, never makes the city fragile by itself
        assertThat(r.categories()[4]).isEqualTo("qpv");
        assertThat(r.quartier()[4]).isFalse();
        // with its perimeter, the quartier is evaluated, not the whole city
        assertThat(r.fragile()[5]).isFalse();
        assertThat(r.quartier()).containsExactly(false, false, false, false, false, true, false);
        assertThat(r.categories()[6]).isEqualTo("outre_mer");
        assertThat(r.categories()[2]).isEmpty();
    }

    @Test
    void theCallProfileChoosesTheCategories() {
        FragilityClassifier.Result massifs = classify(EnumSet.of(Category.ZONES_MASSIFS));
        assertThat(massifs.fragile()).containsExactly(false, false, false, true, false, false, false);
        assertThat(massifs.categories()[3]).isEqualTo("zones_massifs");
        assertThat(massifs.quartier()[5]).isFalse();

        FragilityClassifier.Result qpv = classify(EnumSet.of(Category.QPV));
        assertThat(qpv.fragile()).containsOnly(false);
        assertThat(qpv.quartier()).containsExactly(false, false, false, false, false, true, false);
        // rurality is still computed and reported, whatever the profile
        assertThat(qpv.rural()[0]).isTrue();
    }

    @Test
    void aRuralCommuneWithAQpvIsFragileAsAWholeNotAtTheQuartier() {
        FragilityClassifier.Result r = FragilityClassifier.classify(new FragilityClassifier.Inputs(new int[] {6},
                new String[] {null}, new boolean[] {false}, new boolean[] {true}, new boolean[] {true}, new boolean[] {false}),
                new FragilityClassifier.Settings(5, EnumSet.allOf(Category.class)));
        assertThat(r.fragile()[0]).isTrue();
        assertThat(r.quartier()[0]).isFalse();
        assertThat(r.weight()[0]).isEqualTo(1);
        assertThat(r.categories()[0]).isEqualTo("espaces_ruraux,qpv");
    }
}
