package fr.carence.api.scenario;

import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.emptyOrNullString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import fr.carence.analysis.scenario.ScenarioService;
import fr.carence.loaders.core.Progress;
import fr.carence.loaders.sample.OccitanieSample;
import fr.carence.security.SecurityConfiguration;
import fr.carence.security.TestAccounts;
import fr.carence.store.FeatureStore;
import fr.carence.store.testing.StoreTestSupport;
import fr.carence.store.testing.TestStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The scenario REST API over a real ScenarioService and a real (throwaway) H2GIS store, behind the
 * real security rules: runs and deletions are made as the PLANNER test account.
 */
@WebMvcTest(controllers = ScenarioController.class)
class ScenarioControllerTest {

    @DynamicPropertySource
    static void accounts(DynamicPropertyRegistry registry) {
        TestAccounts.register(registry);
    }

    @TestConfiguration
    @Import({ScenarioController.class, ScenarioApiExceptionHandler.class, SecurityConfiguration.class})
    static class Beans {
        @Bean(destroyMethod = "close")
        TestStore testStore() {
            return StoreTestSupport.openH2gis();
        }

        @Bean(destroyMethod = "close")
        ScenarioService scenarioService(TestStore store) {
            return new ScenarioService(store.store(), 1, 4, null);
        }

        /** The repository's catalogue seen by the caller: its column rules shape the scenario records. */
        @Bean
        fr.carence.ogc.catalog.Catalog catalog(org.springframework.security.access.hierarchicalroles.RoleHierarchy roles) {
            return new fr.carence.ogc.security.ReadableLayersCatalog(fr.carence.ogc.catalog.GeoServerCatalog.read(
                    java.nio.file.Path.of("../../geoserver-data"), java.nio.file.Path.of("../../sld-styles")),
                    new fr.carence.security.SecurityContextCallerRoles(roles));
        }
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    ScenarioService service;
    @Autowired
    TestStore testStore;

    private static MockHttpServletRequestBuilder asPlanner(MockHttpServletRequestBuilder request) {
        return request.header(HttpHeaders.AUTHORIZATION, TestAccounts.PLANNER.basic());
    }

