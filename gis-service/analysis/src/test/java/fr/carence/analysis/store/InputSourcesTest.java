package fr.carence.analysis.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.carence.loaders.core.Progress;
import fr.carence.loaders.sample.OccitanieSample;
import fr.carence.store.FeatureStore;
import fr.carence.store.testing.BothStores;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every input layer is declared once in words ({@link InputSources}): the dossier, the printed map
 * and the web map read these labels from the provenance, so a layer without one would be cited by
 * its table name.
 */
class InputSourcesTest {

    /** The layer names the reader declares (its public String constants): each must have a label. */
    @Test
    void everyLayerNameTheReaderDeclaresHasALabel() throws IllegalAccessException {
        List<String> names = new ArrayList<>();
        for (Field f : AnalysisInputReader.class.getFields()) {
            if (Modifier.isStatic(f.getModifiers()) && f.getType() == String.class) {
                names.add((String) f.get(null));
            }
        }
        assertThat(names).as("layer names of AnalysisInputReader").hasSizeGreaterThanOrEqualTo(15)
                .contains("communes", "frr", "qpv_perimetres", "lieux_couverture", "actifs_cs1", "intentions_amii");
        for (String layer : names) {
            assertThat(InputSources.of(layer)).as("label of input layer '%s'", layer).isPresent();
            InputSources.InputSource s = InputSources.of(layer).orElseThrow();
            assertThat(s.nom()).as("name of '%s'", layer).isNotBlank().isNotEqualTo(layer);
            assertThat(s.libelle()).startsWith(s.nom());
        }
        assertThat(InputSources.of("flux_domicile_travail").orElseThrow().libelle())
                .isEqualTo("Flux domicile-travail observés (INSEE, MOBPRO)");
        assertThat(InputSources.of("zones_carence")).as("a result layer is no input").isEmpty();
    }

    /**
     * On the Occitanie sample: every layer the loaders wrote has a label, and every entry of the
     * provenance the reader records carries it, publisher and licence included, when serialised as
     * the API serves it (and the label is not stored with the scenario: it is derived).
     */
    @BothStores
    void theProvenanceOfTheSampleCarriesEveryLabel(FeatureStore store) throws Exception {
        OccitanieSample.loadInto(store, Progress.silent());
        for (String layer : store.layerNames()) {
            assertThat(InputSources.of(layer)).as("label of loaded layer '%s'", layer).isPresent();
        }
        AnalysisInputReader reader = new AnalysisInputReader(store);
        reader.read();
        List<InputVersion> provenance = reader.provenance();
        assertThat(provenance).extracting(InputVersion::couche).contains("communes", "flux_domicile_travail", "frr",
                "lieux_existants");
        JsonNode json = new ObjectMapper().valueToTree(provenance);
        for (JsonNode v : json) {
            String layer = v.get("couche").asText();
            assertThat(v.get("libelle").asText()).as("label served for '%s'", layer)
                    .isEqualTo(InputSources.of(layer).orElseThrow().libelle());
        }
        JsonNode communes = json.get(0);
        assertThat(communes.get("couche").asText()).isEqualTo("communes");
        assertThat(communes.get("producteur").asText()).isEqualTo("IGN, ADMIN EXPRESS");
        assertThat(communes.get("licence").asText()).isEqualTo("Licence Ouverte / Etalab");
        // read back (a client posting it again, an older row): the derived fields are ignored
        InputVersion back = new ObjectMapper().treeToValue(communes, InputVersion.class);
        assertThat(back).isEqualTo(provenance.get(0));
    }
}
