package fr.carence.store.jdbc;

import static fr.carence.store.jdbc.Fixtures.SOURCE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.carence.store.Feature;
import fr.carence.store.FeatureQuery;
import fr.carence.store.LayerInfo;
import fr.carence.store.LayerNotFoundException;
import fr.carence.store.LayerSchema;
import fr.carence.store.LayerSchema.Attribute;
import fr.carence.store.LayerSchema.AttributeType;
import fr.carence.store.LayerSchema.GeometryType;
import fr.carence.store.LayerWriter;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import fr.carence.store.testing.BothStores;
import org.locationtech.jts.io.WKBWriter;

/** Create, replace, abort and drop layers: the previous version must survive every failure. */
class LayerLifecycleTest {

    @BothStores
    void schemaAndValuesRoundTrip(JdbcFeatureStore store) {
        LayerSchema schema = Fixtures.gridSchema("fixture_roundtrip");
        Fixtures.load(store, schema, Fixtures.grid());

        assertThat(store.schema("fixture_roundtrip")).contains(schema);
        assertThat(store.layerNames()).contains("fixture_roundtrip");
        LayerInfo info = store.info("fixture_roundtrip").orElseThrow();
        assertThat(info.source()).isEqualTo(SOURCE);
        assertThat(info.featureCount()).isEqualTo(100);
        assertThat(info.committedAt()).isBefore(Instant.now().plusSeconds(1));

        Feature f = Fixtures.read(store, "fixture_roundtrip",
                FeatureQuery.all().withFilter(new fr.carence.store.filter.Filter.ResourceIds(List.of("c37")))).get(0);
        Feature expected = Fixtures.cell(3, 7);
        assertThat(f.id()).isEqualTo("c37");
        assertThat(f.properties()).isInstanceOf(LinkedHashMap.class);
        assertThat(new ArrayList<>(f.properties().keySet()))
                .containsExactlyElementsOf(schema.attributes().stream().map(Attribute::name).toList());
        assertThat(f.properties()).isEqualTo(expected.properties());
        for (Attribute a : schema.attributes()) {
            assertThat(f.get(a.name())).isInstanceOf(a.type().javaType());
        }
        assertThat(f.geometry().getSRID()).isEqualTo(2154);
        assertThat(f.geometry().getGeometryType()).isEqualTo("MultiPolygon");
        assertThat(f.geometry().equalsExact(expected.geometry().getFactory()
                .createMultiPolygon(new org.locationtech.jts.geom.Polygon[] {(org.locationtech.jts.geom.Polygon) expected.geometry()})))
                .isTrue();
        Feature withNull = Fixtures.read(store, "fixture_roundtrip", FeatureQuery.all()
                .withFilter(new fr.carence.store.filter.Filter.ResourceIds(List.of("c99")))).get(0);
        assertThat(withNull.properties()).containsEntry("population", null);
    }

    @BothStores
    void tableWithoutGeometryAndEveryGeometryType(JdbcFeatureStore store) {
        LayerSchema plain = new LayerSchema("fixture_plain", List.of(Attribute.required("id", AttributeType.LONG),
                Attribute.optional("flux", AttributeType.DOUBLE)), GeometryType.NONE, "id");
        try (LayerWriter w = store.replaceLayer(plain, SOURCE)) {
            w.write(new Feature(null, null, Map.of("id", 7L, "flux", 1.5)));
            w.write(new Feature("8", null, Map.of("flux", 2.5)));
            w.commit();
        }
        assertThat(Fixtures.read(store, "fixture_plain", FeatureQuery.all().withSort(
                List.of(new FeatureQuery.SortKey("id", true)))))
                .extracting(Feature::id, Feature::geometry, f -> f.get("flux"))
                .containsExactly(org.assertj.core.groups.Tuple.tuple("7", null, 1.5), org.assertj.core.groups.Tuple.tuple("8", null, 2.5));
        assertThat(store.extent("fixture_plain")).isEmpty();

        for (GeometryType type : List.of(GeometryType.POINT, GeometryType.LINESTRING, GeometryType.GEOMETRY)) {
            String name = "fixture_geom_" + type.name().toLowerCase();
            LayerSchema s = new LayerSchema(name, List.of(Attribute.required("id", AttributeType.STRING)), type, "id");
            var g = switch (type) {
                case POINT -> Fixtures.GF.createPoint(new org.locationtech.jts.geom.Coordinate(652469, 6862035));
                case LINESTRING -> Fixtures.GF.createLineString(new org.locationtech.jts.geom.Coordinate[] {
                        new org.locationtech.jts.geom.Coordinate(0, 0), new org.locationtech.jts.geom.Coordinate(10, 10)});
                default -> Fixtures.square(0, 0, 5);
            };
            Fixtures.load(store, s, List.of(new Feature("a", g, Map.of("id", "a"))));
            assertThat(Fixtures.read(store, name, FeatureQuery.all()).get(0).geometry().equalsExact(g)).isTrue();
        }
    }

