package fr.carence.loaders.communes;

import static org.assertj.core.api.Assertions.assertThat;

import fr.carence.loaders.admin.AdminLoader;
import fr.carence.loaders.core.LoadContext;
import fr.carence.loaders.core.LoadReport;
import fr.carence.loaders.core.Progress;
import fr.carence.loaders.core.TestFiles;
import fr.carence.store.FeatureQuery;
import fr.carence.store.FeatureStore;
import fr.carence.store.testing.BothStores;
import java.util.List;

class CommunesLoaderRealDataTest {

    @BothStores
    void dissolvesThe2018PolygonsIntoTheCurrentCommunes(FeatureStore store) {
        LoadContext ctx = LoadContext.of(store, Progress.silent());
        new AdminLoader().load(List.of(TestFiles.sharedData("communes-population/communes.json.gz"),
                TestFiles.sharedData("communes-population/epci.json.gz")), ctx);
        LoadReport report = new CommunesLoader().load(
                List.of(TestFiles.sharedData("communes-geometry/communes-2018-admin-express-simplifie.geojson.gz")), ctx);

        assertThat(report.rowsRead()).isEqualTo(35_357);
        assertThat(report.featuresWritten("communes")).isEqualTo(34_868);
        assertThat(store.count("communes", FeatureQuery.all())).isEqualTo(34_868);
        assertThat(report.repairedGeometries()).containsExactly("14174");
    }
}
