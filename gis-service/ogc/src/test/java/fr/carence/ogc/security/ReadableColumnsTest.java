package fr.carence.ogc.security;

import static org.assertj.core.api.Assertions.assertThat;

import fr.carence.ogc.core.OgcService;
import fr.carence.ogc.catalog.Catalog;
import fr.carence.ogc.catalog.ColumnSecurityRules;
import fr.carence.ogc.catalog.GeoServerCatalog;
import fr.carence.ogc.format.OutputFormats;
import fr.carence.ogc.testdata.SharedData;
import fr.carence.ogc.wfs.WfsService;
import fr.carence.ogc.wms.WmsService;
import fr.carence.ogc.wms.WmsSettings;
import fr.carence.store.Feature;
import fr.carence.store.FeatureStore;
import fr.carence.store.LayerInfo;
import fr.carence.store.LayerSchema;
import fr.carence.store.LayerSchema.Attribute;
import fr.carence.store.LayerSchema.AttributeType;
import fr.carence.store.LayerSchema.GeometryType;
import fr.carence.store.LayerWriter;
import fr.carence.store.testing.BothStores;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * The column read rules of the real catalogue ({@code security/columns.properties}:
 * {@code carence.indicateurs_communes.site_*.r=FUNDER,ADMIN}, {@code zones_carence.demande_couverte})
 * on every WFS and WMS path, for each role, on both stores (issue 14). For a caller who may not read
 * a column, the column is absent from every output and schema, and naming it (filter, sort key,
 * property list, value reference, style) answers exactly as naming a column that does not exist.
 *
 * <p>Fixture (hand-made, Lambert-93): three 1 km squares side by side from x = 600 000, scenario
 * {@code defaut}. Alpha hosts the chosen site ({@code site_retenu = true}) and Beta is served by it;
 * Gamma is neither. One carence zone covers Alpha and Beta with a covered demand of 150.
 */
class ReadableColumnsTest {

    private static final GeometryFactory GF = new GeometryFactory();
    private static final RoleSwitch ROLES = new RoleSwitch();
    private static final Catalog ALL = GeoServerCatalog.read(SharedData.repoRoot().resolve("geoserver-data"),
            SharedData.repoRoot().resolve("sld-styles"));
    private static final Catalog CATALOG = new ReadableLayersCatalog(ALL, ROLES);
    private static final List<Set<String>> REFUSED = List.of(Set.of(), Set.of("PLANNER"));
    private static final List<Set<String>> ALLOWED = List.of(Set.of("FUNDER"), Set.of("ADMIN"), Set.of("PLANNER", "FUNDER"));
    private static final List<String> WFS_FORMATS = List.of("application/gml+xml; version=3.2", "application/json",
            "text/csv", "application/geopackage+sqlite3");
    private static final List<String> INFO_FORMATS = List.of("application/json", "text/html", "text/plain",
            "application/vnd.ogc.gml", "application/vnd.ogc.gml/3.1.1");
    private static final String BBOX = "600000,6300000,603000,6301000";

    @TempDir
    Path dir;

    // ----- the rules themselves -----

    @Test
    void theCommittedRulesRestrictEverySiteDerivedColumnToFundersAndAdministrators() {
        ColumnSecurityRules rules = ALL.columnRules();
        for (String column : List.of("site_candidat", "site_retenu", "site_desservant", "site_futur_indicateur")) {
            assertThat(rules.readable("carence", "indicateurs_communes", column, Set.of())).as(column).isFalse();
            assertThat(rules.readable("carence", "indicateurs_communes", column, Set.of("PLANNER"))).as(column).isFalse();
            assertThat(rules.readable("carence", "indicateurs_communes", column, Set.of("FUNDER"))).as(column).isTrue();
            assertThat(rules.readable("carence", "indicateurs_communes", column, Set.of("ADMIN"))).as(column).isTrue();
        }
        assertThat(rules.readable("carence", "indicateurs_communes", "score_carence", Set.of())).isTrue();
        assertThat(rules.readable("carence", "indicateurs_communes", "site", Set.of())).as("prefix is site_, not site").isTrue();
        assertThat(rules.restricted("carence", "zones_carence", "demande_couverte")).isTrue();
        assertThat(rules.restricted("carence", "zones_carence", "demande")).isFalse();
        assertThat(rules.readable("carence", "scenarios", "auteur", Set.of("PLANNER"))).isTrue();
        assertThat(rules.readable("carence", "scenarios", "auteur", Set.of())).isFalse();
    }

