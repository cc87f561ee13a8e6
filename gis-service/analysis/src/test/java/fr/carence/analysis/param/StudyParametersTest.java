package fr.carence.analysis.param;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import fr.carence.analysis.step.FragilityClassifier.Category;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** profil_appel and perimetre: defaults, presets, normalisation and French errors naming the parameter. */
class StudyParametersTest {

    @Test
    void defaultProfileIsAction15sListAndDefaultPerimeterIsFrance() {
        ScenarioParameters d = ParameterCatalog.defaults();
        assertThat(ParameterCatalog.categories(d)).containsExactlyInAnyOrder(Category.values());
        assertThat(d.text(ParameterCatalog.PERIMETRE)).isEqualTo("france");
        assertThat(d.text(ParameterCatalog.SOURCE_PART_TELETRAVAILLABLE)).isEqualTo("commune_ou_region");
    }

    @Test
    void profileIsNormalisedAndUnknownCategoriesAreRefused() {
        ScenarioParameters p = ParameterCatalog.validate(Map.of("profil_appel", " zones_massifs , qpv,zones_massifs"));
        assertThat(p.text(ParameterCatalog.PROFIL_APPEL)).isEqualTo("zones_massifs,qpv");
        assertThat(ParameterCatalog.categories(p)).containsExactlyInAnyOrder(Category.ZONES_MASSIFS, Category.QPV);
        InvalidParameterException e = catchThrowableOfType(InvalidParameterException.class,
                () -> ParameterCatalog.validate(Map.of("profil_appel", "zrr")));
        assertThat(e.parameter()).isEqualTo("profil_appel");
        assertThat(e.getMessage()).contains("catégorie inconnue « zrr »");
        assertThat(catchThrowableOfType(InvalidParameterException.class,
                () -> ParameterCatalog.validate(Map.of("profil_appel", " , "))).getMessage()).contains("au moins une catégorie");
    }

    @Test
    void perimeterPresetsAndKinds() {
        assertThat(ParameterCatalog.validate(Map.of("perimetre", "Massif-Central")).text(ParameterCatalog.PERIMETRE))
                .isEqualTo("massif:Massif Central");
        assertThat(ParameterCatalog.validate(Map.of("perimetre", "hauts-de-france")).text(ParameterCatalog.PERIMETRE))
                .isEqualTo("regions:32");
        Perimetre deps = Perimetre.parse("departements: 12, 48");
        assertThat(deps.codes()).containsExactly("12", "48");
        assertThat(deps.contains("76", "48", null, null)).isTrue();
        assertThat(deps.contains("76", "31", null, null)).isFalse();
        assertThat(Perimetre.parse("epci:241200567").contains("76", "12", "241200567", null)).isTrue();
        assertThat(Perimetre.parse("massif:Massif central").contains("84", "63", null, "Massif Central")).isTrue();
        assertThat(Perimetre.parse("massif:Massif central").contains("84", "63", null, null)).isFalse();
        assertThat(Perimetre.parse("france").contains(null, null, null, null)).isTrue();
    }

    @Test
    void badPerimetersNameTheParameter() {
        for (String bad : new String[] {"europe", "regions:", "departements:4$8", "communes:48095"}) {
            InvalidParameterException e = catchThrowableOfType(InvalidParameterException.class,
                    () -> ParameterCatalog.validate(Map.of("perimetre", bad)));
            assertThat(e).as(bad).isNotNull();
            assertThat(e.parameter()).isEqualTo("perimetre");
            assertThat(e.getMessage()).startsWith("perimetre = « " + bad + " »");
        }
    }
}
