package fr.carence.ogc.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import fr.carence.store.Feature;
import fr.carence.store.FeatureStore;
import fr.carence.store.LayerInfo;
import fr.carence.store.LayerSchema;
import fr.carence.store.LayerSchema.Attribute;
import fr.carence.store.LayerSchema.AttributeType;
import fr.carence.store.LayerWriter;
import fr.carence.store.testing.StoreKind;
import fr.carence.store.testing.StoreTestSupport;
import fr.carence.store.testing.TestStore;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.PrecisionModel;

/** The one layer-extent cache of every protocol, on both stores (made-up point fixtures). */
class LayerExtentsTest {

    private static final GeometryFactory GF = new GeometryFactory(new PrecisionModel(), FeatureStore.STORAGE_SRID);
    private static final LayerSchema POINTS = new LayerSchema("points_fixture",
            List.of(Attribute.required("id", AttributeType.STRING)), LayerSchema.GeometryType.POINT, "id");

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void extentsFollowEachCommitAndAreSharedPerStore(StoreKind kind) {
        try (TestStore t = StoreTestSupport.open(kind)) {
            FeatureStore store = t.store();
            LayerExtents extents = LayerExtents.of(store);
            assertThat(LayerExtents.of(store)).isSameAs(extents);

            // No table yet: WMS still gets metropolitan France, WFS/OGC API no extent.
            assertThat(extents.storage(POINTS.name())).isEqualTo(LayerExtents.FRANCE_2154);
            assertThat(extents.wgs84(POINTS.name())).isEmpty();

            // One point (Paris, Lambert-93): widened by 1 km for WMS; WGS 84 from the same cache entry.
            write(store, new Coordinate(652469.0227, 6862035.2594));
            assertThat(extents.storage(POINTS.name())).isEqualTo(new Envelope(651469.0227, 653469.0227, 6861035.2594, 6863035.2594));
            Envelope paris = extents.wgs84(POINTS.name()).orElseThrow();
            assertThat(paris.getMinX()).isCloseTo(2.3522, within(1e-3));
            assertThat(paris.getMinY()).isCloseTo(48.8566, within(1e-3));

            // A new commit replaces both extents (another service of the same store sees it too).
            write(store, new Coordinate(700000, 6600000), new Coordinate(800000, 6700000));
            assertThat(LayerExtents.of(store).storage(POINTS.name())).isEqualTo(new Envelope(700000, 800000, 6600000, 6700000));
            assertThat(extents.wgs84(POINTS.name()).orElseThrow().getMinY()).isLessThan(48.0);
        }
    }

    private static void write(FeatureStore store, Coordinate... points) {
        try (LayerWriter w = store.replaceLayer(POINTS, new LayerInfo.Source("points_fixture", "LayerExtentsTest", null))) {
            for (int i = 0; i < points.length; i++) {
                w.write(new Feature("p" + i, GF.createPoint(points[i]), Map.of("id", "p" + i)));
            }
            w.commit();
        }
    }
}