    @BothStores
    void replaceSwapsVersionsAndDropsTheOldTable(JdbcFeatureStore store) throws SQLException {
        LayerSchema schema = Fixtures.gridSchema("fixture_replace");
        Fixtures.load(store, schema, Fixtures.grid());
        String v1 = store.publishedTable("fixture_replace").orElseThrow();
        Fixtures.load(store, schema, Fixtures.grid().subList(0, 10));
        String v2 = store.publishedTable("fixture_replace").orElseThrow();

        assertThat(v2).isNotEqualTo(v1);
        assertThat(store.count("fixture_replace", FeatureQuery.all())).isEqualTo(10);
        assertThat(tables(store)).contains(v2).doesNotContain(v1);
        // The view named after the layer follows the published version.
        assertThat(sqlCount(store, "SELECT COUNT(*) FROM " + store.dialect().quote("fixture_replace"))).isEqualTo(10);

        // A new version may change the schema entirely.
        LayerSchema other = new LayerSchema("fixture_replace", List.of(Attribute.required("code", AttributeType.STRING)),
                GeometryType.NONE, "code");
        Fixtures.load(store, other, List.of(new Feature("x", null, Map.of("code", "x"))));
        assertThat(store.schema("fixture_replace")).contains(other);
        assertThat(sqlCount(store, "SELECT COUNT(*) FROM " + store.dialect().quote("fixture_replace"))).isEqualTo(1);
    }

    @BothStores
    void provenanceRoundTripsWithWhoLoadedIt(JdbcFeatureStore store) {
        LayerSchema schema = Fixtures.gridSchema("fixture_provenance");
        LayerInfo.Source source = new LayerInfo.Source("fixture", "grille.csv", "fixture 2026", "admin");
        try (LayerWriter w = store.replaceLayer(schema, source)) {
            Fixtures.grid().subList(0, 3).forEach(w::write);
            w.commit();
        }
        assertThat(store.info("fixture_provenance").orElseThrow().source()).isEqualTo(source);
        // A later version without an operator (a computation) does not inherit the previous one's.
        LayerInfo.Source computed = new LayerInfo.Source("fixture", "calcul", null);
        try (LayerWriter w = store.replaceLayer(schema, computed)) {
            Fixtures.grid().subList(0, 2).forEach(w::write);
            w.commit();
        }
        assertThat(store.info("fixture_provenance").orElseThrow().source()).isEqualTo(computed);
        assertThat(computed.loadedBy()).isNull();
    }

    @BothStores
    void abortedWriteLeavesThePreviousVersionIdentical(JdbcFeatureStore store) throws SQLException {
        LayerSchema schema = Fixtures.gridSchema("fixture_abort");
        Fixtures.load(store, schema, Fixtures.grid());
        List<String> before = snapshot(store, "fixture_abort");
        Set<String> tablesBefore = tables(store);

        try (LayerWriter w = store.replaceLayer(schema, new LayerInfo.Source("other", "x", "y"))) {
            Fixtures.grid().subList(0, 1200 / 12).forEach(w::write);
            // closed without commit
        }
        assertThat(snapshot(store, "fixture_abort")).isEqualTo(before);
        assertThat(store.info("fixture_abort").orElseThrow().source()).isEqualTo(SOURCE);
        assertThat(tables(store)).isEqualTo(tablesBefore);
    }

    @BothStores
    void writeFailingMidwayLeavesThePreviousVersionIdentical(JdbcFeatureStore store) {
        LayerSchema schema = Fixtures.gridSchema("fixture_midway");
        Fixtures.load(store, schema, Fixtures.grid());
        List<String> before = snapshot(store, "fixture_midway");
        Set<String> tablesBefore = tables(store);

        List<Feature> features = new ArrayList<>();
        for (int k = 0; k < 1500; k++) {  // several batches already sent before the failure
            features.add(Fixtures.cell(k % 10, k / 10 % 10));
        }
        Map<String, Object> bad = new LinkedHashMap<>(Fixtures.cell(0, 0).properties());
        bad.put("population", "beaucoup");
        features.add(1200, new Feature(null, null, bad));
        assertThatThrownBy(() -> {
            try (LayerWriter w = store.replaceLayer(schema, SOURCE)) {
                features.forEach(w::write);
                w.commit();
            }
        }).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("fixture_midway").hasMessageContaining("#1201").hasMessageContaining("population")
                .hasMessageContaining("beaucoup");

        assertThat(snapshot(store, "fixture_midway")).isEqualTo(before);
        assertThat(tables(store)).isEqualTo(tablesBefore);
    }

