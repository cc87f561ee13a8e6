package fr.carence.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import fr.carence.store.FeatureQuery;
import fr.carence.store.FeatureStore;
import fr.carence.store.testing.BothStores;

class SmokeTest {
    @BothStores
    void roundTrip(FeatureStore store) {
        Fixtures.load(store, Fixtures.gridSchema("fixture_smoke"), Fixtures.grid());
        assertThat(store.count("fixture_smoke", FeatureQuery.all())).isEqualTo(100);
        assertThat(Fixtures.read(store, "fixture_smoke", FeatureQuery.all().withPage(0, 3))).hasSize(3);
        System.out.println(Fixtures.read(store, "fixture_smoke", FeatureQuery.all().withPage(0, 1)));
        System.out.println(store.extent("fixture_smoke"));
    }
}
