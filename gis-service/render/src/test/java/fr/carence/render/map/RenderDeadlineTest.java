package fr.carence.render.map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.carence.render.sld.SldParser;
import fr.carence.render.style.Style;
import fr.carence.store.Feature;
import fr.carence.store.FeatureStore;
import fr.carence.store.LayerInfo;
import fr.carence.store.LayerSchema;
import fr.carence.store.LayerSchema.Attribute;
import fr.carence.store.LayerSchema.AttributeType;
import fr.carence.store.LayerWriter;
import fr.carence.store.testing.BothStores;
import java.awt.image.BufferedImage;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.PrecisionModel;

/** A map past its deadline stops with {@link RenderTimeoutException}; within it, the deadline changes nothing. */
class RenderDeadlineTest {

    private static final GeometryFactory GF = new GeometryFactory(new PrecisionModel(), FeatureStore.STORAGE_SRID);
    private static final String LAYER = "fixture_deadline";
    private static final Style STYLE = new SldParser().parse("""
            <StyledLayerDescriptor version="1.0.0" xmlns="http://www.opengis.net/sld"><NamedLayer><Name>x</Name><UserStyle>
             <FeatureTypeStyle><Rule><PolygonSymbolizer><Fill><CssParameter name="fill">#e31a1c</CssParameter></Fill>
             </PolygonSymbolizer></Rule></FeatureTypeStyle></UserStyle></NamedLayer></StyledLayerDescriptor>""", "fixture");

    private static void load(FeatureStore store) {
        LayerSchema schema = new LayerSchema(LAYER, List.of(Attribute.required("id", AttributeType.STRING)),
                LayerSchema.GeometryType.POLYGON, "id");
        try (LayerWriter w = store.replaceLayer(schema, new LayerInfo.Source("fixture", "RenderDeadlineTest", null))) {
            for (int i = 0; i < 600; i++) {
                double x = 700_000 + (i % 30) * 100;
                double y = 6_600_000 + (i / 30) * 100;
                w.write(new Feature("f" + i, GF.toGeometry(new Envelope(x, x + 90, y, y + 90)), Map.of("id", "f" + i)));
            }
            w.commit();
        }
    }

    @BothStores
    void anExpiredDeadlineStopsTheMapAndAGenerousOneChangesNothing(FeatureStore store) {
        load(store);
        MapViewport view = new MapViewport(new Envelope(699_900, 703_100, 6_599_900, 6_602_100), 2154, false, 320, 220);
        List<MapLayer> layers = List.of(new MapLayer(LAYER, STYLE, null));
        MapRenderer renderer = new MapRenderer(store);
        assertThatThrownBy(() -> renderer.render(view, layers, null, RenderDeadline.after(Duration.ofNanos(1))))
                .isInstanceOf(RenderTimeoutException.class);
        BufferedImage plain = renderer.render(view, layers, null);
        BufferedImage timed = renderer.render(view, layers, null, RenderDeadline.after(Duration.ofSeconds(60)));
        assertThat(timed.getRGB(15, 205)).isEqualTo(plain.getRGB(15, 205)).isEqualTo(0xffe31a1c);
        assertThat(RenderDeadline.NONE.remaining()).isNull();
        assertThat(RenderDeadline.after(Duration.ofSeconds(60)).remaining()).isPositive();
    }
}
