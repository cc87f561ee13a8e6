package fr.carence.api.carte;

import static org.assertj.core.api.Assertions.assertThat;

import fr.carence.analysis.scenario.ScenarioRecord;
import fr.carence.analysis.store.InputVersion;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The printed map names its sources as the dossier and the web map's cartouche do ("libellé
 * millésime"), each publisher once: no "(ARCEP) (2018T1)". Provenance entries are fixtures.
 */
class CarteImprimeeSourcesTest {

    private static ScenarioRecord withProvenance(List<InputVersion> provenance) {
        return new ScenarioRecord("fixture", "Essai", Map.of(), ScenarioRecord.TERMINE, 1, null, null, Instant.now(), null,
                null, null, null, null, null, "planif", provenance, null, null);
    }

    @Test
    void sourcesAreNamedOnceWithTheirVintage() {
        String text = CarteImprimee.sources(withProvenance(List.of(
                new InputVersion("couverture_thd", "2018T1", null, "2026-12-07T00:00:00Z", "fixture.csv", 3),
                new InputVersion("lieux_existants", null, null, "2026-12-07T00:00:00Z", "fixture.csv", 2))));
        assertThat(text).isEqualTo("Données lues par le calcul : Couverture en fibre optique (ARCEP) 2018T1 ;"
                + " sans millésime déclaré : Lieux de télétravail existants.");
        assertThat(CarteImprimee.sources(withProvenance(List.of()))).isEqualTo("Provenance non enregistrée pour ce scénario.");
    }
}