    @Test
    void everyMatchingRuleMustAllowSoARuleNeverOpensWhatAnotherCloses() throws IOException {
        Path f = dir.resolve("columns.properties");
        Files.writeString(f, "*.*.nom_*.r=FUNDER\ncarence.communes.nom_long.r=*\ncarence.*.code.r=PLANNER,ADMIN\n",
                StandardCharsets.UTF_8);
        ColumnSecurityRules rules = ColumnSecurityRules.read(f);
        assertThat(rules.readable("carence", "communes", "nom_long", Set.of())).isFalse();
        assertThat(rules.readable("carence", "communes", "nom_long", Set.of("FUNDER"))).isTrue();
        assertThat(rules.readable("autre", "x", "code", Set.of())).as("other workspace").isTrue();
        assertThat(rules.readable("carence", "x", "code", Set.of("FUNDER"))).isFalse();
        assertThat(rules.readable("carence", "x", "code", Set.of("PLANNER"))).isTrue();
        assertThat(ColumnSecurityRules.read(dir.resolve("absent.properties")).rules()).isEmpty();
    }

    // ----- WFS -----

    @BothStores
    void getFeatureInEveryFormatLeavesOutTheColumnsForCallersWhoMayNotReadThem(FeatureStore store) {
        WfsService wfs = fixture(store);
        for (String format : WFS_FORMATS) {
            for (String layer : List.of("indicateurs_communes", "zones_carence")) {
                String column = layer.equals("zones_carence") ? "demande_couverte" : "site_";
                String[] kvp = wfs("REQUEST", "GetFeature", "TYPENAMES", "carence:" + layer, "OUTPUTFORMAT", format);
                for (Set<String> roles : REFUSED) {
                    MockHttpServletResponse r = as(roles, wfs, kvp);
                    assertThat(r.getStatus()).as(format + " " + roles).isEqualTo(200);
                    // ISO-8859-1: the GeoPackage's table definitions are plain text inside the binary file.
                    assertThat(latin1(r)).as(layer + " " + format + " " + roles).doesNotContain(column).contains("demande");
                }
                for (Set<String> roles : ALLOWED) {
                    assertThat(latin1(as(roles, wfs, kvp))).as(layer + " " + format + " " + roles).contains(column);
                }
            }
        }
        assertThat(text(as(Set.of("FUNDER"), wfs, wfs("REQUEST", "GetFeature", "TYPENAMES", "carence:indicateurs_communes",
                "OUTPUTFORMAT", "text/csv")))).contains("site_candidat", "site_retenu", "site_desservant");
    }

    @BothStores
    void describeFeatureTypeOmitsTheColumns(FeatureStore store) {
        WfsService wfs = fixture(store);
        for (String[] kvp : List.of(wfs("REQUEST", "DescribeFeatureType", "TYPENAMES", "carence:indicateurs_communes"),
                wfs("REQUEST", "DescribeFeatureType"))) {
            for (Set<String> roles : REFUSED) {
                assertThat(text(as(roles, wfs, kvp))).as(roles.toString()).contains("score_carence")
                        .doesNotContain("site_").doesNotContain("demande_couverte");
            }
            for (Set<String> roles : ALLOWED) {
                assertThat(text(as(roles, wfs, kvp))).as(roles.toString())
                        .contains("name=\"site_retenu\"", "name=\"site_desservant\"");
            }
        }
        for (Set<String> roles : ALLOWED) {
            assertThat(text(as(roles, wfs, wfs("REQUEST", "DescribeFeatureType", "TYPENAMES", "carence:zones_carence"))))
                    .as(roles.toString()).contains("name=\"demande_couverte\"");
        }
    }

