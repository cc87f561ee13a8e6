package fr.carence.render.cache;

import static org.assertj.core.api.Assertions.assertThat;

import fr.carence.crs.CrsTransforms;
import fr.carence.render.map.MapLayer;
import fr.carence.render.map.MapRenderer;
import fr.carence.render.map.MapViewport;
import fr.carence.render.sld.SldParser;
import fr.carence.render.style.Style;
import fr.carence.store.Feature;
import fr.carence.store.FeatureStore;
import fr.carence.store.LayerInfo;
import fr.carence.store.LayerSchema;
import fr.carence.store.LayerSchema.Attribute;
import fr.carence.store.LayerSchema.AttributeType;
import fr.carence.store.LayerWriter;
import fr.carence.store.filter.Filter;
import fr.carence.store.testing.BothStores;
import fr.carence.store.testing.StoreTestSupport;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.PrecisionModel;
import org.junit.jupiter.api.Test;

/**
 * The map cache on a fixture layer (1 km squares in Lambert-93, made up for this test) in both
 * stores: the map follows every commit (layer replaced, partition rewritten or deleted), the
 * memory budget is respected, and a layer too big for it is still drawn, from the store.
 */
class LayerFeatureCacheTest {

    private static final GeometryFactory GF = new GeometryFactory(new PrecisionModel(), FeatureStore.STORAGE_SRID);
    private static final int RED = 0xffe31a1c;
    private static final int BLUE = 0xff1f78b4;
    private static final MapViewport VIEW =
            new MapViewport(new Envelope(699_500, 705_500, 6_599_500, 6_601_500), 2154, false, 600, 200);

    private static final Style STYLE = new SldParser().parse("""
            <StyledLayerDescriptor version="1.0.0" xmlns="http://www.opengis.net/sld" xmlns:ogc="http://www.opengis.net/ogc">
             <NamedLayer><Name>fixture</Name><UserStyle><Name>fixture</Name><FeatureTypeStyle>
              <Rule><ogc:Filter><ogc:PropertyIsEqualTo><ogc:PropertyName>classe</ogc:PropertyName><ogc:Literal>1</ogc:Literal></ogc:PropertyIsEqualTo></ogc:Filter>
               <PolygonSymbolizer><Fill><CssParameter name="fill">#e31a1c</CssParameter></Fill></PolygonSymbolizer></Rule>
              <Rule><ogc:Filter><ogc:PropertyIsEqualTo><ogc:PropertyName>classe</ogc:PropertyName><ogc:Literal>2</ogc:Literal></ogc:PropertyIsEqualTo></ogc:Filter>
               <PolygonSymbolizer><Fill><CssParameter name="fill">#1f78b4</CssParameter></Fill></PolygonSymbolizer></Rule>
             </FeatureTypeStyle></UserStyle></NamedLayer></StyledLayerDescriptor>""", "fixture");

    private static LayerSchema schema(String layer) {
        return new LayerSchema(layer, List.of(Attribute.required("id", AttributeType.STRING),
                Attribute.required("scenario", AttributeType.STRING), Attribute.optional("classe", AttributeType.INTEGER)),
                LayerSchema.GeometryType.POLYGON, "id");
    }

    private static Feature square(String scenario, String id, int classe, double x) {
        Geometry g = GF.toGeometry(new Envelope(x, x + 1000, 6_600_000, 6_601_000));
        return new Feature(scenario + id, g, Map.of("id", scenario + id, "scenario", scenario, "classe", classe));
    }

    /** Two squares (at 700 and 702 km) of the given class in the partition. */
    private static void writePartition(FeatureStore store, String layer, String scenario, int classe) {
        try (LayerWriter w = store.replacePartition(schema(layer), "scenario", scenario,
                new LayerInfo.Source("fixture", "LayerFeatureCacheTest", null))) {
            w.write(square(scenario, "a", classe, 700_000));
            w.write(square(scenario, "b", classe, 702_000));
            w.commit();
        }
    }

    private static void replaceLayer(FeatureStore store, String layer, int classe, int squares) {
        try (LayerWriter w = store.replaceLayer(schema(layer), new LayerInfo.Source("fixture", "LayerFeatureCacheTest", null))) {
            for (int i = 0; i < squares; i++) {
                w.write(square("defaut", "s" + i, classe, 700_000 + 2000 * i));
            }
            w.commit();
        }
    }

