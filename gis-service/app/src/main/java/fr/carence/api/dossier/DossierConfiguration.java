package fr.carence.api.dossier;

import fr.carence.analysis.scenario.ScenarioService;
import fr.carence.ogc.catalog.Catalog;
import fr.carence.render.map.MapRenderer;
import fr.carence.store.FeatureStore;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wiring of the dossiers de carence: reader, map, PDF and GeoPackage writers. */
@Configuration(proxyBeanMethods = false)
public class DossierConfiguration {

    /** The caller-filtered catalogue decides whether candidate sites and restricted columns appear (same rules as WMS / WFS). */
    @Bean
    public DossierReader dossierReader(FeatureStore store, ScenarioService scenarios, Catalog catalog) {
        return new DossierReader(store, scenarios, catalog);
    }

    /** The map drawn by the service's renderer, shared by the dossier and the printed map of the web map. */
    @Bean
    public DossierMap dossierMap(FeatureStore store, Catalog catalog) {
        return new DossierMap(new MapRenderer(store), catalog);
    }

    @Bean
    public DossierPdf dossierPdf(DossierMap map) {
        return new DossierPdf(map);
    }

    @Bean
    public DossierGeoPackage dossierGeoPackage(FeatureStore store, Catalog catalog) {
        return new DossierGeoPackage(store, catalog);
    }
}