    @BothStores
    void namingARestrictedColumnAnswersAsForAColumnThatDoesNotExist(FeatureStore store) {
        WfsService wfs = fixture(store);
        String filter = "<fes:Filter xmlns:fes=\"http://www.opengis.net/fes/2.0\"><fes:PropertyIsEqualTo>"
                + "<fes:ValueReference>@</fes:ValueReference><fes:Literal>true</fes:Literal></fes:PropertyIsEqualTo></fes:Filter>";
        String[][] requests = {
            {"REQUEST", "GetFeature", "TYPENAMES", "carence:indicateurs_communes", "FILTER", filter},
            {"REQUEST", "GetFeature", "TYPENAMES", "carence:indicateurs_communes", "FILTER", filter, "OUTPUTFORMAT", "application/json"},
            {"REQUEST", "GetFeature", "TYPENAMES", "carence:indicateurs_communes", "SORTBY", "@ DESC"},
            {"REQUEST", "GetFeature", "TYPENAMES", "carence:indicateurs_communes", "PROPERTYNAME", "nom,@"},
            {"REQUEST", "GetFeature", "TYPENAMES", "carence:indicateurs_communes", "RESULTTYPE", "hits", "FILTER", filter},
            {"REQUEST", "GetPropertyValue", "TYPENAMES", "carence:indicateurs_communes", "VALUEREFERENCE", "@"},
        };
        for (String[] r : requests) {
            String[] restricted = wfs(swap(r, "site_retenu"));
            String[] unknown = wfs(swap(r, "site_inexistant"));
            for (Set<String> roles : REFUSED) {
                MockHttpServletResponse h = as(roles, wfs, restricted);
                MockHttpServletResponse u = as(roles, wfs, unknown);
                String what = String.join(" ", r) + " " + roles;
                assertThat(h.getStatus()).as(what).isEqualTo(400).isEqualTo(u.getStatus());
                assertThat(h.getContentType()).as(what).isEqualTo(u.getContentType());
                assertThat(text(h).replace("site_retenu", "site_inexistant")).as(what).isEqualTo(text(u));
            }
            for (Set<String> roles : ALLOWED) {
                assertThat(as(roles, wfs, restricted).getStatus()).as(String.join(" ", r) + " " + roles).isEqualTo(200);
            }
        }
        // The funder's filter finds exactly the host commune; the values are there.
        String chosen = text(as(Set.of("FUNDER"), wfs, wfs(swap(requests[1], "site_retenu"))));
        assertThat(chosen).contains("\"numberReturned\":1", "Alpha").doesNotContain("Beta", "Gamma");
        String values = text(as(Set.of("ADMIN"), wfs, wfs(swap(requests[5], "site_desservant"))));
        assertThat(values).contains("defaut:site-1");
    }

    @BothStores
    void storedQueriesFollowTheSameRules(FeatureStore store) {
        WfsService wfs = fixture(store);
        String[] byId = wfs("REQUEST", "GetFeature", "STOREDQUERY_ID", "urn:ogc:def:query:OGC-WFS::GetFeatureById",
                "ID", "indicateurs_communes.a");
        String[] byResourceId = wfs("REQUEST", "GetFeature", "RESOURCEID", "indicateurs_communes.a", "OUTPUTFORMAT", "application/json");
        for (String[] kvp : List.of(byId, byResourceId)) {
            for (Set<String> roles : REFUSED) {
                assertThat(text(as(roles, wfs, kvp))).as(roles.toString()).contains("Alpha").doesNotContain("site_");
            }
            assertThat(text(as(Set.of("FUNDER"), wfs, kvp))).contains("Alpha", "site_retenu");
        }
    }

    // ----- WMS -----

    @BothStores
    void getFeatureInfoInEveryFormatShowsTheColumnsOnlyToFundersAndAdministrators(FeatureStore store) {
        WmsService wms = wms(store);
        for (String format : INFO_FORMATS) {
            // Pixel (50, 50) of a 300 × 100 map of the three squares is inside Alpha.
            String[] kvp = getMap("GetFeatureInfo", "LAYERS", "carence:indicateurs_communes,carence:zones_carence",
                    "QUERY_LAYERS", "carence:indicateurs_communes,carence:zones_carence", "I", "50", "J", "50",
                    "INFO_FORMAT", format);
            for (Set<String> roles : REFUSED) {
                String body = text(as(roles, wms, kvp));
                assertThat(body).as(format + " " + roles).contains("Alpha").doesNotContain("site_", "demande_couverte");
            }
            for (Set<String> roles : ALLOWED) {
                assertThat(text(as(roles, wms, kvp))).as(format + " " + roles).contains("Alpha", "site_retenu", "demande_couverte");
            }
        }
    }

