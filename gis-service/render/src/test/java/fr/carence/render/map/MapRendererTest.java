package fr.carence.render.map;

import static org.assertj.core.api.Assertions.assertThat;

import fr.carence.crs.CrsTransforms;
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
import java.awt.image.BufferedImage;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.PrecisionModel;

/**
 * Renders a small fixture layer (three 1 km squares in Lambert-93, made up for this test) from
 * both stores and checks pixels: rule fills, ElseFilter, scale-dependent labels, reprojection.
 */
class MapRendererTest {

    private static final GeometryFactory GF = new GeometryFactory(new PrecisionModel(), FeatureStore.STORAGE_SRID);
    private static final String LAYER = "fixture_carres";
    private static final int RED = 0xffe31a1c;
    private static final int BLUE = 0xff1f78b4;
    private static final int GREEN = 0xff33a02c;

    private static final String FIXTURE_SLD = """
            <StyledLayerDescriptor version="1.0.0" xmlns="http://www.opengis.net/sld" xmlns:ogc="http://www.opengis.net/ogc">
             <NamedLayer><Name>fixture_carres</Name><UserStyle><Name>fixture</Name>
              <FeatureTypeStyle>
               <Rule><Title>Classe 1</Title>
                <ogc:Filter><ogc:PropertyIsEqualTo><ogc:PropertyName>classe</ogc:PropertyName><ogc:Literal>1</ogc:Literal></ogc:PropertyIsEqualTo></ogc:Filter>
                <PolygonSymbolizer><Fill><CssParameter name="fill">#e31a1c</CssParameter></Fill></PolygonSymbolizer></Rule>
               <Rule><Title>Classe 2</Title>
                <ogc:Filter><ogc:PropertyIsEqualTo><ogc:PropertyName>classe</ogc:PropertyName><ogc:Literal>2</ogc:Literal></ogc:PropertyIsEqualTo></ogc:Filter>
                <PolygonSymbolizer><Fill><CssParameter name="fill">#1f78b4</CssParameter></Fill></PolygonSymbolizer></Rule>
               <Rule><Title>Sans attribut</Title>
                <ogc:Filter><ogc:PropertyIsEqualTo><ogc:PropertyName>absente</ogc:PropertyName><ogc:Literal>1</ogc:Literal></ogc:PropertyIsEqualTo></ogc:Filter>
                <PolygonSymbolizer><Fill><CssParameter name="fill">#000000</CssParameter></Fill></PolygonSymbolizer></Rule>
               <Rule><Title>Autre</Title><ElseFilter/>
                <PolygonSymbolizer><Fill><CssParameter name="fill">#33a02c</CssParameter></Fill></PolygonSymbolizer></Rule>
              </FeatureTypeStyle>
              <FeatureTypeStyle>
               <Rule><Title>Nom</Title><MaxScaleDenominator>100000</MaxScaleDenominator>
                <TextSymbolizer><Label><ogc:PropertyName>nom</ogc:PropertyName></Label>
                 <Font><CssParameter name="font-size">14</CssParameter></Font>
                 <LabelPlacement><PointPlacement><AnchorPoint><AnchorPointX>0.5</AnchorPointX><AnchorPointY>0.5</AnchorPointY></AnchorPoint></PointPlacement></LabelPlacement>
                 <Fill><CssParameter name="fill">#000000</CssParameter></Fill></TextSymbolizer></Rule>
              </FeatureTypeStyle>
             </UserStyle></NamedLayer></StyledLayerDescriptor>""";

    private static Style style() {
        return new SldParser().parse(FIXTURE_SLD, "fixture");
    }

    private static void load(FeatureStore store) {
        LayerSchema schema = new LayerSchema(LAYER, List.of(Attribute.required("id", AttributeType.STRING),
                Attribute.optional("classe", AttributeType.INTEGER), Attribute.optional("nom", AttributeType.STRING)),
                LayerSchema.GeometryType.POLYGON, "id");
        try (LayerWriter w = store.replaceLayer(schema, new LayerInfo.Source("fixture", "MapRendererTest", null))) {
            w.write(square("a", 1, "Alpha", 700_000));
            w.write(square("b", 2, "Beta", 702_000));
            w.write(square("c", null, "Gamma", 704_000));
            w.commit();
        }
    }

