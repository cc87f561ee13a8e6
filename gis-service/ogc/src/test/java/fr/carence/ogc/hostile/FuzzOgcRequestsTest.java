package fr.carence.ogc.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import fr.carence.ogc.testdata.SharedData;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Feeds malformed requests to every WFS and WMS operation through the real HTTP endpoint: the
 * requests QGIS sends (the golden files) and a hand-written valid request per operation, mutated
 * (parameters dropped, duplicated, truncated, swapped, replaced by hostile values, unknown ones
 * added, form POST instead of GET, XML bodies broken), plus random parameter sets. Every answer
 * must be a valid response or a well-formed exception report with a 4xx status
 * ({@code -Dfuzz.count=N} for a longer run; 2,000 by default)
 * ({@link OgcResponseCheck}). The seed is fixed (override with {@code -Dfuzz.seed=...}) and
 * printed with every failure, so a failure replays exactly.
 */
@SpringBootTest(classes = HostileTestServer.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "server.error.include-stacktrace=never", "server.error.include-message=never",
            "server.error.include-exception=false", "server.error.include-binding-errors=never",
            "server.error.whitelabel.enabled=false"})
class FuzzOgcRequestsTest {

    private static final long DEFAULT_SEED = 20261122L;
    private static final int REQUESTS = Integer.getInteger("fuzz.count", 2000);

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry r) {
        r.add("carence.catalog.dir", () -> SharedData.repoRoot().resolve("geoserver-data").toString());
        r.add("carence.styles.dir", () -> SharedData.repoRoot().resolve("sld-styles").toString());
        r.add("carence.ogc.max-features", () -> "50");
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    /** One request to send. */
    record Call(String path, String method, Map<String, String> params, String xmlBody) {

        String describe() {
            String kvp = query(params);
            return method + " " + path + (kvp.isEmpty() ? "" : "?" + abbreviate(kvp))
                    + (xmlBody == null ? "" : " body=" + abbreviate(xmlBody));
        }

        OgcResponseCheck.Dialect dialect() {
            String service = params.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase("SERVICE"))
                    .map(Map.Entry::getValue).reduce((a, b) -> b).orElse("");  // the server keeps the last of duplicates
            if (service.isBlank()) {
                return path.endsWith("/wms") ? OgcResponseCheck.Dialect.WMS : OgcResponseCheck.Dialect.OWS;
            }
            return service.trim().equalsIgnoreCase("WMS") ? OgcResponseCheck.Dialect.WMS : OgcResponseCheck.Dialect.OWS;
        }
    }

    @Test
    void malformedRequestsGetAValidAnswerOrAWellFormedException() throws Exception {
        long seed = Long.getLong("fuzz.seed", DEFAULT_SEED);
        Random random = new Random(seed);
        System.out.printf("fuzz: seed %d, %d requests%n", seed, REQUESTS);
        List<Call> bases = baseRequests();
        // The unmutated requests must work: otherwise the mutations test nothing.
        for (Call base : bases) {
            Answer a = send(base);
            assertThat(a.status).as("seed %d, base request %s answered %s", seed, base.describe(), a.abbreviatedBody())
                    .isEqualTo(200);
        }
        Mutator mutator = new Mutator(random);
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < REQUESTS; i++) {
            Call call = random.nextInt(10) == 0 ? mutator.randomCall() : mutator.mutate(bases.get(random.nextInt(bases.size())));
            Answer a = send(call);
            boolean html = call.params.values().stream().anyMatch(v -> v.equalsIgnoreCase("text/html"));
            Optional<String> problem = OgcResponseCheck.problem(a.status, a.contentType, a.body, call.dialect(), html);
            problem.ifPresent(p -> failures.add("#" + failures.size() + " " + p + " (status " + a.status + ", "
                    + a.contentType + "): " + call.describe() + " -> " + a.abbreviatedBody()));
        }
        assertThat(failures).as("fuzz seed %d (replay with -Dfuzz.seed=%d): %d of %d requests got a bad answer",
                seed, seed, failures.size(), REQUESTS).isEmpty();
    }

    /** The golden-file requests plus one valid request per operation and format. */
    static List<Call> baseRequests() throws IOException {
        List<Call> out = new ArrayList<>();
        Path golden = SharedData.repoRoot().resolve("gis-service/ogc/src/test/resources/golden");
        try (Stream<Path> files = Files.walk(golden)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".request")).sorted().toList()) {
                Map<String, String> p = parse(Files.readString(f).trim());
                out.add(new Call(p.getOrDefault("SERVICE", "WFS").equals("WMS") ? "/wms" : "/wfs", "GET", p, null));
            }
        }
        String wfs = "SERVICE=WFS&VERSION=2.0.0&REQUEST=";
        String filter = "<fes:Filter xmlns:fes=\"http://www.opengis.net/fes/2.0\"><fes:PropertyIsEqualTo>"
                + "<fes:ValueReference>dep</fes:ValueReference><fes:Literal>48</fes:Literal></fes:PropertyIsEqualTo></fes:Filter>";
        for (String q : List.of(
                wfs + "GetFeature&TYPENAMES=carence:communes&COUNT=5&OUTPUTFORMAT=application/json&SORTBY=nom DESC&PROPERTYNAME=nom,population",
                wfs + "GetFeature&TYPENAMES=communes&COUNT=3&OUTPUTFORMAT=text/csv&SRSNAME=EPSG:4326",
                wfs + "GetFeature&TYPENAMES=communes&COUNT=2&OUTPUTFORMAT=application/geopackage%2Bsqlite3",
                wfs + "GetFeature&TYPENAMES=communes&COUNT=4&FILTER=" + URLEncoder.encode(filter, StandardCharsets.UTF_8),
                wfs + "GetFeature&RESOURCEID=communes.48095,departements.48",
                wfs + "GetFeature&TYPENAMES=(communes)(departements)&COUNT=3&BBOX=44.4,3.4,44.6,3.6,urn:ogc:def:crs:EPSG::4326",
                wfs + "GetFeature&TYPENAMES=sites_candidats&SCENARIO=teletravail_fort&RESULTTYPE=hits",
                wfs + "GetFeature&STOREDQUERY_ID=urn:ogc:def:query:OGC-WFS::GetFeatureById&ID=communes.48095",
                wfs + "GetPropertyValue&TYPENAMES=communes&VALUEREFERENCE=nom&COUNT=3&STARTINDEX=2",
                wfs + "ListStoredQueries",
                wfs + "DescribeStoredQueries&STOREDQUERY_ID=urn:ogc:def:query:OGC-WFS::GetFeatureById",
                wfs + "DescribeFeatureType")) {
            out.add(new Call("/wfs", "GET", parse(q), null));
        }
        String map = "SERVICE=WMS&VERSION=1.3.0&REQUEST=GetMap&CRS=EPSG:2154&BBOX=700000,6350000,780000,6420000&WIDTH=128&HEIGHT=112";
        String sld = "<StyledLayerDescriptor version=\"1.0.0\" xmlns=\"http://www.opengis.net/sld\"><NamedLayer><Name>carence:communes</Name>"
                + "<UserStyle><FeatureTypeStyle><Rule><PolygonSymbolizer><Fill><CssParameter name=\"fill\">#00ff00</CssParameter></Fill>"
                + "</PolygonSymbolizer></Rule></FeatureTypeStyle></UserStyle></NamedLayer></StyledLayerDescriptor>";
        for (String q : List.of(
                map + "&LAYERS=carence:communes&STYLES=&FORMAT=image/png",
                map + "&LAYERS=carence:departements,carence:sites_candidats&STYLES=,&FORMAT=image/jpeg&SCENARIO=teletravail_fort",
                map + "&LAYERS=communes&FORMAT=image/png8&TRANSPARENT=TRUE&EXCEPTIONS=INIMAGE",
                "SERVICE=WMS&VERSION=1.3.0&REQUEST=GetMap&CRS=EPSG:4326&BBOX=44.0,2.0,45.0,4.0&WIDTH=100&HEIGHT=50&LAYERS=communes&FORMAT=image/png",
                "SERVICE=WMS&VERSION=1.3.0&REQUEST=GetMap&CRS=EPSG:2154&BBOX=700000,6350000,780000,6420000&WIDTH=64&HEIGHT=56&FORMAT=image/png&SLD_BODY="
                        + URLEncoder.encode(sld, StandardCharsets.UTF_8),
                map.replace("GetMap", "GetFeatureInfo") + "&LAYERS=communes&QUERY_LAYERS=communes&I=60&J=50&INFO_FORMAT=application/json",
                map.replace("GetMap", "GetFeatureInfo") + "&LAYERS=communes&QUERY_LAYERS=communes&I=60&J=50&INFO_FORMAT=text/html",
                map.replace("GetMap", "GetFeatureInfo") + "&LAYERS=communes&QUERY_LAYERS=communes&I=60&J=50&INFO_FORMAT=text/plain&FEATURE_COUNT=3",
                "SERVICE=WMS&VERSION=1.3.0&REQUEST=GetLegendGraphic&LAYER=carence:sites_candidats&FORMAT=image/png&WIDTH=16&HEIGHT=16")) {
            out.add(new Call("/wms", "GET", parse(q), null));
        }
        out.add(new Call("/wfs", "POST", Map.of(), XML_GET_FEATURE));
        out.add(new Call("/ows", "POST", Map.of(), "<wfs:GetCapabilities xmlns:wfs=\"http://www.opengis.net/wfs/2.0\" service=\"WFS\"/>"));
        out.add(new Call("/wfs", "POST", Map.of(), "<wfs:GetPropertyValue xmlns:wfs=\"http://www.opengis.net/wfs/2.0\" service=\"WFS\" "
                + "version=\"2.0.0\" valueReference=\"population\" count=\"3\"><wfs:Query typeNames=\"carence:communes\" "
                + "srsName=\"urn:ogc:def:crs:EPSG::4326\"><wfs:PropertyName>nom</wfs:PropertyName></wfs:Query></wfs:GetPropertyValue>"));
        out.add(new Call("/wfs", "POST", Map.of(), "<wfs:DescribeFeatureType xmlns:wfs=\"http://www.opengis.net/wfs/2.0\" service=\"WFS\" "
                + "version=\"2.0.0\"><wfs:TypeName>carence:departements</wfs:TypeName></wfs:DescribeFeatureType>"));
        out.add(new Call("/wfs", "POST", Map.of(), "<wfs:GetFeature xmlns:wfs=\"http://www.opengis.net/wfs/2.0\" service=\"WFS\" "
                + "version=\"2.0.0\" outputFormat=\"application/json\"><wfs:StoredQuery id=\"urn:ogc:def:query:OGC-WFS::GetFeatureById\">"
                + "<wfs:Parameter name=\"ID\">communes.48095</wfs:Parameter></wfs:StoredQuery></wfs:GetFeature>"));
        return out;
    }

    static final String XML_GET_FEATURE = "<wfs:GetFeature xmlns:wfs=\"http://www.opengis.net/wfs/2.0\" "
            + "xmlns:fes=\"http://www.opengis.net/fes/2.0\" service=\"WFS\" version=\"2.0.0\" count=\"3\">"
            + "<wfs:Query typeNames=\"carence:communes\"><fes:Filter><fes:PropertyIsLike wildCard=\"*\" singleChar=\".\" escapeChar=\"!\">"
            + "<fes:ValueReference>nom</fes:ValueReference><fes:Literal>Saint*</fes:Literal></fes:PropertyIsLike></fes:Filter>"
            + "<fes:SortBy><fes:SortProperty><fes:ValueReference>population</fes:ValueReference><fes:SortOrder>DESC</fes:SortOrder>"
            + "</fes:SortProperty></fes:SortBy></wfs:Query></wfs:GetFeature>";

    static Map<String, String> parse(String kvp) {
        Map<String, String> p = new LinkedHashMap<>();
        for (String pair : kvp.split("&")) {
            int eq = pair.indexOf('=');
            p.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return p;
    }

    static String query(Map<String, String> params) {
        StringBuilder sb = new StringBuilder();
        params.forEach((k, v) -> sb.append(sb.length() == 0 ? "" : "&").append(URLEncoder.encode(k, StandardCharsets.UTF_8))
                .append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return sb.toString();
    }

    static String abbreviate(String s) {
        return s.length() <= 400 ? s : s.substring(0, 400) + "…(" + s.length() + " chars)";
    }

    record Answer(int status, String contentType, byte[] body) {
        String abbreviatedBody() {
            return abbreviate(new String(body, StandardCharsets.UTF_8).replace('\n', ' '));
        }
    }

    private Answer send(Call call) throws Exception {
        String base = "http://127.0.0.1:" + port + call.path;
        HttpRequest.Builder b;
        if (call.xmlBody != null) {
            b = HttpRequest.newBuilder(URI.create(base + (call.params.isEmpty() ? "" : "?" + query(call.params))))
                    .header("Content-Type", "application/xml").POST(HttpRequest.BodyPublishers.ofString(call.xmlBody));
        } else if (call.method.equals("POST")) {
            b = HttpRequest.newBuilder(URI.create(base)).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(query(call.params)));
        } else {
            String q = query(call.params);
            b = HttpRequest.newBuilder(URI.create(base + (q.isEmpty() ? "" : "?" + q))).GET();
        }
        HttpResponse<byte[]> r = http.send(b.timeout(Duration.ofSeconds(120)).build(), HttpResponse.BodyHandlers.ofByteArray());
        return new Answer(r.statusCode(), r.headers().firstValue("Content-Type").orElse(null), r.body());
    }

    /** Random changes to a request; every choice comes from the seeded {@link Random}. */
    static final class Mutator {

        static final List<String> PARAMETERS = List.of("SERVICE", "VERSION", "REQUEST", "TYPENAMES", "TYPENAME", "PROPERTYNAME",
                "SORTBY", "FILTER", "RESOURCEID", "BBOX", "SRSNAME", "COUNT", "MAXFEATURES", "STARTINDEX", "RESULTTYPE",
                "OUTPUTFORMAT", "STOREDQUERY_ID", "ID", "VALUEREFERENCE", "ACCEPTVERSIONS", "SCENARIO", "LAYERS", "STYLES",
                "CRS", "WIDTH", "HEIGHT", "FORMAT", "TRANSPARENT", "BGCOLOR", "EXCEPTIONS", "QUERY_LAYERS", "I", "J",
                "INFO_FORMAT", "FEATURE_COUNT", "LAYER", "STYLE", "SCALE", "SLD_BODY", "SLD", "NAMESPACES", "TIME");
        static final List<String> OPERATIONS = List.of("GetCapabilities", "DescribeFeatureType", "GetFeature", "GetPropertyValue",
                "ListStoredQueries", "DescribeStoredQueries", "GetMap", "GetFeatureInfo", "GetLegendGraphic", "Transaction",
                "LockFeature", "DescribeLayer", "getmap", "GETFEATURE", "");
        static final List<String> HOSTILE = List.of("", " ", ",", ",,,", "-1", "0", "-0", "1e309", "-1e309", "NaN", "Infinity",
                "2147483648", "-2147483649", "9223372036854775808", "99999999999999999999999", "0x10", "1,2", "1,2,3", "1,2,3,4,5,6",
                "a,b,c,d", "1,1,1,1", "4,3,2,1", "-180,-90,180,90", "-1e300,-1e300,1e300,1e300", "0,0,1e-300,1e-300", "(", ")", "()",
                "((", "(a)(b)(c)", "'", "''", "\"", "' OR '1'='1", "'; DROP TABLE communes; --", "1; DELETE FROM carence_layers",
                "nom; DROP TABLE x", "nom\" DESC --", "population ASC, code DESC, nom A", "geom", "@id", "..", "//*", "*",
                "carence:", ":", "carence:communes:extra", "urn:ogc:def:crs:EPSG::", "EPSG:", "EPSG:99999", "EPSG:-1",
                "urn:ogc:def:crs:EPSG::4326", "CRS:84", "AUTO:42001,9001,0,45", "image/", "image/svg+xml", "text/html",
                "application/json; charset=", "\u0000", "\u202e", "é", "𝔘", "%00", "%", "%zz", "<", ">", "&", "<a>", "<!-- -->",
                "<fes:Filter/>", "<Filter><PropertyIsEqualTo><PropertyName>nom</PropertyName></PropertyIsEqualTo></Filter>",
                "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><x>&e;</x>",
                "<StyledLayerDescriptor/>", "communes.", ".48095", "communes.'", "urn:ogc:def:query:OGC-WFS::GetFeatureById",
                "TRUE", "FALSE", "true", "yes", "#GGGGGG", "0xFFFFFFF", "INIMAGE", "BLANK", "XML", "hits", "results", "index",
                "2.0.0", "1.1.0", "1.3.0", "1.1.1", "2.0.2", "WFS", "WMS", "WCS", "default", "x".repeat(3000));

        private final Random random;

        Mutator(Random random) {
            this.random = random;
        }

        <T> T pick(List<T> list) {
            return list.get(random.nextInt(list.size()));
        }

        String hostileValue() {
            return switch (random.nextInt(6)) {
                case 0 -> String.valueOf(random.nextInt(20_000) - 10_000);
                case 1 -> String.valueOf(random.nextDouble() * Math.pow(10, random.nextInt(40) - 10) * (random.nextBoolean() ? 1 : -1));
                case 2 -> randomText(1 + random.nextInt(30));
                default -> pick(HOSTILE);
            };
        }

        String randomText(int length) {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < length; i++) {
                sb.append((char) (random.nextInt(4) == 0 ? random.nextInt(0x3000) : 32 + random.nextInt(95)));
            }
            return sb.toString();
        }

        Call mutate(Call base) {
            if (base.xmlBody != null) {
                return new Call(base.path, "POST", base.params, mutateXml(base.xmlBody));
            }
            Map<String, String> p = new LinkedHashMap<>(base.params);
            int changes = 1 + random.nextInt(3);
            for (int c = 0; c < changes; c++) {
                List<String> keys = new ArrayList<>(p.keySet());
                String key = keys.isEmpty() ? pick(PARAMETERS) : pick(keys);
                switch (random.nextInt(9)) {
                    case 0 -> p.remove(key);
                    case 1 -> p.put(key, hostileValue());
                    case 2 -> p.put(key, truncate(p.getOrDefault(key, "")));
                    case 3 -> p.put(key, flip(p.getOrDefault(key, "")));
                    case 4 -> p.put(pick(PARAMETERS), hostileValue());
                    case 5 -> p.put("REQUEST", pick(OPERATIONS));
                    case 6 -> {
                        String other = keys.isEmpty() ? key : pick(keys);
                        String v = p.getOrDefault(key, "");
                        p.put(key, p.getOrDefault(other, ""));
                        p.put(other, v);
                    }
                    case 7 -> p.put(key.toLowerCase(Locale.ROOT).equals(key) ? key.toUpperCase(Locale.ROOT) : key.toLowerCase(Locale.ROOT),
                            hostileValue());
                    default -> p.put(key, p.getOrDefault(key, "") + pick(HOSTILE));
                }
            }
            String path = random.nextInt(8) == 0 ? pick(List.of("/ows", "/wfs", "/wms")) : base.path;
            return new Call(path, random.nextInt(6) == 0 ? "POST" : "GET", p, null);
        }

        Call randomCall() {
            Map<String, String> p = new LinkedHashMap<>();
            if (random.nextBoolean()) {
                p.put("SERVICE", pick(List.of("WFS", "WMS", "wfs", "", "WCS")));
            }
            p.put("REQUEST", pick(OPERATIONS));
            int n = random.nextInt(8);
            for (int i = 0; i < n; i++) {
                p.put(pick(PARAMETERS), hostileValue());
            }
            return new Call(pick(List.of("/ows", "/wfs", "/wms")), random.nextInt(5) == 0 ? "POST" : "GET", p, null);
        }

        String truncate(String v) {
            return v.isEmpty() ? v : v.substring(0, random.nextInt(v.length()));
        }

        String flip(String v) {
            if (v.isEmpty()) {
                return randomText(1);
            }
            int i = random.nextInt(v.length());
            return v.substring(0, i) + randomText(1) + v.substring(i + 1);
        }

        String mutateXml(String xml) {
            return switch (random.nextInt(7)) {
                case 0 -> truncate(xml);
                case 1 -> flip(flip(xml));
                case 2 -> "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>" + xml.replace("Saint*", "&e;");
                case 3 -> xml.replaceFirst("(count|valueReference|outputFormat|version|srsName|id)=\"[^\"]*\"",
                        "$1=\"" + hostileValue().replace("\"", "").replace("&", "").replace("<", "").replace("\\", "").replace("$", "") + "\"");
                case 4 -> xml.replace("carence:communes", hostileValue().replace("\"", "").replace("<", ""));
                case 5 -> xml.replace("population", pick(HOSTILE).replace("<", "&lt;").replace("&", "&amp;"));
                default -> xml.replace("GetFeature", pick(OPERATIONS).isEmpty() ? "X" : pick(OPERATIONS).replace("", ""));
            };
        }
    }
}
