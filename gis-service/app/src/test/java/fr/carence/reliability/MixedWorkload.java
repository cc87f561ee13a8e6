package fr.carence.reliability;

import static fr.carence.reliability.ServiceClient.contentType;
import static fr.carence.reliability.ServiceClient.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;

/**
 * The mixed workload of the load test and of {@code bench/load-mixed.sh}: {@code clients}
 * concurrent clients share a fixed number of requests, a random mix (seeded, so a run can be
 * replayed) of WMS GetMap over Occitanie in EPSG:2154 and EPSG:3857 with random extents and sizes,
 * and WFS GetFeature in GeoJSON and GML with paging, BBOX and attribute filters; meanwhile a few
 * scenario runs are posted (as PLANNER) and followed to their end. Every answer is checked for
 * what it claims to be (a decodable PNG of the asked size, a GeoJSON collection no larger than the
 * page, a GML FeatureCollection document); anything else counts as an error.
 */
final class MixedWorkload {

    enum Operation { GETMAP, GETFEATURE_JSON, GETFEATURE_GML, SCENARIO }

    record Settings(int clients, int requests, int scenarioRuns, long seed) {
    }

    /** Latencies in milliseconds, per operation; scenario latency is submission to end of run. */
    record Report(Settings settings, double wallSeconds, Map<Operation, List<Double>> latencies, List<String> errors,
                  List<String> scenarioStatuses) {

        int requests() {
            return latencies.entrySet().stream().filter(e -> e.getKey() != Operation.SCENARIO)
                    .mapToInt(e -> e.getValue().size()).sum();
        }

        double throughput() {
            return requests() / wallSeconds;
        }

        static double percentile(List<Double> sorted, double p) {
            if (sorted.isEmpty()) {
                return Double.NaN;
            }
            int rank = (int) Math.ceil(p / 100.0 * sorted.size());
            return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
        }

        String summary() {
            StringBuilder s = new StringBuilder();
            s.append(String.format(Locale.ROOT, "requests %d (+%d scenario runs), concurrency %d, wall %.1f s, throughput %.1f req/s, errors %d%n",
                    requests(), latencies.get(Operation.SCENARIO).size(), settings.clients(), wallSeconds, throughput(), errors.size()));
            s.append(String.format(Locale.ROOT, "%-16s %6s %9s %9s %9s %9s%n", "operation", "count", "p50 ms", "p95 ms", "p99 ms", "max ms"));
            for (Operation op : Operation.values()) {
                List<Double> l = new ArrayList<>(latencies.get(op));
                Collections.sort(l);
                s.append(String.format(Locale.ROOT, "%-16s %6d %9.1f %9.1f %9.1f %9.1f%n", op.name().toLowerCase(Locale.ROOT),
                        l.size(), percentile(l, 50), percentile(l, 95), percentile(l, 99), l.isEmpty() ? Double.NaN : l.get(l.size() - 1)));
            }
            s.append("scenario runs: ").append(scenarioStatuses).append('\n');
            errors.stream().limit(10).forEach(e -> s.append("  error: ").append(e).append('\n'));
            return s.toString();
        }
    }

    /** Occitanie, as [minX, minY, maxX, maxY] in EPSG:2154 and EPSG:3857. */
    private static final double[] OCCITANIE_2154 = {440_000, 6_130_000, 850_000, 6_460_000};
    private static final double[] OCCITANIE_3857 = {-40_000, 5_200_000, 540_000, 5_630_000};
    private static final String[] MAP_LAYERS = {"carence:communes", "carence:departements", "carence:lieux_existants",
        "carence:zones_carence", "carence:communes,carence:lieux_existants"};
    private static final String[] DEPARTEMENTS = {"09", "11", "12", "30", "31", "32", "34", "46", "48", "65", "66", "81", "82"};
    private static final long SCENARIO_DEADLINE_MS = 20 * 60_000L;

    private final ServiceClient client;
    private final Settings settings;
    private final ObjectMapper json = new ObjectMapper();
    private final Map<Operation, ConcurrentLinkedQueue<Double>> latencies = new EnumMap<>(Operation.class);
    private final ConcurrentLinkedQueue<String> errors = new ConcurrentLinkedQueue<>();
    private final List<String> scenarioStatuses = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger issued = new AtomicInteger();
    private final AtomicInteger done = new AtomicInteger();

    MixedWorkload(ServiceClient client, Settings settings) {
        this.client = client;
        this.settings = settings;
        for (Operation op : Operation.values()) {
            latencies.put(op, new ConcurrentLinkedQueue<>());
        }
    }