    private static BufferedImage render(MapRenderer renderer, String layer, Filter base) {
        return renderer.render(VIEW, List.of(new MapLayer(layer, STYLE, base)), null);
    }

    private static Filter scenario(String s) {
        return new Filter.Compare("scenario", Filter.ComparisonOperator.EQ, s, true);
    }

    @BothStores
    void replacingTheLayerChangesTheNextMap(FeatureStore store) {
        replaceLayer(store, "fixture_cache_replace", 1, 2);
        LayerFeatureCache cache = new LayerFeatureCache(store, 64L << 20);
        MapRenderer renderer = new MapRenderer(store, cache);
        assertThat(render(renderer, "fixture_cache_replace", null).getRGB(60, 140)).isEqualTo(RED);
        assertThat(cache.layer("fixture_cache_replace")).as("cached after the first map").isPresent();

        replaceLayer(store, "fixture_cache_replace", 2, 3);
        BufferedImage after = render(renderer, "fixture_cache_replace", null);
        assertThat(after.getRGB(60, 140)).isEqualTo(BLUE);
        assertThat(after.getRGB(460, 140)).as("the new third square").isEqualTo(BLUE);
        assertThat(cache.layer("fixture_cache_replace").orElseThrow().size()).isEqualTo(3);
    }

    @BothStores
    void rewritingOrDeletingAPartitionChangesTheNextMapOfThatScenarioOnly(FeatureStore store) {
        String layer = "fixture_cache_partition";
        writePartition(store, layer, "defaut", 1);
        writePartition(store, layer, "autre", 1);
        MapRenderer renderer = new MapRenderer(store, new LayerFeatureCache(store, 64L << 20));
        assertThat(render(renderer, layer, scenario("defaut")).getRGB(60, 140)).isEqualTo(RED);
        assertThat(render(renderer, layer, scenario("autre")).getRGB(60, 140)).isEqualTo(RED);

        writePartition(store, layer, "defaut", 2);
        assertThat(render(renderer, layer, scenario("defaut")).getRGB(60, 140)).isEqualTo(BLUE);
        assertThat(render(renderer, layer, scenario("autre")).getRGB(60, 140)).isEqualTo(RED);

        store.deletePartition(layer, "scenario", "defaut");
        assertThat(render(renderer, layer, scenario("defaut")).getRGB(60, 140) >>> 24).as("deleted: nothing drawn").isZero();
        assertThat(render(renderer, layer, scenario("autre")).getRGB(60, 140)).isEqualTo(RED);
    }

    /**
     * Several instances on one PostGIS database: each has its own cache, and a write made by
     * another instance (here a second store opened on the same schema) changes this instance's
     * next map, since every map checks the layer's committed version in the shared registry.
     */
    @Test
    void aWriteByAnotherInstanceChangesThisInstancesNextMap() {
        String schema = StoreTestSupport.createPostgisSchema();
        try (FeatureStore here = StoreTestSupport.openPostgis(schema); FeatureStore other = StoreTestSupport.openPostgis(schema)) {
            String layer = "fixture_cache_instances";
            writePartition(here, layer, "defaut", 1);
            LayerFeatureCache cache = new LayerFeatureCache(here, 64L << 20);
            MapRenderer renderer = new MapRenderer(here, cache);
            assertThat(render(renderer, layer, scenario("defaut")).getRGB(60, 140)).isEqualTo(RED);
            assertThat(cache.layer(layer)).as("cached on this instance").isPresent();

            writePartition(other, layer, "defaut", 2);
            assertThat(render(renderer, layer, scenario("defaut")).getRGB(60, 140)).isEqualTo(BLUE);
            replaceLayer(other, layer, 1, 3);
            assertThat(render(renderer, layer, null).getRGB(460, 140)).as("the new third square").isEqualTo(RED);
            assertThat(cache.layer(layer).orElseThrow().size()).isEqualTo(3);
        } finally {
            StoreTestSupport.dropPostgisSchema(schema);
        }
    }