    @Test
    void parametersListDefaultsBoundsUnitsAndSources() throws Exception {
        mvc.perform(get("/api/scenarios/parameters")).andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.name == 'distance_min_km')].defaultValue").value(hasItem(15.0)))
                .andExpect(jsonPath("$[?(@.name == 'distance_min_km')].unit").value(hasItem("km")))
                .andExpect(jsonPath("$[?(@.name == 'part_rebond')].source").value(hasItem(containsString("ADEME"))));
    }

    @Test
    void resultColumnsAreServedWithLabelUnitDefinitionAndSource() throws Exception {
        mvc.perform(get("/api/scenarios/colonnes")).andExpect(status().isOk())
                .andExpect(jsonPath("$.indicateurs_communes[?(@.nom == 'accessibilite')].libelle")
                        .value(hasItem("Accessibilité aux lieux")))
                .andExpect(jsonPath("$.indicateurs_communes[?(@.nom == 'accessibilite')].unite")
                        .value(hasItem("places / 1 000 télétravailleurs potentiels")))
                .andExpect(jsonPath("$.indicateurs_communes[?(@.nom == 'taux_thd')].echelle").value(hasItem(100.0)))
                .andExpect(jsonPath("$.indicateurs_communes[?(@.nom == 'taux_thd')].source").value(hasItem(containsString("ARCEP"))))
                .andExpect(jsonPath("$.sites_candidats[?(@.nom == 'kg_co2e_an')].unite").value(hasItem("kg CO₂e")))
                .andExpect(jsonPath("$.flux_od[0].nom").value("id"))
                // restricted, and to whom, comes from the column's declaration
                .andExpect(jsonPath("$.zones_carence[?(@.nom == 'demande_couverte')].reservee").value(hasItem(true)))
                .andExpect(jsonPath("$.zones_carence[?(@.nom == 'demande_couverte')].lecteurs[*]").value(
                        org.hamcrest.Matchers.contains("FUNDER", "ADMIN")))
                .andExpect(jsonPath("$.zones_carence_residuelles[?(@.nom == 'intentions')].lecteurs[*]").value(
                        org.hamcrest.Matchers.contains("PLANNER", "FUNDER", "ADMIN")))
                .andExpect(jsonPath("$.zones_carence[?(@.nom == 'demande')].reservee").value(hasItem(false)))
                .andExpect(jsonPath("$.zones_carence[?(@.nom == 'demande')].lecteurs[*]").isEmpty());
        // an id that would hide this address is refused at submission
        mvc.perform(asPlanner(post("/api/scenarios").contentType(MediaType.APPLICATION_JSON)).content("{\"id\":\"colonnes\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.parametre").value("id"));
    }

    @Test
    void invalidParametersAre400NamingTheParameter() throws Exception {
        mvc.perform(asPlanner(post("/api/scenarios").contentType(MediaType.APPLICATION_JSON))
                        .content("{\"id\":\"x\",\"parametres\":{\"part_teletravaillable\":2}}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.parametre").value("part_teletravaillable"))
                .andExpect(jsonPath("$.message").value(containsString("[0, 1]")));
        mvc.perform(asPlanner(post("/api/scenarios").contentType(MediaType.APPLICATION_JSON))
                        .content("{\"parametres\":{\"pas_un_parametre\":1}}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.parametre").value("pas_un_parametre"));
        mvc.perform(asPlanner(post("/api/scenarios").contentType(MediaType.APPLICATION_JSON)).content("{not json"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.erreur").value("json_invalide"));
        mvc.perform(get("/api/scenarios/absent")).andExpect(status().isNotFound())
                .andExpect(jsonPath("$.erreur").value("scenario_inconnu"));
        mvc.perform(asPlanner(delete("/api/scenarios/absent"))).andExpect(status().isNotFound());
    }

    @Test
    void runCompareAndDeleteOnTheOccitanieSample() throws Exception {
        // before any data: the run is accepted, then fails with a message naming the missing layer
        mvc.perform(asPlanner(post("/api/scenarios").contentType(MediaType.APPLICATION_JSON)).content("{\"id\":\"sans-donnees\"}"))
                .andExpect(status().isAccepted())
                .andExpect(header().string("Location", endsWith("/api/scenarios/sans-donnees")))
                .andExpect(jsonPath("$.statut").value("en_attente"));
        service.await("sans-donnees", 60_000);
        mvc.perform(get("/api/scenarios/sans-donnees")).andExpect(jsonPath("$.statut").value("echec"))
                .andExpect(jsonPath("$.message").value(containsString("communes")));

        FeatureStore store = testStore.store();
        OccitanieSample.loadInto(store, Progress.silent());
        mvc.perform(asPlanner(post("/api/scenarios").contentType(MediaType.APPLICATION_JSON))
                .content("{\"id\":\"defaut\",\"nom\":\"Par défaut\"}")).andExpect(status().isAccepted());
        mvc.perform(asPlanner(post("/api/scenarios").contentType(MediaType.APPLICATION_JSON))
                .content("{\"id\":\"strict\",\"parametres\":{\"seuil_accessibilite\":5,\"nombre_sites\":3}}"))
                .andExpect(status().isAccepted());
        service.await("defaut", 300_000);
        service.await("strict", 300_000);
        mvc.perform(get("/api/scenarios")).andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.id == 'strict')].statut").value(hasItem("termine")))
                .andExpect(jsonPath("$[?(@.id == 'strict')].parametres.nombre_sites").value(hasItem(3)));
        mvc.perform(get("/api/scenarios/defaut")).andExpect(jsonPath("$.statut").value("termine"))
                .andExpect(jsonPath("$.resume.nbCommunesCarence").isNumber())
                .andExpect(jsonPath("$.tempsEtapesMs['3-accessibilite']").isNumber())
                // provenance: the sample's loads recorded their files' SHA-256; nothing reloaded since
                .andExpect(jsonPath("$.provenance[?(@.couche == 'communes')].sha256").value(hasItem(matchesPattern("[0-9a-f]{64}"))))
                .andExpect(jsonPath("$.provenance[?(@.couche == 'lieux_existants')].chargement").isNotEmpty())
                .andExpect(jsonPath("$.versionMethode").value(startsWith("carence ")))
                .andExpect(jsonPath("$.entreesModifiees").isEmpty());
        // recomputed on the same inputs, the real Occitanie sample gives the same results exactly
        mvc.perform(post("/api/scenarios/defaut/recalcul")).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/scenarios/defaut/recalcul")).andExpect(status().isNotFound())
                .andExpect(jsonPath("$.message").value(containsString("aucun recalcul")));
        // queued like a run: 202 at once, the state and then the result at the Location
        mvc.perform(asPlanner(post("/api/scenarios/defaut/recalcul"))).andExpect(status().isAccepted())
                .andExpect(header().string("Location", endsWith("/api/scenarios/defaut/recalcul")))
                .andExpect(jsonPath("$.statut").value(anyOf(is("en_attente"), is("en_cours"))))
                .andExpect(jsonPath("$.resultat").doesNotExist());
        mvc.perform(asPlanner(post("/api/scenarios/defaut/recalcul"))).andExpect(status().isConflict());
        service.awaitRecompute("defaut", 300_000);
        mvc.perform(get("/api/scenarios/defaut/recalcul")).andExpect(status().isOk())
                .andExpect(jsonPath("$.statut").value("termine"))
                .andExpect(jsonPath("$.progression").value(1.0))
                .andExpect(jsonPath("$.auteur").doesNotExist()) // anonymous caller
                .andExpect(jsonPath("$.resultat.identique").value(true))
                .andExpect(jsonPath("$.resultat.nbDifferences").value(0))
                .andExpect(jsonPath("$.resultat.colonnesDifferentes").isEmpty());
        mvc.perform(asPlanner(get("/api/scenarios/defaut/recalcul"))).andExpect(jsonPath("$.auteur").value(not(emptyOrNullString())));
        mvc.perform(asPlanner(post("/api/scenarios/strict/recalcul"))).andExpect(status().isAccepted());
        service.awaitRecompute("strict", 300_000);
        mvc.perform(get("/api/scenarios/defaut/compare/strict")).andExpect(status().isOk())
                .andExpect(jsonPath("$.sortantes").isEmpty())
                .andExpect(jsonPath("$.entrantes").isArray());
        mvc.perform(asPlanner(delete("/api/scenarios/strict"))).andExpect(status().isNoContent());
        mvc.perform(get("/api/scenarios/strict")).andExpect(status().isNotFound());
        mvc.perform(get("/api/scenarios/strict/recalcul")).andExpect(status().isNotFound());
        mvc.perform(get("/api/scenarios/defaut/compare/strict")).andExpect(status().isNotFound());
    }
}