    @BothStores
    void aStyleReadingARestrictedColumnIsRefusedAsReadingAnUnknownOne(FeatureStore store) {
        WmsService wms = wms(store);
        String filterRule = "<ogc:Filter><ogc:PropertyIsEqualTo><ogc:PropertyName>@</ogc:PropertyName>"
                + "<ogc:Literal>true</ogc:Literal></ogc:PropertyIsEqualTo></ogc:Filter>"
                + "<PolygonSymbolizer><Fill><CssParameter name=\"fill\">#FF0000</CssParameter></Fill></PolygonSymbolizer>";
        String labelRule = "<TextSymbolizer><Label><ogc:PropertyName>@</ogc:PropertyName></Label></TextSymbolizer>";
        for (String rule : List.of(filterRule, labelRule)) {
            for (String request : List.of("GetMap", "GetFeatureInfo")) {
                String[] base = getMap(request, "QUERY_LAYERS", "carence:indicateurs_communes", "I", "50", "J", "50",
                        "INFO_FORMAT", "text/plain", "SLD_BODY", sld(rule));
                for (Set<String> roles : REFUSED) {
                    MockHttpServletResponse h = as(roles, wms, swap(base, "site_retenu"));
                    MockHttpServletResponse u = as(roles, wms, swap(base, "site_inexistant"));
                    String what = request + " " + roles + " " + rule;
                    assertThat(h.getStatus()).as(what).isEqualTo(400).isEqualTo(u.getStatus());
                    assertThat(text(h)).as(what).contains("InvalidParameterValue", "SLD_BODY", "Propriété inconnue");
                    assertThat(text(h).replace("site_retenu", "site_inexistant")).as(what).isEqualTo(text(u));
                }
                for (Set<String> roles : ALLOWED) {
                    MockHttpServletResponse ok = as(roles, wms, swap(base, "site_retenu"));
                    assertThat(ok.getStatus()).as(request + " " + roles + ": " + text(ok)).isEqualTo(200);
                }
            }
        }
    }

    // ----- fixture and calls -----

    private WfsService fixture(FeatureStore store) {
        load(store);
        return new WfsService(CATALOG, store, OutputFormats.standard(), 1000, 1_000_000, "Carence test");
    }

    private WmsService wms(FeatureStore store) {
        load(store);
        return new WmsService(store, CATALOG, WmsSettings.defaults());
    }

    private static synchronized void load(FeatureStore store) {
        if (store.schema("indicateurs_communes").isPresent()) {
            return;
        }
        LayerSchema indicateurs = new LayerSchema("indicateurs_communes", List.of(
                Attribute.required("id", AttributeType.STRING), Attribute.required("scenario", AttributeType.STRING),
                Attribute.required("code", AttributeType.STRING), Attribute.optional("nom", AttributeType.STRING),
                Attribute.required("demande", AttributeType.DOUBLE), Attribute.required("poids_fragilite", AttributeType.DOUBLE),
                Attribute.required("carence", AttributeType.BOOLEAN), Attribute.required("score_carence", AttributeType.DOUBLE),
                Attribute.required("site_candidat", AttributeType.BOOLEAN), Attribute.required("site_retenu", AttributeType.BOOLEAN),
                Attribute.optional("site_desservant", AttributeType.STRING)), GeometryType.MULTIPOLYGON, "id");
        try (LayerWriter w = store.replaceLayer(indicateurs, new LayerInfo.Source("scenario", "fixture", null))) {
            w.write(commune("a", "12001", "Alpha", 0, 100, true, 0.8, true, true, "defaut:site-1"));
            w.write(commune("b", "12002", "Beta", 1, 50, true, 0.5, true, false, "defaut:site-1"));
            w.write(commune("c", "12003", "Gamma", 2, 10, false, 0.1, false, false, null));
            w.commit();
        }
        LayerSchema zones = new LayerSchema("zones_carence", List.of(Attribute.required("id", AttributeType.STRING),
                Attribute.required("scenario", AttributeType.STRING), Attribute.required("rang", AttributeType.INTEGER),
                Attribute.required("demande", AttributeType.DOUBLE), Attribute.required("demande_couverte", AttributeType.DOUBLE)),
                GeometryType.MULTIPOLYGON, "id");
        try (LayerWriter w = store.replaceLayer(zones, new LayerInfo.Source("scenario", "fixture", null))) {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("id", "z1");
            p.put("scenario", "defaut");
            p.put("rang", 1);
            p.put("demande", 150.0);
            p.put("demande_couverte", 150.0);
            w.write(new Feature("z1", square(0, 2), p));
            w.commit();
        }
    }