    Report run() throws InterruptedException {
        long t0 = System.nanoTime();
        CountDownLatch finished = new CountDownLatch(settings.clients());
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < settings.clients(); c++) {
            Random random = new Random(settings.seed() + c);
            Thread t = new Thread(() -> {
                try {
                    while (issued.getAndIncrement() < settings.requests()) {
                        oneRequest(random);
                        done.incrementAndGet();
                    }
                } finally {
                    finished.countDown();
                }
            }, "load-client-" + c);
            threads.add(t);
            t.start();
        }
        Thread scenarios = new Thread(this::scenarioRuns, "load-scenarios");
        scenarios.start();
        finished.await();
        scenarios.join(SCENARIO_DEADLINE_MS);
        if (scenarios.isAlive()) {
            errors.add("scenario runs not finished after " + SCENARIO_DEADLINE_MS / 1000 + " s");
            scenarios.interrupt();
        }
        double wall = (System.nanoTime() - t0) / 1e9;
        Map<Operation, List<Double>> copy = new EnumMap<>(Operation.class);
        latencies.forEach((op, q) -> copy.put(op, new ArrayList<>(q)));
        return new Report(settings, wall, copy, new ArrayList<>(errors), new ArrayList<>(scenarioStatuses));
    }

    private void oneRequest(Random random) {
        int pick = random.nextInt(100);
        if (pick < 50) {
            getMap(random);
        } else if (pick < 80) {
            getFeature(random, true);
        } else {
            getFeature(random, false);
        }
    }

    private void getMap(Random random) {
        boolean lambert = random.nextBoolean();
        double[] area = lambert ? OCCITANIE_2154 : OCCITANIE_3857;
        double width = (area[2] - area[0]) * (0.02 + 0.98 * random.nextDouble());
        int w = 128 + random.nextInt(897);
        int h = 128 + random.nextInt(641);
        double height = width * h / w;
        double minX = area[0] + random.nextDouble() * Math.max(0, area[2] - area[0] - width);
        double minY = area[1] + random.nextDouble() * Math.max(0, area[3] - area[1] - height);
        String url = "/wms?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetMap&STYLES=&FORMAT=image/png&TRANSPARENT=TRUE"
                + "&LAYERS=" + MAP_LAYERS[random.nextInt(MAP_LAYERS.length)] + "&CRS=EPSG:" + (lambert ? 2154 : 3857)
                + String.format(Locale.ROOT, "&BBOX=%.1f,%.1f,%.1f,%.1f&WIDTH=%d&HEIGHT=%d", minX, minY, minX + width, minY + height, w, h);
        timed(Operation.GETMAP, url, r -> {
            if (!contentType(r).startsWith("image/png")) {
                return "not a PNG: " + contentType(r) + " " + snippet(r);
            }
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(r.body()));
            if (image == null || image.getWidth() != w || image.getHeight() != h) {
                return "undecodable or wrongly sized PNG";
            }
            return null;
        });
    }

    private void getFeature(Random random, boolean geoJson) {
        int count = 1 + random.nextInt(geoJson ? 200 : 50);
        StringBuilder url = new StringBuilder("/wfs?SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature&COUNT=").append(count);
        url.append("&STARTINDEX=").append(random.nextInt(4) == 0 ? random.nextInt(2000) : 0);
        url.append("&OUTPUTFORMAT=").append(geoJson ? "application/json" : "application/gml%2Bxml;%20version%3D3.2");
        int kind = random.nextInt(3);
        if (kind == 0) {
            url.append("&TYPENAMES=carence:communes");
            double x = OCCITANIE_2154[0] + random.nextDouble() * 350_000;
            double y = OCCITANIE_2154[1] + random.nextDouble() * 280_000;
            url.append(String.format(Locale.ROOT, "&BBOX=%.0f,%.0f,%.0f,%.0f,urn:ogc:def:crs:EPSG::2154", x, y, x + 50_000, y + 50_000));
        } else if (kind == 1) {
            String filter = "<fes:Filter xmlns:fes=\"http://www.opengis.net/fes/2.0\"><fes:PropertyIsEqualTo>"
                    + "<fes:ValueReference>dep</fes:ValueReference><fes:Literal>" + DEPARTEMENTS[random.nextInt(DEPARTEMENTS.length)]
                    + "</fes:Literal></fes:PropertyIsEqualTo></fes:Filter>";
            url.append("&TYPENAMES=carence:communes&FILTER=").append(URLEncoder.encode(filter, StandardCharsets.UTF_8));
        } else {
            url.append("&TYPENAMES=").append(random.nextBoolean() ? "carence:lieux_existants" : "carence:indicateurs_communes")
                    .append("&SRSNAME=").append(random.nextBoolean() ? "EPSG:4326" : "EPSG:3857");
        }
        timed(geoJson ? Operation.GETFEATURE_JSON : Operation.GETFEATURE_GML, url.toString(),
                r -> geoJson ? checkGeoJson(r, count) : checkGml(r));
    }

    private String checkGeoJson(HttpResponse<byte[]> r, int count) throws IOException {
        if (!contentType(r).contains("json")) {
            return "not JSON: " + contentType(r) + " " + snippet(r);
        }
        JsonNode collection = json.readTree(r.body());
        if (!"FeatureCollection".equals(collection.path("type").asText()) || !collection.path("features").isArray()
                || collection.path("features").size() > count) {
            return "not a FeatureCollection of at most " + count + " features: " + snippet(r);
        }
        return null;
    }

    private static String checkGml(HttpResponse<byte[]> r) throws Exception {
        if (!contentType(r).contains("xml")) {
            return "not XML: " + contentType(r) + " " + snippet(r);
        }
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Document doc = f.newDocumentBuilder().parse(new ByteArrayInputStream(r.body()));
        if (!"FeatureCollection".equals(doc.getDocumentElement().getLocalName())) {
            return "not a wfs:FeatureCollection: " + snippet(r);
        }
        return null;
    }

    /** Posts the runs spread over the workload, each once a share of the requests is done, and follows them. */
    private void scenarioRuns() {
        for (int i = 0; i < settings.scenarioRuns(); i++) {
            int threshold = settings.requests() * (i + 1) / (settings.scenarioRuns() + 1);
            try {
                while (done.get() < threshold && issued.get() < settings.requests()) {
                    Thread.sleep(20);
                }
                String id = "charge-" + settings.seed() + "-" + i;
                long t0 = System.nanoTime();
                HttpResponse<byte[]> posted = client.postScenario("{\"id\":\"" + id + "\",\"nom\":\"Essai de charge " + i + "\"}");
                if (posted.statusCode() != 202) {
                    errors.add("scenario " + id + ": POST answered " + posted.statusCode() + " " + snippet(posted));
                    continue;
                }
                String statut = awaitScenario(id);
                latencies.get(Operation.SCENARIO).add((System.nanoTime() - t0) / 1e6);
                scenarioStatuses.add(id + "=" + statut);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                errors.add("scenario run " + i + ": " + e);
            }
        }
    }

    private String awaitScenario(String id) throws Exception {
        long end = System.currentTimeMillis() + SCENARIO_DEADLINE_MS;
        while (System.currentTimeMillis() < end) {
            HttpResponse<byte[]> r = client.get("/api/scenarios/" + id);
            String statut = r.statusCode() == 200 ? json.readTree(r.body()).path("statut").asText() : "http-" + r.statusCode();
            if (!statut.equals("en_attente") && !statut.equals("en_cours")) {
                return statut;
            }
            Thread.sleep(500);
        }
        return "timeout";
    }

    private interface Check {
        /** Null when the answer is valid, else what is wrong with it. */
        String problem(HttpResponse<byte[]> response) throws Exception;
    }

    private void timed(Operation op, String url, Check check) {
        long t0 = System.nanoTime();
        try {
            HttpResponse<byte[]> r = client.get(url);
            latencies.get(op).add((System.nanoTime() - t0) / 1e6);
            String problem = r.statusCode() != 200 ? "HTTP " + r.statusCode() + " " + snippet(r) : check.problem(r);
            if (problem != null) {
                errors.add(op + " " + url + ": " + problem);
            }
        } catch (Exception e) {
            latencies.get(op).add((System.nanoTime() - t0) / 1e6);
            errors.add(op + " " + url + ": " + e);
        }
    }

    private static String snippet(HttpResponse<byte[]> r) {
        String t = text(r);
        return t.length() > 300 ? t.substring(0, 300) + "…" : t;
    }

    /**
     * {@code bench/load-mixed.sh}: runs the workload against a service already running.
     * Arguments: port, clients, requests, scenario runs, seed, report file; the PLANNER's API
     * token in the environment variable {@code CARENCE_BENCH_TOKEN}.
     */
    public static void main(String[] args) throws Exception {
        if (args.length != 6) {
            System.err.println("usage: MixedWorkload PORT CLIENTS REQUESTS SCENARIO_RUNS SEED REPORT_FILE");
            System.exit(2);
        }
        Settings settings = new Settings(Integer.parseInt(args[1]), Integer.parseInt(args[2]), Integer.parseInt(args[3]),
                Long.parseLong(args[4]));
        Report report = new MixedWorkload(new ServiceClient(Integer.parseInt(args[0]),
                "Bearer " + System.getenv("CARENCE_BENCH_TOKEN")), settings).run();
        String summary = report.summary();
        System.out.print(summary);
        Files.writeString(Path.of(args[5]), summary);
        System.exit(report.errors().isEmpty() ? 0 : 1);
    }
}
