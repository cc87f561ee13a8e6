package fr.carence.ogc.tiles;

import static fr.carence.ogc.tiles.TileTestSupport.decode;
import static fr.carence.ogc.tiles.TileTestSupport.tileAt;
import static fr.carence.ogc.tiles.TileTestSupport.toWebMercator;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.carence.ogc.OwsRequest;
import fr.carence.ogc.testdata.OgcTestData;
import fr.carence.ogc.testdata.WfsCall;
import fr.carence.ogc.wms.WmsService;
import fr.carence.ogc.wms.WmsSettings;
import fr.carence.render.cache.CachedLayer;
import fr.carence.render.cache.LayerFeatureCache;
import fr.carence.store.Feature;
import fr.carence.store.FeatureStore;
import fr.carence.store.LayerInfo;
import fr.carence.store.LayerSchema;
import fr.carence.store.LayerSchema.Attribute;
import fr.carence.store.LayerSchema.AttributeType;
import fr.carence.store.LayerSchema.GeometryType;
import fr.carence.store.LayerWriter;
import fr.carence.store.testing.BothStores;
import io.tileverse.vectortile.model.VectorTile;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.locationtech.jts.algorithm.distance.DiscreteHausdorffDistance;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.util.GeometryFixer;
import org.locationtech.jts.io.geojson.GeoJsonReader;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * Vector tiles over a real store (H2GIS and PostGIS) holding the communes of Aveyron, Lozère,
 * Tarn and La Réunion: decoded tiles hold the features the WFS returns for the same area, with
 * the same attribute values and geometries within the generalisation tolerance.
 */
class VectorTilesTest {

    /** Rodez cathedral, a point inside commune 12202. */
    private static final double RODEZ_LON = 2.5750;
    private static final double RODEZ_LAT = 44.3506;
    private static final GeometryFactory GF = new GeometryFactory();

    private static TileTestSupport tiles(FeatureStore store) {
        OgcTestData.load(store);
        return new TileTestSupport(store, TilesSettings.defaults());
    }

    @BothStores
    void aTileHoldsTheCommunesTheWfsReturnsForItsAreaWithTheSameValuesAndShapes(FeatureStore store) throws Exception {
        TileTestSupport t = tiles(store);
        long[] zrc = tileAt(RODEZ_LON, RODEZ_LAT, 10);
        int z = (int) zrc[0];
        VectorTileService.Tile tile = t.service.tile("communes", z, zrc[1], zrc[2], Optional.empty());
        List<VectorTile.Layer.Feature> mvt = decode(tile.mvt());

        // The WFS for the tile grown by its 4-pixel buffer and one more pixel, in EPSG:3857.
        Envelope env = WebMercatorQuad.envelope(z, zrc[1], zrc[2]);
        double pixel = env.getWidth() / WebMercatorQuad.TILE_PIXELS;
        Envelope outer = new Envelope(env);
        outer.expandBy(5 * pixel);
        JsonNode wfs = new ObjectMapper().readTree(new WfsCall(store, 10_000).get("REQUEST", "GetFeature",
                "TYPENAMES", "carence:communes", "SRSNAME", "EPSG:3857", "OUTPUTFORMAT", "application/json",
                "BBOX", outer.getMinX() + "," + outer.getMinY() + "," + outer.getMaxX() + "," + outer.getMaxY()
                        + ",urn:ogc:def:crs:EPSG::3857").getContentAsByteArray());
        GeoJsonReader reader = new GeoJsonReader();
        Map<String, JsonNode> wfsProps = new HashMap<>();
        Map<String, Geometry> wfsGeoms = new HashMap<>();
        Set<String> mustHave = new TreeSet<>();
        Set<String> mayHave = new TreeSet<>();
        for (JsonNode f : wfs.get("features")) {
            String code = f.get("properties").get("code").asText();
            Geometry g = reader.read(f.get("geometry").toString());
            wfsProps.put(code, f.get("properties"));
            wfsGeoms.put(code, g);
            if (g.intersects(GF.toGeometry(env))) {
                mustHave.add(code); // inside the tile proper: surely drawn
            }
            if (g.intersects(GF.toGeometry(outer))) {
                mayHave.add(code); // reaching the buffer: may be drawn
            }
        }
        Set<String> inTile = mvt.stream().map(f -> (String) f.getAttribute("code")).collect(Collectors.toCollection(TreeSet::new));
        assertThat(mustHave).contains("12202").hasSizeGreaterThan(5);
        assertThat(inTile).containsAll(mustHave);
        assertThat(mayHave).containsAll(inTile);
        assertThat(inTile).hasSize(mvt.size()); // one feature per commune

        for (VectorTile.Layer.Feature f : mvt) {
            String code = (String) f.getAttribute("code");
            JsonNode p = wfsProps.get(code);
            // Only the catalogue's carence.mvtAttributes for communes, with the WFS values.
            assertThat(f.getAttributes().keySet()).containsExactlyInAnyOrder("code", "nom", "dep", "population");
            assertThat(f.getAttribute("nom")).isEqualTo(p.get("nom").asText());
            assertThat(f.getAttribute("dep")).isEqualTo("12");
            assertThat(((Number) f.getAttribute("population")).longValue()).isEqualTo(p.get("population").asLong());
            // Shapes: generalised by at most a quarter pixel, quantised to 1/16 pixel, compared where both are drawn.
            Envelope clip = new Envelope(env);
            clip.expandBy(3 * pixel);
            // Repaired before the overlay: the encoder's rectangle clipping may leave degenerate edges
            // along the buffer's edge (outside the drawn tile), which JTS overlays refuse.
            Geometry drawn = GeometryFixer.fix(toWebMercator(f.getGeometry(), z, zrc[1], zrc[2])).intersection(GF.toGeometry(clip));
            Geometry expected = wfsGeoms.get(code).intersection(GF.toGeometry(clip));
            assertThat(DiscreteHausdorffDistance.distance(drawn, expected)).as(code).isLessThan(0.5 * pixel);
        }
    }