    @BothStores
    void cachedAndUncachedMapsAreIdentical(FeatureStore store) {
        writePartition(store, "fixture_cache_same", "defaut", 1);
        writePartition(store, "fixture_cache_same", "autre", 2);
        BufferedImage uncached = render(new MapRenderer(store), "fixture_cache_same", scenario("autre"));
        BufferedImage cached = render(new MapRenderer(store, new LayerFeatureCache(store, 64L << 20)),
                "fixture_cache_same", scenario("autre"));
        for (int y = 0; y < VIEW.height(); y++) {
            for (int x = 0; x < VIEW.width(); x++) {
                assertThat(cached.getRGB(x, y)).as("pixel %d,%d", x, y).isEqualTo(uncached.getRGB(x, y));
            }
        }
    }

    /** The fixture view in Web Mercator (the same ground, transformed as a WMS client would ask). */
    private static final MapViewport WEB_VIEW =
            new MapViewport(CrsTransforms.transform(VIEW.envelope(), 2154, 3857), 3857, false, 600, 200);

    private static void assertSamePixels(BufferedImage actual, BufferedImage expected) {
        for (int y = 0; y < expected.getHeight(); y++) {
            for (int x = 0; x < expected.getWidth(); x++) {
                assertThat(actual.getRGB(x, y)).as("pixel %d,%d", x, y).isEqualTo(expected.getRGB(x, y));
            }
        }
    }

    @BothStores
    void aWebMercatorMapFromTheProjectedCopyEqualsTheMapReprojectedPerRequest(FeatureStore store) {
        writePartition(store, "fixture_cache_3857", "defaut", 1);
        writePartition(store, "fixture_cache_3857", "autre", 2);
        List<MapLayer> layers = List.of(new MapLayer("fixture_cache_3857", STYLE, scenario("autre")));
        BufferedImage perRequest = new MapRenderer(store).render(WEB_VIEW, layers, null);
        LayerFeatureCache cache = new LayerFeatureCache(store, 64L << 20);
        MapRenderer renderer = new MapRenderer(store, cache);
        BufferedImage first = renderer.render(WEB_VIEW, layers, null);
        BufferedImage second = renderer.render(WEB_VIEW, layers, null);
        double[] centre = CrsTransforms.transform(700_500, 6_600_500, 2154, 3857);
        int x = (int) WEB_VIEW.toScreenX(centre[0]);
        int y = (int) WEB_VIEW.toScreenY(centre[1]);
        assertThat(perRequest.getRGB(x, y)).as("the square of scenario autre, reprojected per request").isEqualTo(BLUE);
        assertSamePixels(first, perRequest);
        assertSamePixels(second, perRequest);
        assertThat(cache.layer("fixture_cache_3857").orElseThrow().projectionCount()).as("one copy in 3857").isEqualTo(1);
    }

    @BothStores
    void theProjectedCopyIsTheStoredGeometryTransformedAndIsKept(FeatureStore store) {
        replaceLayer(store, "fixture_cache_projected", 1, 3);
        CachedLayer layer = new LayerFeatureCache(store, 64L << 20).layer("fixture_cache_projected").orElseThrow();
        Envelope all = new Envelope(690_000, 720_000, 6_590_000, 6_610_000);
        List<Geometry> stored = new ArrayList<>();
        List<Geometry> once = new ArrayList<>();
        List<Geometry> again = new ArrayList<>();
        layer.forEach(all, 0, (f, g) -> stored.add(g));
        layer.forEach(all, 0, 3857, (f, g) -> once.add(g));
        layer.forEach(all, 0, 3857, (f, g) -> again.add(g));
        assertThat(once).hasSize(3);
        for (int i = 0; i < 3; i++) {
            Geometry expected = CrsTransforms.transform(stored.get(i), 2154, 3857);
            assertThat(once.get(i).equalsExact(expected)).as("feature %d as CrsTransforms gives it", i).isTrue();
            assertThat(once.get(i).getSRID()).isEqualTo(3857);
            assertThat(again.get(i)).as("the same kept copy, not a new transform").isSameAs(once.get(i));
        }
        List<Geometry> storageCrs = new ArrayList<>();
        layer.forEach(all, 0, 2154, (f, g) -> storageCrs.add(g));
        assertThat(storageCrs).as("the storage CRS needs no copy").containsExactlyElementsOf(stored);
        assertThat(layer.projectionCount()).isEqualTo(1);
    }