    @BothStores
    void duplicateIdsFailTheCommitAndKeepThePreviousVersion(JdbcFeatureStore store) {
        LayerSchema schema = Fixtures.gridSchema("fixture_dup");
        Fixtures.load(store, schema, Fixtures.grid());
        List<String> before = snapshot(store, "fixture_dup");
        assertThatThrownBy(() -> Fixtures.load(store, schema, List.of(Fixtures.cell(1, 1), Fixtures.cell(2, 2), Fixtures.cell(1, 1))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("duplicate id 'c11'");
        assertThat(snapshot(store, "fixture_dup")).isEqualTo(before);
    }

    @BothStores
    void featuresAreCheckedAgainstTheSchema(JdbcFeatureStore store) {
        LayerSchema schema = Fixtures.gridSchema("fixture_checks");
        Map<String, Object> numericCode = new LinkedHashMap<>(Fixtures.cell(0, 0).properties());
        numericCode.put("code", 1001);
        assertWriteFails(store, schema, new Feature(null, Fixtures.square(0, 0, 1), numericCode), "attribute 'code': expected STRING");
        Map<String, Object> unknown = new LinkedHashMap<>(Fixtures.cell(0, 0).properties());
        unknown.put("typo", 1);
        assertWriteFails(store, schema, new Feature("c00", Fixtures.square(0, 0, 1), unknown), "unknown attribute 'typo'");
        assertWriteFails(store, schema, new Feature("c00", Fixtures.GF.createPoint(new org.locationtech.jts.geom.Coordinate(1, 1)),
                Fixtures.cell(0, 0).properties()), "geometry is a Point but the layer holds MULTIPOLYGON");
        var wgs84 = Fixtures.square(2, 48, 1);
        wgs84.setSRID(4326);
        assertWriteFails(store, schema, new Feature("c00", wgs84, Fixtures.cell(0, 0).properties()), "EPSG:4326");
        Map<String, Object> noId = new LinkedHashMap<>(Fixtures.cell(0, 0).properties());
        noId.remove("code");
        assertWriteFails(store, schema, new Feature(null, null, noId), "attribute 'code' is required");
        assertThat(store.schema("fixture_checks")).isEmpty();
        assertThat(tables(store)).allMatch(t -> !t.startsWith("carence_data_") || store.layerNames().stream()
                .anyMatch(l -> store.publishedTable(l).orElseThrow().equals(t)));
    }

    private static void assertWriteFails(JdbcFeatureStore store, LayerSchema schema, Feature feature, String message) {
        assertThatThrownBy(() -> Fixtures.load(store, schema, List.of(feature)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(message);
    }

    @BothStores
    void dropAndReservedNames(JdbcFeatureStore store) {
        Fixtures.load(store, Fixtures.gridSchema("fixture_drop"), Fixtures.grid().subList(0, 3));
        store.dropLayer("fixture_drop");
        store.dropLayer("fixture_drop");
        assertThat(store.layerNames()).doesNotContain("fixture_drop");
        assertThatThrownBy(() -> store.count("fixture_drop", FeatureQuery.all())).isInstanceOf(LayerNotFoundException.class);
        assertThatThrownBy(() -> store.query("x; DROP TABLE carence_layer", FeatureQuery.all()))
                .isInstanceOf(LayerNotFoundException.class);
        assertThatThrownBy(() -> store.replaceLayer(Fixtures.gridSchema("carence_layer"), SOURCE))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("reserved");
        assertThatThrownBy(() -> store.replaceLayer(Fixtures.gridSchema("spatial_ref_sys"), SOURCE))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** Every feature with its WKB bytes, in id order: equal snapshots mean byte-identical layers. */
    static List<String> snapshot(JdbcFeatureStore store, String layer) {
        WKBWriter wkb = new WKBWriter(2);
        return Fixtures.read(store, layer, FeatureQuery.all().withSort(List.of(new FeatureQuery.SortKey(
                store.schema(layer).orElseThrow().idAttribute(), true)))).stream()
                .map(f -> f.id() + " " + f.properties() + " "
                        + (f.geometry() == null ? "-" : WKBWriter.toHex(wkb.write(f.geometry()))))
                .toList();
    }

    static Set<String> tables(JdbcFeatureStore store) {
        try (Connection c = store.connection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery(store.dialect().listTablesSql())) {
            Set<String> names = new TreeSet<>();
            while (rs.next()) {
                names.add(rs.getString(1));
            }
            return names;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static long sqlCount(JdbcFeatureStore store, String sql) throws SQLException {
        try (Connection c = store.connection(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

}
