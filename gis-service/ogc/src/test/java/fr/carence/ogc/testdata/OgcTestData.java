package fr.carence.ogc.testdata;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.carence.crs.CrsTransforms;
import fr.carence.store.Feature;
import fr.carence.store.FeatureStore;
import fr.carence.store.LayerInfo;
import fr.carence.store.LayerSchema;
import fr.carence.store.LayerSchema.Attribute;
import fr.carence.store.LayerSchema.AttributeType;
import fr.carence.store.LayerSchema.GeometryType;
import fr.carence.store.LayerWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.geojson.GeoJsonReader;

/**
 * Real data for the OGC tests, loaded through the store API: the COG 2026 communes of Aveyron,
 * Lozère, Tarn and La Réunion (polygons from shared/data/communes-geometry), the same communes
 * without geometry as {@code communes_insee}, their départements, and a small made-up result
 * layer {@code sites_candidats} (fixture: two scenarios, points on real communes).
 */
public final class OgcTestData {

    public static final Set<String> DEPARTEMENTS = Set.of("12", "48", "81", "974");

    private static Map<String, Integer> countsByDep;

    private OgcTestData() {
    }

    /** Communes per département in the source file, counted independently of the store. */
    public static synchronized Map<String, Integer> communesPerDepartement() {
        if (countsByDep == null) {
            Map<String, Integer> m = new java.util.TreeMap<>();
            readGeoJson(SharedData.dir().resolve("communes-geometry").resolve("communes-cog2026-dissolved.geojson.gz"),
                    (props, geom) -> {
                        String dep = props.get("dep").asText();
                        if (DEPARTEMENTS.contains(dep)) {
                            m.merge(dep, 1, Integer::sum);
                        }
                    });
            countsByDep = m;
        }
        return countsByDep;
    }

    public static int communesTotal() {
        return communesPerDepartement().values().stream().mapToInt(Integer::intValue).sum();
    }

    /** Loads the layers once per store (no-op when already there). */
    public static synchronized void load(FeatureStore store) {
        if (store.schema("sites_candidats").isPresent()) {
            return;
        }
        Path dir = SharedData.dir().resolve("communes-geometry");
        List<Map<String, Object>> communes = new ArrayList<>();
        List<Geometry> geometries = new ArrayList<>();
        readGeoJson(dir.resolve("communes-cog2026-dissolved.geojson.gz"), (props, geom) -> {
            if (DEPARTEMENTS.contains(props.get("dep").asText())) {
                Map<String, Object> p = new LinkedHashMap<>();
                p.put("code", props.get("code").asText());
                p.put("nom", props.get("nom").asText());
                p.put("dep", props.get("dep").asText());
                p.put("reg", props.get("reg").asText());
                p.put("epci", props.get("epci").isNull() ? null : props.get("epci").asText());
                p.put("population", props.get("population").isNull() ? null : props.get("population").asInt());
                communes.add(p);
                geometries.add(multi(CrsTransforms.transform(geom, 4326, FeatureStore.STORAGE_SRID)));
            }
        });
        List<Attribute> attrs = List.of(Attribute.required("code", AttributeType.STRING), Attribute.required("nom", AttributeType.STRING),
                Attribute.required("dep", AttributeType.STRING), Attribute.required("reg", AttributeType.STRING),
                Attribute.optional("epci", AttributeType.STRING), Attribute.optional("population", AttributeType.INTEGER));
        LayerInfo.Source source = new LayerInfo.Source("communes", "communes-cog2026-dissolved.geojson.gz", "COG 2026");
        try (LayerWriter w = store.replaceLayer(new LayerSchema("communes", attrs, GeometryType.MULTIPOLYGON, "code"), source)) {
            for (int i = 0; i < communes.size(); i++) {
                w.write(new Feature((String) communes.get(i).get("code"), geometries.get(i), communes.get(i)));
            }
            w.commit();
        }
        try (LayerWriter w = store.replaceLayer(new LayerSchema("communes_insee", attrs, GeometryType.NONE, "code"), source)) {
            for (Map<String, Object> c : communes) {
                w.write(new Feature((String) c.get("code"), null, c));
            }
            w.commit();
        }
        LayerSchema deps = new LayerSchema("departements", List.of(Attribute.required("code", AttributeType.STRING),
                Attribute.required("nom", AttributeType.STRING)), GeometryType.MULTIPOLYGON, "code");
        try (LayerWriter w = store.replaceLayer(deps, new LayerInfo.Source("limites", "departements-2018-avec-outre-mer.geojson.gz", "2018"))) {
            readGeoJson(dir.resolve("departements-2018-avec-outre-mer.geojson.gz"), (props, geom) -> {
                String code = props.get("code").asText();
                if (DEPARTEMENTS.contains(code)) {
                    Map<String, Object> p = new LinkedHashMap<>();
                    p.put("code", code);
                    p.put("nom", props.get("nom").asText());
                    w.write(new Feature(code, multi(CrsTransforms.transform(geom, 4326, FeatureStore.STORAGE_SRID)), p));
                }
            });
            w.commit();
        }
        loadSitesFixture(store, communes, geometries);
    }