    /**
     * MVT 2.1 §4.3.4.4: rings without self-intersection or self-tangency. Over Rodez, from zoom 6 to 12
     * (the tile and its eight neighbours), no decoded polygon is invalid along the buffer's edge,
     * where the rectangle clipping used to leave edges touching themselves (128 of 3,755 invalid
     * before the repair, nearly all there); what rounding to tile units leaves inside stays rare.
     */
    @BothStores
    void decodedPolygonsAreValidAlongTheBufferEdgeAndRarelyInside(FeatureStore store) throws Exception {
        TileTestSupport t = tiles(store);
        int polygons = 0;
        List<String> invalid = new java.util.ArrayList<>();
        List<String> alongTheEdge = new java.util.ArrayList<>();
        for (int z = 6; z <= 12; z++) {
            long[] zrc = tileAt(RODEZ_LON, RODEZ_LAT, z);
            for (int dr = -1; dr <= 1; dr++) {
                for (int dc = -1; dc <= 1; dc++) {
                    VectorTileService.Tile tile = t.service.tile("communes", z, zrc[1] + dr, zrc[2] + dc, Optional.empty());
                    for (VectorTile.Layer.Feature f : decode(tile.mvt())) {
                        Geometry g = f.getGeometry();
                        for (int i = 0; i < g.getNumGeometries(); i++) {
                            polygons++;
                            org.locationtech.jts.operation.valid.IsValidOp op =
                                    new org.locationtech.jts.operation.valid.IsValidOp(g.getGeometryN(i));
                            if (!op.isValid()) {
                                org.locationtech.jts.geom.Coordinate at = op.getValidationError().getCoordinate();
                                String where = z + "/" + (zrc[1] + dr) + "/" + (zrc[2] + dc) + " " + f.getAttribute("code")
                                        + ": " + op.getValidationError();
                                invalid.add(where);
                                // The buffered square is [-64, 4160] in tile units (4 pixels of 256).
                                if (Math.min(Math.abs(at.x + 64), Math.abs(at.x - 4160)) < 1
                                        || Math.min(Math.abs(at.y + 64), Math.abs(at.y - 4160)) < 1) {
                                    alongTheEdge.add(where);
                                }
                            }
                        }
                    }
                }
            }
        }
        assertThat(polygons).isGreaterThan(1000);
        assertThat(alongTheEdge).isEmpty();
        assertThat(invalid.size()).as("invalid polygons: %s", invalid).isLessThan(polygons / 200);
    }

