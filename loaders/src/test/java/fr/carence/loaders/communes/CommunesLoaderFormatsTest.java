package fr.carence.loaders.communes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.carence.crs.CrsTransforms;
import fr.carence.loaders.admin.AdminLoader;
import fr.carence.loaders.core.LoadContext;
import fr.carence.loaders.core.LoadException;
import fr.carence.loaders.core.LoadReport;
import fr.carence.loaders.core.Progress;
import fr.carence.loaders.core.TestFiles;
import fr.carence.loaders.core.VectorFiles;
import fr.carence.store.Feature;
import fr.carence.store.FeatureCursor;
import fr.carence.store.FeatureQuery;
import fr.carence.store.FeatureStore;
import fr.carence.store.filter.Filter;
import fr.carence.store.testing.BothStores;
import fr.carence.store.testing.MemoryFeatureStore;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;

/** The "communes" loader on real extracts: an ADMIN EXPRESS-style Shapefile and an overseas commune. */
class CommunesLoaderFormatsTest {

    private static LoadContext withNationalReference(FeatureStore store) {
        LoadContext ctx = LoadContext.of(store, Progress.silent());
        new AdminLoader().load(List.of(TestFiles.sharedData("communes-population/communes.json.gz")), ctx);
        return LoadContext.of(store, Progress.silent());
    }

    private static Feature read(FeatureStore store, String code) {
        try (FeatureCursor c = store.query("communes", FeatureQuery.all().withFilter(new Filter.ResourceIds(List.of(code))))) {
            return c.next();
        }
    }

    @Test
    void referenceDataMustBeLoadedFirst() {
        assertThatThrownBy(() -> new CommunesLoader().load(List.of(TestFiles.resource("communes/fixture-communes.geojson")),
                LoadContext.of(new MemoryFeatureStore(), Progress.silent())))
                .isInstanceOf(LoadException.class)
                .hasMessage("la couche de référence « communes_insee » est absente du magasin : "
                        + "chargez d'abord le jeu « admin » (carence load admin communes.json.gz …)");
    }

    @BothStores
    void loadsAnAdminExpressShapefileInLambert93(FeatureStore store) {
        LoadReport report = new CommunesLoader().load(List.of(TestFiles.resource("communes/fixture-commune-admin-express.shp")),
                withNationalReference(store));
        assertThat(report.featuresWritten("communes")).isEqualTo(4);
        assertThat(report.repairedGeometries()).containsExactly("14174");
        Feature millau = read(store, "12145");
        assertThat(millau.get("nom")).isEqualTo("Millau");
        assertThat(millau.get("dep")).isEqualTo("12");
        // communes-cog2026-centroides.csv (ellipsoidal area of the same polygons): 170.122 km²
        assertThat((Double) millau.get("superficie_km2")).isCloseTo(170.122, org.assertj.core.data.Percentage.withPercentage(0.5));
    }

    @BothStores
    void overseasCommuneIsStoredIn2154AndMeasuredInItsLegalCrs(FeatureStore store) {
        new CommunesLoader().load(List.of(TestFiles.resource("communes/fixture-97411-saint-denis.geojson")), withNationalReference(store));
        Feature stored = read(store, "97411");
        assertThat(stored.geometry().getSRID()).isEqualTo(2154);
        assertThat(stored.get("nom")).isEqualTo("Saint-Denis");
        assertThat(stored.get("reg")).isEqualTo("04");

        List<Geometry> source = new ArrayList<>();
        VectorFiles.forEach(TestFiles.resource("communes/fixture-97411-saint-denis.geojson"), Progress.silent(), f -> source.add(f.geometry()));
        Coordinate[] original = source.get(0).getCoordinates();
        Coordinate[] roundTrip = CrsTransforms.transform(stored.geometry(), 2154, 4326).getCoordinates();
        assertThat(roundTrip).hasSameSizeAs(original);
        for (int i = 0; i < original.length; i++) {
            // compare in the legal metric CRS of La Réunion (UTM 40S), in metres
            double[] a = CrsTransforms.transform(original[i].x, original[i].y, 4326, 2975);
            double[] b = CrsTransforms.transform(roundTrip[i].x, roundTrip[i].y, 4326, 2975);
            assertThat(Math.hypot(a[0] - b[0], a[1] - b[1])).as("vertex %d", i).isLessThan(1.0);
        }
        // communes-cog2026-centroides.csv: 141.569 km² (ellipsoidal); UTM 40S scale error is < 0.1 % here
        assertThat((Double) stored.get("superficie_km2")).isCloseTo(141.569, org.assertj.core.data.Percentage.withPercentage(0.5));
    }
}