    private static Feature commune(String id, String code, String nom, int column, double demande, boolean carence,
                                   double score, boolean candidat, boolean retenu, String desservant) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("id", id);
        p.put("scenario", "defaut");
        p.put("code", code);
        p.put("nom", nom);
        p.put("demande", demande);
        p.put("poids_fragilite", 1.0);
        p.put("carence", carence);
        p.put("score_carence", score);
        p.put("site_candidat", candidat);
        p.put("site_retenu", retenu);
        p.put("site_desservant", desservant);
        return new Feature(id, square(column, 1), p);
    }

    /** Squares {@code from}…{@code from + width} km east of x = 600 000, one km high. */
    private static MultiPolygon square(int from, int width) {
        double x0 = 600_000 + from * 1000.0;
        double x1 = x0 + width * 1000.0;
        Polygon p = GF.createPolygon(new Coordinate[] {new Coordinate(x0, 6_300_000), new Coordinate(x1, 6_300_000),
            new Coordinate(x1, 6_301_000), new Coordinate(x0, 6_301_000), new Coordinate(x0, 6_300_000)});
        MultiPolygon m = GF.createMultiPolygon(new Polygon[] {p});
        m.setSRID(FeatureStore.STORAGE_SRID);
        return m;
    }

    private static String sld(String rule) {
        return "<StyledLayerDescriptor version=\"1.0.0\" xmlns=\"http://www.opengis.net/sld\" xmlns:ogc=\"http://www.opengis.net/ogc\">"
                + "<NamedLayer><Name>carence:indicateurs_communes</Name><UserStyle><FeatureTypeStyle><Rule>" + rule
                + "</Rule></FeatureTypeStyle></UserStyle></NamedLayer></StyledLayerDescriptor>";
    }

    private static String[] getMap(String request, String... extra) {
        String[] base = {"SERVICE", "WMS", "VERSION", "1.3.0", "REQUEST", request, "LAYERS", "carence:indicateurs_communes",
            "STYLES", "", "CRS", "EPSG:2154", "BBOX", BBOX, "WIDTH", "300", "HEIGHT", "100", "FORMAT", "image/png"};
        Map<String, String> kvp = new LinkedHashMap<>();
        for (int i = 0; i < base.length; i += 2) {
            kvp.put(base[i], base[i + 1]);
        }
        for (int i = 0; i < extra.length; i += 2) {
            kvp.put(extra[i], extra[i + 1]);
        }
        if (kvp.get("LAYERS").contains(",")) {
            kvp.put("STYLES", ",");
        }
        return kvp.entrySet().stream().flatMap(e -> java.util.stream.Stream.of(e.getKey(), e.getValue())).toArray(String[]::new);
    }

    private static String[] wfs(String... kvp) {
        String[] out = Arrays.copyOf(new String[] {"SERVICE", "WFS", "VERSION", "2.0.0"}, 4 + kvp.length);
        System.arraycopy(kvp, 0, out, 4, kvp.length);
        return out;
    }

    private static String[] swap(String[] kvp, String column) {
        String[] out = kvp.clone();
        for (int i = 1; i < out.length; i += 2) {
            out[i] = out[i].replace("@", column);
        }
        return out;
    }

    private static MockHttpServletResponse as(Set<String> roles, OgcService service, String... kvp) {
        return ROLES.call(roles, service, kvp);
    }

    private static String text(MockHttpServletResponse r) {
        return new String(r.getContentAsByteArray(), StandardCharsets.UTF_8);
    }

    private static String latin1(MockHttpServletResponse r) {
        return new String(r.getContentAsByteArray(), StandardCharsets.ISO_8859_1);
    }
}