    /**
     * A tile of a layer held in the map cache asks the store's registry once (the layer's version,
     * its schema coming from the cache), whether the tile itself comes from the tile cache or is
     * encoded; and a reload is still seen at the next tile.
     */
    @BothStores
    void aTileOfALayerHeldInMemoryCostsOneRegistryQuery(FeatureStore store) throws Exception {
        OgcTestData.load(store);
        Map<String, Integer> calls = new java.util.TreeMap<>();
        FeatureStore counting = (FeatureStore) java.lang.reflect.Proxy.newProxyInstance(FeatureStore.class.getClassLoader(),
                new Class<?>[] {FeatureStore.class}, (proxy, method, args) -> {
                    calls.merge(method.getName(), 1, Integer::sum);
                    try {
                        return method.invoke(store, args);
                    } catch (java.lang.reflect.InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        TileTestSupport t = new TileTestSupport(counting, TilesSettings.defaults());
        long[] zrc = tileAt(RODEZ_LON, RODEZ_LAT, 9);
        byte[] first = t.service.tile("communes", 9, zrc[1], zrc[2], Optional.empty()).mvt(); // loads the layer
        calls.clear();
        assertThat(t.service.tile("communes", 9, zrc[1], zrc[2], Optional.empty()).mvt()).isEqualTo(first); // tile cache
        assertThat(calls).as("store calls for a cached tile").isEqualTo(Map.of("info", 1));
        calls.clear();
        t.service.tile("communes", 9, zrc[1], zrc[2] + 1, Optional.empty()); // encoded from the map cache
        assertThat(calls).as("store calls for an encoded tile").isEqualTo(Map.of("info", 1));

        // A reload (one commune fewer) is read at the next tile; the layer is then put back as it was
        // (the store is shared by the module's tests).
        LayerSchema schema = store.schema("communes").orElseThrow();
        LayerInfo.Source source = store.info("communes").orElseThrow().source();
        List<Feature> all = new java.util.ArrayList<>();
        try (fr.carence.store.FeatureCursor c = store.query("communes", fr.carence.store.FeatureQuery.all())) {
            c.forEachRemaining(all::add);
        }
        try {
            replace(store, schema, new LayerInfo.Source("communes", "fixture-sans-rodez", null),
                    all.stream().filter(f -> !"12202".equals(f.get("code"))).toList());
            long[] rodez = tileAt(RODEZ_LON, RODEZ_LAT, 12);
            Set<String> codes = decode(t.service.tile("communes", 12, rodez[1], rodez[2], Optional.empty()).mvt()).stream()
                    .map(f -> (String) f.getAttribute("code")).collect(Collectors.toSet());
            assertThat(codes).isNotEmpty().doesNotContain("12202");
        } finally {
            replace(store, schema, source, all);
        }
    }

    private static void replace(FeatureStore store, LayerSchema schema, LayerInfo.Source source, List<Feature> rows) {
        try (LayerWriter w = store.replaceLayer(schema, source)) {
            for (Feature f : rows) {
                w.write(f);
            }
            w.commit();
        }
    }

    @BothStores
    void aTileOfTheThreeDepartementsHoldsEachOfTheirCommunesOnce(FeatureStore store) throws Exception {
        // Tile 6/23/32 spans 0°–5.625°E, 40.98°–45.09°N: all of Aveyron, Lozère and Tarn, nothing of La Réunion.
        VectorTileService.Tile tile = tiles(store).service.tile("communes", 6, 23, 32, Optional.empty());
        Map<String, Integer> perDep = new LinkedHashMap<>();
        for (VectorTile.Layer.Feature f : decode(tile.mvt())) {
            perDep.merge((String) f.getAttribute("dep"), 1, Integer::sum);
        }
        Map<String, Integer> source = new HashMap<>(OgcTestData.communesPerDepartement());
        source.remove("974");
        assertThat(perDep).isEqualTo(source);
    }

    @org.junit.jupiter.api.Test
    void theSignedAreaIsPositiveForTheExteriorRingOfTheSpecificationsFixture() {
        // mapbox/mvt-fixtures 054 "clipped square": MoveTo(-1,-1) LineTo(+4098,0)(0,+4098)(-4098,0), an exterior ring.
        assertThat(RawMvt.signedArea2(new long[] {-1, -1, 4097, -1, 4097, 4097, -1, 4097})).isEqualTo(2L * 4098 * 4098);
        // The same ring the other way round is a hole.
        assertThat(RawMvt.signedArea2(new long[] {-1, -1, -1, 4097, 4097, 4097, 4097, -1})).isEqualTo(-2L * 4098 * 4098);
    }

    @BothStores
    void exteriorRingsAreClockwiseOnScreenAsTheMvtSpecificationAsks(FeatureStore store) {
        // MVT 2.1 §4.3.4.4: an exterior ring has a positive surveyor's-formula area in tile
        // coordinates (y down), an interior ring a negative one; OpenLayers and GDAL rely on it.
        VectorTileService.Tile tile = tiles(store).service.tile("communes", 6, 23, 32, Optional.empty());
        List<RawMvt.PolygonFeature> polygons = RawMvt.polygons(tile.mvt());
        assertThat(polygons).hasSizeGreaterThan(700);
        for (RawMvt.PolygonFeature p : polygons) {
            assertThat(RawMvt.signedArea2(p.rings().get(0))).isPositive();
            for (long[] ring : p.rings().subList(1, p.rings().size())) {
                // Communes are single polygons or polygons with enclaves: no part lies inside a hole.
                assertThat(RawMvt.signedArea2(ring)).isNotZero();
            }
        }
    }

    @BothStores
    void layersWithoutAnAttributeListGetTheirIdAndName(FeatureStore store) throws Exception {
        VectorTileService.Tile tile = tiles(store).service.tile("departements", 6, 23, 32, Optional.empty());
        List<VectorTile.Layer.Feature> deps = decode(tile.mvt());
        assertThat(deps).extracting(f -> f.getAttribute("code")).containsExactlyInAnyOrder("12", "48", "81");
        assertThat(deps).allSatisfy(f -> assertThat(f.getAttributes().keySet()).containsExactly("code", "nom"));
        assertThat(deps).extracting(f -> f.getLayer().getName()).containsOnly("departements");
    }

    @BothStores
    void aTileWithoutFeatureIsEmptyAndTilesOutsideTheMatrixAreRefused(FeatureStore store) {
        TileTestSupport t = tiles(store);
        // Bay of Biscay, 45°N 5°W.
        long[] sea = tileAt(-5, 45, 9);
        assertThat(t.service.tile("communes", 9, sea[1], sea[2], Optional.empty()).empty()).isTrue();
        assertThatThrownBy(() -> t.service.tile("communes", 3, 8, 0, Optional.empty()))
                .isInstanceOf(TileException.class).hasMessageContaining("tileRow").hasMessageContaining("de 0 à 7");
        assertThatThrownBy(() -> t.service.tile("communes", 25, 0, 0, Optional.empty()))
                .isInstanceOf(TileException.class).hasMessageContaining("tileMatrix");
        assertThatThrownBy(() -> t.service.tile("communes_insee", 6, 23, 32, Optional.empty()))
                .isInstanceOf(TileException.class).hasMessageContaining("n'a pas de géométrie");
        assertThatThrownBy(() -> t.service.tile("carence:communes", 6, 23, 32, Optional.empty()))
                .isInstanceOf(TileException.class).hasMessage("Collection inconnue : « carence:communes ».");
    }

    @BothStores
    void restrictedLayersAreUnknownToAnonymousCallersAndPrivateToOthers(FeatureStore store) throws Exception {
        TileTestSupport t = tiles(store);
        assertThatThrownBy(() -> t.service.tile("sites_candidats", 6, 23, 32, Optional.empty()))
                .isInstanceOf(TileException.class).hasMessage("Collection inconnue : « sites_candidats ».");
        assertThat(t.service.layers()).extracting(l -> l.published().name()).doesNotContain("sites_candidats");
        t.roles.set(Set.of("PLANNER"));
        assertThatThrownBy(() -> t.service.tile("sites_candidats", 6, 23, 32, Optional.empty()))
                .isInstanceOf(TileException.class).hasMessage("Collection inconnue : « sites_candidats ».");
        t.roles.set(Set.of("FUNDER"));
        VectorTileService.Tile tile = t.service.tile("sites_candidats", 6, 23, 32, Optional.empty());
        assertThat(tile.restricted()).isTrue();
        // Fixture: 5 sites in scenario "defaut", ranked 1 to 5 (default attributes: id only, no "nom").
        assertThat(decode(tile.mvt())).extracting(f -> (String) f.getAttribute("id"))
                .hasSize(5).allSatisfy(id -> assertThat(id).startsWith("defaut:"));
        VectorTileService.Tile other = t.service.tile("sites_candidats", 6, 23, 32, Optional.of("teletravail_fort"));
        assertThat(decode(other.mvt())).extracting(f -> (String) f.getAttribute("id"))
                .hasSize(3).allSatisfy(id -> assertThat(id).startsWith("teletravail_fort:"));
        assertThat(t.service.tile("sites_candidats", 6, 23, 32, Optional.of("inconnu")).empty()).isTrue();
    }

    @BothStores
    void aNewRunReencodesOnlyItsScenarioAndAReloadOnlyItsLayer(FeatureStore store) throws Exception {
        TileTestSupport t = tiles(store);
        LayerSchema schema = new LayerSchema("zones_carence", List.of(Attribute.required("id", AttributeType.STRING),
                Attribute.required("scenario", AttributeType.STRING), Attribute.required("rang", AttributeType.INTEGER)),
                GeometryType.MULTIPOLYGON, "id");
        Geometry rodez = communeGeometry(store, "12202");
        writeZone(store, schema, "defaut", 1, rodez);
        writeZone(store, schema, "autre", 7, rodez);
        long[] zrc = tileAt(RODEZ_LON, RODEZ_LAT, 8);
        int z = (int) zrc[0];
        TileCache cache = t.service.tileCache();

        VectorTileService.Tile communes = t.service.tile("communes", z, zrc[1], zrc[2], Optional.empty());
        VectorTileService.Tile zone = t.service.tile("zones_carence", z, zrc[1], zrc[2], Optional.empty());
        assertThat(decode(zone.mvt())).extracting(f -> ((Number) f.getAttribute("rang")).intValue()).containsExactly(1);
        assertThat(decode(t.service.tile("zones_carence", z, zrc[1], zrc[2], Optional.of("autre")).mvt()))
                .extracting(f -> ((Number) f.getAttribute("rang")).intValue()).containsExactly(7);
        assertThat(cache.encodings()).isEqualTo(3);
        assertThat(t.service.tile("zones_carence", z, zrc[1], zrc[2], Optional.empty()).etag()).isEqualTo(zone.etag());
        assertThat(cache.encodings()).as("a repeated tile is served from memory").isEqualTo(3);

        // A new run of scenario "autre" rewrites its partition (the layer's registry version changes):
        // only the "autre" tile is encoded again; "defaut" and the communes stay in memory.
        writeZone(store, schema, "autre", 2, rodez);
        assertThat(decode(t.service.tile("zones_carence", z, zrc[1], zrc[2], Optional.of("autre")).mvt()))
                .extracting(f -> ((Number) f.getAttribute("rang")).intValue()).containsExactly(2);
        assertThat(cache.encodings()).isEqualTo(4);
        assertThat(t.service.tile("zones_carence", z, zrc[1], zrc[2], Optional.empty()).etag()).isEqualTo(zone.etag());
        assertThat(t.service.tile("communes", z, zrc[1], zrc[2], Optional.empty()).etag()).isEqualTo(communes.etag());
        assertThat(cache.encodings()).as("other scenario and other layer not re-encoded").isEqualTo(4);

        // Deleting a scenario empties its tiles, the other scenario's stay.
        store.deletePartition("zones_carence", "scenario", "autre");
        assertThat(t.service.tile("zones_carence", z, zrc[1], zrc[2], Optional.of("autre")).empty()).isTrue();
        assertThat(t.service.tile("zones_carence", z, zrc[1], zrc[2], Optional.empty()).etag()).isEqualTo(zone.etag());
        assertThat(cache.encodings()).isEqualTo(5);

        // Reloading an input layer re-encodes that layer only.
        writeZone(store, schema, "autre", 3, rodez);
        replaceWithSame(store, "communes");
        t.service.tile("communes", z, zrc[1], zrc[2], Optional.empty());
        assertThat(cache.encodings()).isEqualTo(6);
        t.service.tile("zones_carence", z, zrc[1], zrc[2], Optional.empty());
        assertThat(cache.encodings()).isEqualTo(6);
        LayerInfo info = store.info("communes").orElseThrow();
        assertThat(cache.holdsVersion("communes", "layer:" + info.committedAt() + "/" + info.featureCount())).isTrue();
    }

    @BothStores
    void tilesAndWmsMapsDrawFromOneCopyOfTheLayer(FeatureStore store) throws Exception {
        OgcTestData.load(store);
        LayerFeatureCache shared = new LayerFeatureCache(store, 256L << 20);
        TileTestSupport t = new TileTestSupport(store, TilesSettings.defaults(), shared);
        long[] zrc = tileAt(RODEZ_LON, RODEZ_LAT, 9);
        assertThat(t.service.tile("communes", (int) zrc[0], zrc[1], zrc[2], Optional.empty()).empty()).isFalse();
        CachedLayer held = shared.layer("communes").orElseThrow();
        long bytes = shared.usedBytes();

        WmsService wms = new WmsService(store, t.catalog, WmsSettings.defaults(), shared);
        MockHttpServletResponse map = fr.carence.ogc.testdata.Answers.send(wms, Map.of("SERVICE", "WMS", "VERSION", "1.3.0", "REQUEST", "GetMap",
                "LAYERS", "communes", "STYLES", "", "CRS", "EPSG:3857", "BBOX", bboxOf(zrc), "WIDTH", "256",
                "HEIGHT", "256", "FORMAT", "image/png"), "http://localhost/wms");
        assertThat(map.getContentType()).isEqualTo("image/png");
        // The map drew from the layer the tile loaded: same object, no second copy of the features
        // (only a generalisation level the map needed may have been added).
        assertThat(shared.layer("communes").orElseThrow()).isSameAs(held);
        assertThat(shared.usedBytes()).isGreaterThanOrEqualTo(bytes);
    }

    private static String bboxOf(long[] zrc) {
        Envelope e = WebMercatorQuad.envelope((int) zrc[0], zrc[1], zrc[2]);
        return e.getMinX() + "," + e.getMinY() + "," + e.getMaxX() + "," + e.getMaxY();
    }

    /** Publishes the layer again with the same rows: a new committed version, as a reload of the same file. */
    private static void replaceWithSame(FeatureStore store, String layer) {
        LayerSchema schema = store.schema(layer).orElseThrow();
        List<Feature> rows = new java.util.ArrayList<>();
        try (var c = store.query(layer, fr.carence.store.FeatureQuery.all())) {
            while (c.hasNext()) {
                rows.add(c.next());
            }
        }
        try (LayerWriter w = store.replaceLayer(schema, new LayerInfo.Source("communes", "test reload", null))) {
            for (Feature f : rows) {
                w.write(f);
            }
            w.commit();
        }
    }

    @BothStores
    void withoutCachesTilesAreReadFromTheStoreAndMatch(FeatureStore store) throws Exception {
        OgcTestData.load(store);
        TileTestSupport cached = new TileTestSupport(store, TilesSettings.defaults());
        TileTestSupport direct = new TileTestSupport(store, new TilesSettings(0, 4), new LayerFeatureCache(store, 0));
        long[] zrc = tileAt(RODEZ_LON, RODEZ_LAT, 12);
        int z = (int) zrc[0];
        List<VectorTile.Layer.Feature> a = decode(cached.service.tile("communes", z, zrc[1], zrc[2], Optional.empty()).mvt());
        List<VectorTile.Layer.Feature> b = decode(direct.service.tile("communes", z, zrc[1], zrc[2], Optional.empty()).mvt());
        assertThat(b).extracting(f -> f.getAttribute("code")).containsExactlyInAnyOrderElementsOf(
                a.stream().map(f -> f.getAttribute("code")).toList());
        assertThat(direct.service.tileCache().hits()).isZero();
    }

    @BothStores
    void aZoneCoveringTheTileBecomesTheBufferedSquareWithItsHoleFromTheCacheAndFromTheStore(FeatureStore store)
            throws Exception {
        OgcTestData.load(store);
        LayerSchema schema = new LayerSchema("zones_carence", List.of(Attribute.required("id", AttributeType.STRING),
                Attribute.required("scenario", AttributeType.STRING), Attribute.required("rang", AttributeType.INTEGER)),
                GeometryType.MULTIPOLYGON, "id");
        // A Lambert-93 square of 200 km around the centre of the z11 tile over Rodez, with a 2 km
        // square hole there.
        long[] zrc = tileAt(RODEZ_LON, RODEZ_LAT, 11);
        int z = (int) zrc[0];
        Envelope tile = WebMercatorQuad.envelope(z, zrc[1], zrc[2]);
        org.locationtech.jts.geom.Coordinate c = fr.carence.crs.CrsTransforms.transform(GF.createPoint(tile.centre()),
                WebMercatorQuad.EPSG, FeatureStore.STORAGE_SRID).getCoordinate();
        Geometry zone = GF.createMultiPolygon(new org.locationtech.jts.geom.Polygon[] {GF.createPolygon(
                GF.createLinearRing(square(c, 100_000)), new org.locationtech.jts.geom.LinearRing[] {
                        GF.createLinearRing(square(c, 1_000))})});
        zone.setSRID(FeatureStore.STORAGE_SRID);
        writeZone(store, schema, "defaut", 1, zone);
        TileTestSupport cached = new TileTestSupport(store, TilesSettings.defaults());
        TileTestSupport direct = new TileTestSupport(store, new TilesSettings(0, 4), new LayerFeatureCache(store, 0));
        for (TileTestSupport t : List.of(cached, direct)) {
            byte[] mvt = t.service.tile("zones_carence", z, zrc[1], zrc[2], Optional.empty()).mvt();
            org.locationtech.jts.geom.Polygon p = (org.locationtech.jts.geom.Polygon) decode(mvt).get(0).getGeometry();
            // The shell is the tile grown by its 4-pixel buffer (64 of 4,096 units), exactly.
            assertThat(p.getExteriorRing().getEnvelopeInternal()).isEqualTo(new Envelope(-64, 4160, -64, 4160));
            assertThat(p.getExteriorRing().getNumPoints()).isEqualTo(5);
            // The hole: 2 km on the ground, some 2.8 km of EPSG:3857 at 44°N, i.e. about 590 of the
            // 4,096 units of a z11 tile (19.6 km), in the middle of the tile.
            assertThat(p.getNumInteriorRing()).isEqualTo(1);
            Envelope hole = p.getInteriorRingN(0).getEnvelopeInternal();
            assertThat(hole.getWidth()).isBetween(500.0, 700.0);
            assertThat(new Envelope(0, 4096, 0, 4096).contains(hole)).isTrue();
            List<long[]> rings = RawMvt.polygons(mvt).get(0).rings();
            assertThat(RawMvt.signedArea2(rings.get(0))).isEqualTo(2L * 4224 * 4224);
            assertThat(RawMvt.signedArea2(rings.get(1))).isNegative();
        }
    }

    /** A closed square ring of half-side {@code half} around {@code c}. */
    private static org.locationtech.jts.geom.Coordinate[] square(org.locationtech.jts.geom.Coordinate c, double half) {
        return new org.locationtech.jts.geom.Coordinate[] {new org.locationtech.jts.geom.Coordinate(c.x - half, c.y - half),
                new org.locationtech.jts.geom.Coordinate(c.x + half, c.y - half),
                new org.locationtech.jts.geom.Coordinate(c.x + half, c.y + half),
                new org.locationtech.jts.geom.Coordinate(c.x - half, c.y + half),
                new org.locationtech.jts.geom.Coordinate(c.x - half, c.y - half)};
    }

    private static Geometry communeGeometry(FeatureStore store, String code) {
        try (var c = store.query("communes", fr.carence.store.FeatureQuery.all().withFilter(new fr.carence.store.filter.Filter.Compare(
                "code", fr.carence.store.filter.Filter.ComparisonOperator.EQ, code)))) {
            return c.next().geometry();
        }
    }

    private static void writeZone(FeatureStore store, LayerSchema schema, String scenario, int rang, Geometry g) {
        try (LayerWriter w = store.replacePartition(schema, "scenario", scenario,
                new LayerInfo.Source("scenario", "test zones_carence", null))) {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("id", scenario + ":z1");
            p.put("scenario", scenario);
            p.put("rang", rang);
            w.write(new Feature(scenario + ":z1", g, p));
            w.commit();
        }
    }
}
