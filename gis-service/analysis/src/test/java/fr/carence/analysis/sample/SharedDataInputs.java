package fr.carence.analysis.sample;

import fr.carence.store.testing.SharedData;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.carence.analysis.AnalysisInput;
import fr.carence.analysis.model.Commune;
import fr.carence.analysis.model.Flow;
import fr.carence.analysis.model.Place;
import fr.carence.analysis.model.Venue;
import fr.carence.crs.CrsTransforms;
import fr.carence.crs.LegalCrs;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.zip.GZIPInputStream;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.io.geojson.GeoJsonReader;

/**
 * Builds an {@link AnalysisInput} straight from the files in shared/data (the same sources the
 * loaders read), for the benchmark, the Millau validation and the Occitanie regression while the
 * store and loaders live on other branches. Deliberately simple CSV handling: these files have no
 * quoted separators in the columns used (checked by the counts asserted in the tests).
 */
public final class SharedDataInputs {
    private static final GeometryFactory GF = new GeometryFactory();

    private SharedDataInputs() {
    }

    /** Communes (COG 2026) whose code passes the filter, with polygons when {@code withPolygons}. */
    public static AnalysisInput read(Predicate<String[]> communeRowFilter, boolean withPolygons, boolean withMillauFlows) {
        List<Commune> communes = communes(communeRowFilter, withPolygons);
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < communes.size(); i++) {
            index.put(communes.get(i).code(), i);
        }
        int n = communes.size();
        int[] density = new int[n];
        csv("grille-densite/densite.csv", f -> {
            Integer i = index.get(f[0]);
            if (i != null) {
                density[i] = densityLevel(f[f.length - 1]);
            }
        });
        String[] massif = new String[n];
        csv("zone-montagne/montagne.csv", f -> {
            Integer i = index.get(f[0]);
            if (i != null) {
                String v = f[f.length - 1];
                massif[i] = v.contains(" - ") ? v.substring(v.indexOf(" - ") + 3).strip() : v.strip();
            }
        });
        boolean[] zrr = new boolean[n];
        csv("zrr/zrr-2018-communes.csv", f -> {
            Integer i = index.get(f[f.length - 2]);
            if (i != null) {
                zrr[i] = true;
            }
        });
        boolean[] qpv = new boolean[n];
        csv("qpv/communes-qpv-2024.csv", f -> {
            Integer i = index.get(f[0]);
            if (i != null) {
                qpv[i] = true;
            }
        });
        double[] ftth = ftth(index, n);
        List<Venue> venues = new ArrayList<>();
        csv("tiers-lieux/tiers-lieux-occitanie-2016.csv", f -> {
            int k = f.length;
            String code = f[k - 5];
            if (!index.containsKey(code)) {
                return;
            }
            double lon = Double.parseDouble(f[k - 3]);
            double lat = Double.parseDouble(f[k - 2]);
            venues.add(new Venue("lieu-" + (venues.size() + 1), place(code, lon, lat), Double.NaN, false));
        });
        List<Flow> flows = withMillauFlows ? millauFlows(index) : List.of();
        return new AnalysisInput(communes, flows, withMillauFlows ? "FD_MOBPRO 2017 (CC Millau Grands Causses)" : null,
                ftth, density, zrr, massif, qpv, venues, List.of(), territory(communes, index, qpv));
    }

    /**
     * Région and département (centroid file), FRR (July 2025 list), QPV 2015 perimeters of
     * Occitanie, and the venue inventory's coverage: the 2016 list covers région 76 (as its
     * loader deduces).
     */
    static AnalysisInput.Territory territory(List<Commune> communes, Map<String, Integer> index, boolean[] qpv) {
        int n = communes.size();
        AnalysisInput.Territory t = AnalysisInput.Territory.unknown(n);
        csv("communes-geometry/communes-cog2026-centroides.csv", f -> {
            Integer i = index.get(f[0]);
            if (i != null) {
                t.departement()[i] = f[f.length - 8];
                t.region()[i] = f[f.length - 7];
            }
        });
        Map<String, String> classement = Map.of("Non classée", "non_classee", "FRR socle", "frr_socle", "FRR+", "frr_plus",
                "FRR bénéficiaire", "frr_beneficiaire", "Classée FRR partiellement", "frr_partiel",
                "FRR bénéficiaire partiellement", "frr_beneficiaire_partiel");
        lines("frr/liste-communes-FRR-juillet2025.csv.gz", line -> {
            String[] f = line.split(";", -1);
            Integer i = index.get(f[0]);
            if (i != null) {
                t.frr()[i] = classement.get(f[3]);
            }
        });
        Map<Integer, List<Geometry>> parts = new HashMap<>();
        Map<Integer, java.util.TreeMap<String, String>> quartiers = new HashMap<>(); // as AnalysisInputReader
        GeoJsonReader reader = new GeoJsonReader(GF);
        try (InputStream in = new GZIPInputStream(Files.newInputStream(SharedData.file("qpv-2015-occitanie/qp-occitanie-2015.geojson.gz")))) {
            for (JsonNode feature : new ObjectMapper().readTree(in).get("features")) {
                Integer i = index.get(feature.path("properties").path("code_commune").asText());
                if (i != null) {
                    Geometry g = org.locationtech.jts.geom.util.GeometryFixer.fix(
                            CrsTransforms.transform(reader.read(feature.get("geometry").toString()), 4326, 2154));
                    parts.computeIfAbsent(i, k -> new ArrayList<>()).add(g);
                    quartiers.computeIfAbsent(i, k -> new java.util.TreeMap<>()).put(
                            feature.path("properties").path("code_qp").asText(), feature.path("properties").path("nom_qp").asText());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (org.locationtech.jts.io.ParseException e) {
            throw new IllegalStateException(e);
        }
        parts.forEach((i, g) -> {
            Geometry union = org.locationtech.jts.operation.union.UnaryUnionOp.union(g);
            t.qpvPerimeter()[i] = union;
            t.qpvCode()[i] = String.join("+", quartiers.get(i).keySet());
            t.qpvName()[i] = String.join(" + ", quartiers.get(i).values());
            Point p = union.getInteriorPoint();
            String code = communes.get(i).code();
            double[] xy = CrsTransforms.transform(p.getX(), p.getY(), 2154, LegalCrs.forCode(code).epsg());
            t.qpvPlace()[i] = new Place(code, xy[0], xy[1], LegalCrs.forCode(code).epsg());
            qpv[i] = true;
        });
        for (int i = 0; i < n; i++) {
            t.inventory()[i] = "76".equals(t.region()[i]);
        }
        return t;
    }

    /** Data lines of a gzipped text file (header skipped, CRLF stripped). */
    static void lines(String relative, java.util.function.Consumer<String> line) {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(new GZIPInputStream(
                Files.newInputStream(SharedData.file(relative))), StandardCharsets.UTF_8))) {
            r.readLine();
            String l;
            while ((l = r.readLine()) != null) {
                if (!l.isBlank()) {
                    line.accept(l);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The legal-CRS place of a WGS 84 point of commune {@code code}. */
    public static Place place(String code, double lon, double lat) {
        int epsg = LegalCrs.forCode(code).epsg();
        double[] xy = CrsTransforms.transform(lon, lat, 4326, epsg);
        return new Place(code, xy[0], xy[1], epsg);
    }

    private static List<Commune> communes(Predicate<String[]> filter, boolean withPolygons) {
        Map<String, String[]> rows = new HashMap<>();
        List<String> order = new ArrayList<>();
        csv("communes-geometry/communes-cog2026-centroides.csv", f -> {
            if (filter.test(f)) {
                rows.put(f[0], f);
                order.add(f[0]);
            }
        });
        Map<String, Geometry> polygons = withPolygons ? polygons(rows.keySet()) : Map.of();
        List<Commune> out = new ArrayList<>();
        for (String code : order) {
            String[] f = rows.get(code);
            int k = f.length;
            double lon = Double.parseDouble(f[k - 5]);
            double lat = Double.parseDouble(f[k - 4]);
            double[] xy = CrsTransforms.transform(lon, lat, 4326, 2154);
            Point storage = GF.createPoint(new Coordinate(xy[0], xy[1]));
            String name = String.join(",", Arrays.copyOfRange(f, 1, k - 8));
            out.add(new Commune(code, name, Double.parseDouble(f[k - 6]), place(code, lon, lat), storage,
                    polygons.get(code)));
        }
        return out;
    }

    /** Polygons of the dissolved COG 2026 file, reprojected to Lambert-93. */
    public static Map<String, Geometry> polygons(Set<String> codes) {
        Map<String, Geometry> out = new HashMap<>();
        ObjectMapper mapper = new ObjectMapper();
        GeoJsonReader reader = new GeoJsonReader(GF);
        try (InputStream in = new GZIPInputStream(Files.newInputStream(
                SharedData.file("communes-geometry/communes-cog2026-dissolved.geojson.gz")), 1 << 16);
             JsonParser p = mapper.getFactory().createParser(in)) {
            while (p.nextToken() != null) {
                if (p.currentToken() == JsonToken.FIELD_NAME && "features".equals(p.currentName())) {
                    p.nextToken();
                    while (p.nextToken() == JsonToken.START_OBJECT) {
                        JsonNode feature = mapper.readTree(p);
                        String code = feature.path("properties").path("code").asText();
                        if (codes.contains(code)) {
                            Geometry g = reader.read(feature.get("geometry").toString());
                            out.put(code, CrsTransforms.transform(g, 4326, 2154));
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (org.locationtech.jts.io.ParseException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }

    /** FttH coverage per COG 2026 commune: Σ connectable / Σ premises over its 2018 codes. */
    private static double[] ftth(Map<String, Integer> index, int n) {
        Map<String, String> to2026 = new HashMap<>();
        csv("communes-population/communes-2026.csv", f -> {
            // code,nom,type,zone,dep,reg,arrondissement,epci,population,codes_postaux,chef_lieu,anciens_codes,siren
            int k = f.length;
            String code = f[0];
            String type = f[k - 11];
            if ("commune-actuelle".equals(type)) {
                to2026.putIfAbsent(code, code);
                for (String old : f[k - 2].split(";")) {
                    if (!old.isBlank()) {
                        to2026.putIfAbsent(old.strip(), code);
                    }
                }
            } else if (!f[k - 3].isBlank()) {
                to2026.putIfAbsent(code, f[k - 3]);
            }
        });
        double[] premises = new double[n];
        double[] connectable = new double[n];
        boolean[] seen = new boolean[n];
        csv("thd-ftth/ftth-communes-2018T1-tidy.csv", f -> {
            int k = f.length;
            String code = to2026.getOrDefault(f[0], f[0]);
            Integer i = index.get(code);
            if (i == null || f[k - 9].isBlank()) {
                return;
            }
            premises[i] += Double.parseDouble(f[k - 9]);
            connectable[i] += Double.parseDouble(f[k - 6]);
            seen[i] = true;
        });
        double[] rate = new double[n];
        for (int i = 0; i < n; i++) {
            rate[i] = !seen[i] ? Double.NaN : premises[i] > 0 ? Math.min(1, connectable[i] / premises[i]) : 0;
        }
        return rate;
    }

    /**
     * The Millau MOBPRO OD table. Rows whose workplace is not a current commune (a few 4-digit
     * codes, i.e. workplaces abroad) are skipped; the file has no quoted fields.
     */
    public static List<Flow> millauFlows(Map<String, Integer> index) {
        List<Flow> flows = new ArrayList<>();
        csv("commuting-flows/flux-od-mobpro-2017-cc-millau-grands-causses.csv", f -> {
            int k = f.length;
            Integer o = index.get(f[0]);
            Integer d = index.get(f[2]);
            if (o != null && d != null) {
                flows.add(new Flow(o, d, Double.parseDouble(f[k - 7]), Double.parseDouble(f[k - 2]), false));
            }
        });
        return flows;
    }

    static int densityLevel(String label) {
        String l = label.strip().toLowerCase();
        if (l.startsWith("grands centres")) {
            return 1;
        } else if (l.startsWith("centres urbains")) {
            return 2;
        } else if (l.startsWith("ceintures")) {
            return 3;
        } else if (l.startsWith("petites villes")) {
            return 4;
        } else if (l.startsWith("bourgs")) {
            return 5;
        } else if (l.contains("très dispersé")) {
            return 7;
        } else if (l.contains("dispersé")) {
            return 6;
        }
        return 0;
    }

    interface Row {
        void accept(String[] fields);
    }

    static void csv(String relative, Row row) {
        Path file = SharedData.file(relative);
        try (BufferedReader r = new BufferedReader(new InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8))) {
            String header = r.readLine();
            if (header == null) {
                return;
            }
            String line;
            while ((line = r.readLine()) != null) {
                if (!line.isBlank()) {
                    row.accept(line.split(",", -1));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