    @BothStores
    void aProjectionOverTheBudgetIsDoneForEachMapInstead(FeatureStore store) {
        replaceLayer(store, "fixture_cache_no_room", 1, 3);
        long layerBytes = new LayerFeatureCache(store, 64L << 20).layer("fixture_cache_no_room").orElseThrow().bytes();
        LayerFeatureCache cache = new LayerFeatureCache(store, layerBytes + 16);
        List<MapLayer> layers = List.of(new MapLayer("fixture_cache_no_room", STYLE, null));
        BufferedImage cached = new MapRenderer(store, cache).render(WEB_VIEW, layers, null);
        assertThat(cache.layer("fixture_cache_no_room").orElseThrow().projectionCount()).as("no room for it").isZero();
        assertThat(cache.usedBytes()).isLessThanOrEqualTo(cache.budgetBytes());
        assertSamePixels(cached, new MapRenderer(store).render(WEB_VIEW, layers, null));
    }

    @BothStores
    void cachedLayersStayWithinTheBudgetAndALayerTooBigIsDrawnFromTheStore(FeatureStore store) {
        replaceLayer(store, "fixture_cache_small_a", 1, 3);
        replaceLayer(store, "fixture_cache_small_b", 2, 3);
        replaceLayer(store, "fixture_cache_big", 1, 200);
        LayerFeatureCache probe = new LayerFeatureCache(store, 64L << 20);
        long small = probe.layer("fixture_cache_small_a").orElseThrow().bytes();
        long big = probe.layer("fixture_cache_big").orElseThrow().bytes();
        assertThat(big).isGreaterThan(10 * small);

        // Room for one small layer (and its generalised copies), not two, far from the big one.
        LayerFeatureCache cache = new LayerFeatureCache(store, small + small / 2);
        MapRenderer renderer = new MapRenderer(store, cache);
        assertThat(render(renderer, "fixture_cache_small_a", null).getRGB(60, 140)).isEqualTo(RED);
        assertThat(cache.usedBytes()).isPositive().isLessThanOrEqualTo(cache.budgetBytes());
        assertThat(render(renderer, "fixture_cache_small_b", null).getRGB(60, 140)).isEqualTo(BLUE);
        assertThat(cache.usedBytes()).as("a evicted for b").isLessThanOrEqualTo(cache.budgetBytes());
        assertThat(cache.layer("fixture_cache_small_b")).isPresent();

        assertThat(cache.layer("fixture_cache_big")).as("too big for the budget").isEmpty();
        BufferedImage fromStore = render(renderer, "fixture_cache_big", null);
        assertThat(fromStore.getRGB(60, 140)).isEqualTo(RED);
        assertThat(fromStore.getRGB(460, 140)).isEqualTo(RED);
        assertThat(cache.usedBytes()).isLessThanOrEqualTo(cache.budgetBytes());
    }

    @BothStores
    void aDroppedLayerLeavesTheCache(FeatureStore store) {
        replaceLayer(store, "fixture_cache_dropped", 1, 3);
        LayerFeatureCache cache = new LayerFeatureCache(store, 64L << 20);
        assertThat(cache.layer("fixture_cache_dropped")).isPresent();
        assertThat(cache.usedBytes()).isPositive();
        store.dropLayer("fixture_cache_dropped");
        assertThat(cache.layer("fixture_cache_dropped")).isEmpty();
        assertThat(cache.usedBytes()).isZero();
    }

    @BothStores
    void aZeroBudgetDisablesTheCache(FeatureStore store) {
        replaceLayer(store, "fixture_cache_off", 1, 1);
        LayerFeatureCache cache = new LayerFeatureCache(store, 0);
        assertThat(render(new MapRenderer(store, cache), "fixture_cache_off", null).getRGB(60, 140)).isEqualTo(RED);
        assertThat(cache.layer("fixture_cache_off")).isEmpty();
        assertThat(cache.usedBytes()).isZero();
    }
}
