package fr.carence.ogc.web;

import fr.carence.ogc.testdata.OgcTestData;
import fr.carence.ogc.tiles.TilesConfiguration;
import fr.carence.ogc.tiles.TilesEndpoint;
import fr.carence.ogc.wms.WmsSettings;
import fr.carence.store.FeatureStore;
import fr.carence.store.testing.StoreTestSupport;
import fr.carence.store.testing.TestStore;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.flyway.FlywayAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * The smallest application serving the OGC endpoints: what the app module wires (a
 * {@link FeatureStore} bean + component scan of fr.carence.ogc.web, and the vector tiles), over an H2GIS store
 * holding {@link OgcTestData}.
 */
@SpringBootConfiguration
@EnableAutoConfiguration(exclude = {DataSourceAutoConfiguration.class, FlywayAutoConfiguration.class})
@Import({OgcConfiguration.class, OwsEndpoint.class, OgcApiEndpoint.class, WmsSettings.class, LayerCacheConfiguration.class,
        TilesConfiguration.class, TilesEndpoint.class})
public class OgcTestServer {

    @Bean(destroyMethod = "close")
    TestStore testStore() {
        TestStore store = StoreTestSupport.openH2gis();
        OgcTestData.load(store.store());
        return store;
    }

    @Bean
    FeatureStore featureStore(TestStore testStore) {
        return testStore.store();
    }
}