    private static Feature square(String id, Integer classe, String nom, double x) {
        Map<String, Object> p = new HashMap<>();
        p.put("id", id);
        p.put("classe", classe);
        p.put("nom", nom);
        return new Feature(id, GF.toGeometry(new Envelope(x, x + 1000, 6_600_000, 6_601_000)), p);
    }

    @BothStores
    void eachFeatureGetsTheFillOfItsRuleAndElseRuleCatchesTheRest(FeatureStore store) {
        load(store);
        // 6 km x 2 km at 10 m per pixel: 1:35,714, labels on.
        MapViewport view = new MapViewport(new Envelope(699_500, 705_500, 6_599_500, 6_601_500), 2154, false, 600, 200);
        MapRenderer renderer = new MapRenderer(store);
        BufferedImage image = renderer.render(view, List.of(new MapLayer(LAYER, style(), null)), null);
        assertThat(image.getWidth()).isEqualTo(600);
        assertThat(image.getHeight()).isEqualTo(200);
        // 100 m inside the south-west corner of each square (labels sit at the centres).
        assertThat(image.getRGB(60, 140)).isEqualTo(RED);
        assertThat(image.getRGB(260, 140)).isEqualTo(BLUE);
        assertThat(image.getRGB(460, 140)).isEqualTo(GREEN);
        assertThat(image.getRGB(5, 5) >>> 24).as("transparent outside the squares").isZero();
        assertThat(image.getRGB(200, 100) >>> 24).as("gap between squares").isZero();
        // Label "Alpha" is drawn in black over the centre of square a (pixel 100, 100).
        assertThat(countColour(image, 70, 90, 60, 20, 0xff000000)).isPositive();
    }

    @BothStores
    void labelsFollowTheirScaleRangeAndBaseFilterRestrictsFeatures(FeatureStore store) {
        load(store);
        // 60 km wide at 600 px: 1:357,143, beyond the label rule's 1:100,000.
        MapViewport far = new MapViewport(new Envelope(672_500, 732_500, 6_590_500, 6_610_500), 2154, false, 600, 200);
        Filter onlyB = new Filter.Compare("id", Filter.ComparisonOperator.EQ, "b");
        BufferedImage image = new MapRenderer(store).render(far, List.of(new MapLayer(LAYER, style(), onlyB)), null);
        // Square b spans x 295..305, y 95..105.
        assertThat(image.getRGB(300, 100)).isEqualTo(BLUE);
        assertThat(countColour(image, 0, 0, 600, 200, 0xff000000)).as("no label at this scale").isZero();
        assertThat(image.getRGB(280, 100) >>> 24).as("square a filtered out").isZero();
    }

    @BothStores
    void reprojectsToGeographicCoordinates(FeatureStore store) {
        load(store);
        Envelope l93 = new Envelope(699_500, 705_500, 6_599_500, 6_601_500);
        Envelope wgs84 = CrsTransforms.transform(l93, 2154, 4326);
        MapViewport view = new MapViewport(wgs84, 4326, true, 600, 200);
        BufferedImage image = new MapRenderer(store).render(view, List.of(new MapLayer(LAYER, style(), null)), null);
        double[] inA = CrsTransforms.transform(700_100, 6_600_100, 2154, 4326);
        double[] inC = CrsTransforms.transform(704_900, 6_600_900, 2154, 4326);
        assertThat(image.getRGB((int) view.toScreenX(inA[0]), (int) view.toScreenY(inA[1]))).isEqualTo(RED);
        assertThat(image.getRGB((int) view.toScreenX(inC[0]), (int) view.toScreenY(inC[1]))).isEqualTo(GREEN);
    }

    static int countColour(BufferedImage image, int x0, int y0, int w, int h, int argb) {
        int n = 0;
        for (int y = y0; y < y0 + h; y++) {
            for (int x = x0; x < x0 + w; x++) {
                if (image.getRGB(x, y) == argb) {
                    n++;
                }
            }
        }
        return n;
    }
}
