package fr.carence.api.carte;

import fr.carence.analysis.scenario.ScenarioService;
import fr.carence.api.dossier.DossierMap;
import fr.carence.ogc.catalog.Catalog;
import fr.carence.store.FeatureStore;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The printed map reuses the dossier's map (one renderer, one scale bar, one north arrow). */
@Configuration(proxyBeanMethods = false)
public class CarteConfiguration {

    @Bean
    public CarteImprimee carteImprimee(DossierMap map, FeatureStore store, ScenarioService scenarios, Catalog catalog) {
        return new CarteImprimee(map, store, scenarios, catalog);
    }
}
