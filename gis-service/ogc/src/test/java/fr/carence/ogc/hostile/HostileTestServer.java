package fr.carence.ogc.hostile;

import fr.carence.ogc.testdata.OgcTestData;
import fr.carence.ogc.web.OgcConfiguration;
import fr.carence.ogc.web.LayerCacheConfiguration;
import fr.carence.ogc.web.OwsEndpoint;
import fr.carence.ogc.wms.WmsService;
import fr.carence.ogc.wms.WmsSettings;
import fr.carence.ogc.security.CallerRoles;
import fr.carence.store.FeatureStore;
import fr.carence.store.testing.StoreTestSupport;
import fr.carence.store.testing.TestStore;
import java.util.Set;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.flyway.FlywayAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * The OGC endpoints as the application serves them, WFS and WMS (embedded Tomcat, Spring's own
 * error handling), over an H2GIS store holding {@link OgcTestData}: the target of the hostile
 * input tests that need real HTTP. The tests repeat the {@code server.error} settings of
 * gis-service/app's application.yml in their {@code @SpringBootTest(properties)}.
 */
@SpringBootConfiguration
@EnableAutoConfiguration(exclude = {DataSourceAutoConfiguration.class, FlywayAutoConfiguration.class})
@Import({OgcConfiguration.class, OwsEndpoint.class, WmsService.class, WmsSettings.class, LayerCacheConfiguration.class})
public class HostileTestServer {

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

    /** A funder sees every layer (restricted ones included), so the hostile requests reach all the code. */
    @Bean
    CallerRoles callerRoles() {
        return () -> Set.of("FUNDER");
    }
}
