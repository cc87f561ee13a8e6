package fr.carence.ogc.wms;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.carence.crs.CrsTransforms;
import fr.carence.ogc.catalog.Catalog;
import fr.carence.ogc.catalog.GeoServerCatalog;
import fr.carence.store.Feature;
import fr.carence.store.FeatureStore;
import fr.carence.store.LayerInfo;
import fr.carence.store.LayerSchema;
import fr.carence.store.LayerSchema.Attribute;
import fr.carence.store.LayerSchema.AttributeType;
import fr.carence.store.LayerWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.geojson.GeoJsonReader;

/**
 * Real data for the WMS tests: the communes of Aveyron, Cantal and Lozère (683 polygons) from
 * shared/data/communes-geometry, loaded through the store API as {@code communes}; and a
 * {@code indicateurs_communes} result layer over the same polygons whose values are a FIXTURE
 * (demande = population / 20 in scenario "defaut", population / 2000 in scenario
 * "fixture_b"), made up so the scenario parameter visibly changes the map.
 */
final class WmsTestData {

    static final Set<String> DEPARTEMENTS = Set.of("12", "15", "48");
    /** Aurillac (15014): point on surface from communes-cog2026-centroides.csv, population 26,214. */
    static final double AURILLAC_LON = 2.439893;
    static final double AURILLAC_LAT = 44.927845;
    static final int AURILLAC_POPULATION = 26_214;

    private static final GeometryFactory GF = new GeometryFactory(new PrecisionModel(), FeatureStore.STORAGE_SRID);
    private static final Set<FeatureStore> LOADED = Collections.newSetFromMap(new IdentityHashMap<>());
    private static List<Feature> communes;

    private WmsTestData() {
    }

    /** Loads both layers into the store once per store instance. */
    static synchronized void load(FeatureStore store) {
        if (LOADED.contains(store)) {
            return;
        }
        List<Feature> list = communes();
        LayerSchema schema = new LayerSchema("communes", List.of(Attribute.required("code", AttributeType.STRING),
                Attribute.required("nom", AttributeType.STRING), Attribute.required("dep", AttributeType.STRING),
                Attribute.required("reg", AttributeType.STRING), Attribute.optional("epci", AttributeType.STRING),
                Attribute.optional("population", AttributeType.INTEGER),
                Attribute.optional("codes_source", AttributeType.STRING)), LayerSchema.GeometryType.MULTIPOLYGON, "code");
        try (LayerWriter w = store.replaceLayer(schema, new LayerInfo.Source("communes",
                "communes-cog2026-dissolved.geojson.gz (dép. 12, 15, 48)", "COG 2026"))) {
            list.forEach(w::write);
            w.commit();
        }
        LayerSchema indicateurs = new LayerSchema("indicateurs_communes", List.of(
                Attribute.required("id", AttributeType.STRING), Attribute.required("scenario", AttributeType.STRING),
                Attribute.required("code", AttributeType.STRING), Attribute.required("nom", AttributeType.STRING),
                Attribute.optional("demande", AttributeType.DOUBLE), Attribute.optional("score_carence", AttributeType.DOUBLE),
                Attribute.optional("carence", AttributeType.BOOLEAN)), LayerSchema.GeometryType.MULTIPOLYGON, "id");
        writeScenario(store, indicateurs, "defaut", 20, list);
        writeScenario(store, indicateurs, "fixture_b", 2000, list);
        LOADED.add(store);
    }

    private static void writeScenario(FeatureStore store, LayerSchema schema, String scenario, double divisor,
                                      List<Feature> list) {
        try (LayerWriter w = store.replacePartition(schema, "scenario", scenario,
                new LayerInfo.Source("scenario", "WmsTestData fixture", null))) {
            for (Feature c : list) {
                Map<String, Object> p = new LinkedHashMap<>();
                p.put("id", scenario + ":" + c.id());
                p.put("scenario", scenario);
                p.put("code", c.id());
                p.put("nom", c.get("nom"));
                Object pop = c.get("population");
                p.put("demande", pop == null ? null : ((Integer) pop) / divisor);
                p.put("score_carence", null);
                p.put("carence", null);
                w.write(new Feature(scenario + ":" + c.id(), c.geometry(), p));
            }
            w.commit();
        }
    }

    /** The communes of the three départements, geometries in Lambert-93. */
    static synchronized List<Feature> communes() {
        if (communes != null) {
            return communes;
        }
        Path file = sharedData().resolve("communes-geometry/communes-cog2026-dissolved.geojson.gz");
        List<Feature> out = new ArrayList<>();
        ObjectMapper mapper = new ObjectMapper();
        GeoJsonReader reader = new GeoJsonReader();
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file), 1 << 16);
             JsonParser parser = mapper.getFactory().createParser(in)) {
            while (parser.nextToken() != null) {
                if (parser.currentToken() == JsonToken.FIELD_NAME && "features".equals(parser.currentName())) {
                    parser.nextToken();
                    while (parser.nextToken() == JsonToken.START_OBJECT) {
                        JsonNode f = mapper.readTree(parser);
                        JsonNode props = f.get("properties");
                        if (DEPARTEMENTS.contains(props.get("dep").asText()) && !f.get("geometry").isNull()) {
                            out.add(feature(props, reader.read(f.get("geometry").toString())));
                        }
                    }
                    break;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": " + e.getMessage(), e);
        } catch (ParseException e) {
            throw new IllegalStateException(file + ": bad geometry: " + e.getMessage(), e);
        }
        communes = List.copyOf(out);
        return communes;
    }

    private static Feature feature(JsonNode props, Geometry lonLat) {
        Geometry g = CrsTransforms.transform(lonLat, 4326, FeatureStore.STORAGE_SRID);
        MultiPolygon mp = g instanceof Polygon p ? GF.createMultiPolygon(new Polygon[] {p})
                : GF.createMultiPolygon(toPolygons(g));
        mp.setSRID(FeatureStore.STORAGE_SRID);
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("code", props.get("code").asText());
        p.put("nom", props.get("nom").asText());
        p.put("dep", props.get("dep").asText());
        p.put("reg", props.get("reg").asText());
        p.put("epci", props.hasNonNull("epci") ? props.get("epci").asText() : null);
        p.put("population", props.hasNonNull("population") ? props.get("population").asInt() : null);
        p.put("codes_source", props.hasNonNull("codes_2018") ? props.get("codes_2018").asText() : null);
        return new Feature(props.get("code").asText(), mp, p);
    }

    private static Polygon[] toPolygons(Geometry g) {
        Polygon[] out = new Polygon[g.getNumGeometries()];
        for (int i = 0; i < out.length; i++) {
            out[i] = (Polygon) g.getGeometryN(i);
        }
        return out;
    }

    /** The real catalogue (geoserver-data/) with the committed styles (sld-styles/). */
    static Catalog catalog() {
        return GeoServerCatalog.read(repoDir("geoserver-data"), repoDir("sld-styles"));
    }

    static Path sharedData() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            Path candidate = dir.resolve("shared").resolve("data");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
            dir = dir.getParent();
        }
        throw new IllegalStateException("shared/data not found above " + Path.of("").toAbsolutePath());
    }

    static Path repoDir(String name) {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            if (Files.isDirectory(dir.resolve(name))) {
                return dir.resolve(name);
            }
            dir = dir.getParent();
        }
        throw new IllegalStateException("folder " + name + " not found above " + Path.of("").toAbsolutePath());
    }
}