    /** Made-up results (fixture): the 5 most populated communes per scenario, ranked by population. */
    private static void loadSitesFixture(FeatureStore store, List<Map<String, Object>> communes, List<Geometry> geometries) {
        LayerSchema schema = new LayerSchema("sites_candidats", List.of(Attribute.required("id", AttributeType.STRING),
                Attribute.required("scenario", AttributeType.STRING), Attribute.required("rang", AttributeType.INTEGER),
                Attribute.required("code_commune", AttributeType.STRING), Attribute.optional("demande_couverte", AttributeType.DOUBLE)),
                GeometryType.POINT, "id");
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < communes.size(); i++) {
            if (!"974".equals(communes.get(i).get("dep"))) {
                order.add(i);
            }
        }
        order.sort((a, b) -> Integer.compare(pop(communes.get(b)), pop(communes.get(a))));
        try (LayerWriter w = store.replaceLayer(schema, new LayerInfo.Source("scenario", "fixture-sites-candidats", null))) {
            for (String scenario : List.of("defaut", "teletravail_fort")) {
                int n = scenario.equals("defaut") ? 5 : 3;
                for (int r = 0; r < n; r++) {
                    int i = order.get(r + (scenario.equals("defaut") ? 0 : 5));
                    Map<String, Object> p = new LinkedHashMap<>();
                    String code = (String) communes.get(i).get("code");
                    p.put("id", scenario + ":" + code);
                    p.put("scenario", scenario);
                    p.put("rang", r + 1);
                    p.put("code_commune", code);
                    p.put("demande_couverte", pop(communes.get(i)) * 0.05);
                    Geometry point = geometries.get(i).getInteriorPoint();
                    point.setSRID(FeatureStore.STORAGE_SRID);
                    w.write(new Feature(scenario + ":" + code, point, p));
                }
            }
            w.commit();
        }
    }

    private static int pop(Map<String, Object> c) {
        Object p = c.get("population");
        return p == null ? 0 : (Integer) p;
    }

    private static Geometry multi(Geometry g) {
        Geometry out = g instanceof Polygon p ? g.getFactory().createMultiPolygon(new Polygon[] {p}) : g;
        if (!(out instanceof MultiPolygon)) {
            throw new IllegalStateException("expected polygons, got " + g.getGeometryType());
        }
        out.setSRID(FeatureStore.STORAGE_SRID);
        return out;
    }

    interface FeatureSink {
        void accept(JsonNode properties, Geometry geometry);
    }

    /** Streams a (gzipped) GeoJSON FeatureCollection one feature at a time. */
    static void readGeoJson(Path file, FeatureSink sink) {
        ObjectMapper mapper = new ObjectMapper();
        GeoJsonReader reader = new GeoJsonReader();
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file), 1 << 16);
             JsonParser p = mapper.getFactory().createParser(in)) {
            while (p.nextToken() != null) {
                if (p.currentToken() == JsonToken.FIELD_NAME && "features".equals(p.currentName())) {
                    p.nextToken();
                    while (p.nextToken() == JsonToken.START_OBJECT) {
                        JsonNode f = mapper.readTree(p);
                        Geometry g = reader.read(f.get("geometry").toString());
                        sink.accept(f.get("properties"), g);
                    }
                    return;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": " + e.getMessage(), e);
        } catch (ParseException e) {
            throw new IllegalStateException(file + ": bad geometry: " + e.getMessage(), e);
        }
    }
}
