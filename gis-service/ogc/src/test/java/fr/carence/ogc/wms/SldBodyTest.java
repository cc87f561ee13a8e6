package fr.carence.ogc.wms;

import static fr.carence.ogc.wms.WmsCall.call;
import static org.assertj.core.api.Assertions.assertThat;

import fr.carence.crs.CrsTransforms;
import fr.carence.ogc.catalog.Catalog;
import fr.carence.ogc.catalog.PublishedLayer;
import fr.carence.ogc.security.CallerRoles;
import fr.carence.ogc.security.ReadableLayersCatalog;
import fr.carence.store.FeatureStore;
import fr.carence.store.testing.BothStores;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * SLD_BODY (WMS SLD profile): a client's UserStyle draws the named layers in its colours, its
 * legend follows it, the layers it names are resolved through the catalogue (a layer hidden from
 * the caller stays unknown), and hostile styles are refused with a clear exception.
 */
class SldBodyTest {

    private static final Catalog CATALOG = WmsTestData.catalog();

    private static String bbox() {
        double[] p = CrsTransforms.transform(WmsTestData.AURILLAC_LON, WmsTestData.AURILLAC_LAT, 4326, 2154);
        return String.format(Locale.ROOT, "%.1f,%.1f,%.1f,%.1f", p[0] - 2000, p[1] - 2000, p[0] + 2000, p[1] + 2000);
    }

    static String sld(String layer, String ruleBody) {
        return "<StyledLayerDescriptor version=\"1.0.0\" xmlns=\"http://www.opengis.net/sld\" xmlns:ogc=\"http://www.opengis.net/ogc\">"
                + "<NamedLayer><Name>" + layer + "</Name><UserStyle><Title>Style client</Title><FeatureTypeStyle><Rule><Title>Tout vert</Title>"
                + ruleBody + "</Rule></FeatureTypeStyle></UserStyle></NamedLayer></StyledLayerDescriptor>";
    }

    static final String GREEN_FILL = "<PolygonSymbolizer><Fill><CssParameter name=\"fill\">#00C832</CssParameter></Fill></PolygonSymbolizer>";

    private static MockHttpServletResponse getMap(WmsService wms, String... extra) {
        String[] base = {"SERVICE", "WMS", "VERSION", "1.3.0", "REQUEST", "GetMap", "CRS", "EPSG:2154", "BBOX", bbox(),
            "WIDTH", "100", "HEIGHT", "100", "FORMAT", "image/png"};
        String[] all = new String[base.length + extra.length];
        System.arraycopy(base, 0, all, 0, base.length);
        System.arraycopy(extra, 0, all, base.length, extra.length);
        return call(wms, all);
    }

    @BothStores
    void aUserStyleDrawsTheLayerInItsOwnColour(FeatureStore store) {
        WmsTestData.load(store);
        WmsService wms = new WmsService(store, CATALOG, WmsSettings.defaults());
        // Aurillac's centre lies inside the commune: with the client's style the centre pixel is its green.
        MockHttpServletResponse r = getMap(wms, "LAYERS", "carence:communes", "SLD_BODY", sld("carence:communes", GREEN_FILL));
        assertThat(r.getStatus()).as(WmsCall.text(r)).isEqualTo(200);
        BufferedImage image = WmsCall.image(r);
        assertThat(image.getRGB(50, 50) & 0xFFFFFF).isEqualTo(0x00C832);
        // Without LAYERS the SLD's NamedLayers are the map.
        BufferedImage fromSld = WmsCall.image(getMap(wms, "SLD_BODY", sld("communes", GREEN_FILL)));
        assertThat(fromSld.getRGB(50, 50) & 0xFFFFFF).isEqualTo(0x00C832);
        // The catalogue style draws no fill there: the colour really comes from SLD_BODY.
        BufferedImage normal = WmsCall.image(getMap(wms, "LAYERS", "carence:communes"));
        assertThat(normal.getRGB(50, 50) & 0xFFFFFF).isNotEqualTo(0x00C832);
        // A filter of the user style on a real attribute: a rule for another commune's code draws nothing here.
        String other = "<ogc:Filter><ogc:PropertyIsEqualTo><ogc:PropertyName>code</ogc:PropertyName><ogc:Literal>48095</ogc:Literal>"
                + "</ogc:PropertyIsEqualTo></ogc:Filter>" + GREEN_FILL;
        BufferedImage filtered = WmsCall.image(getMap(wms, "LAYERS", "carence:communes", "SLD_BODY", sld("carence:communes", other)));
        assertThat(filtered.getRGB(50, 50) & 0xFFFFFF).isNotEqualTo(0x00C832);
    }

    @BothStores
    void theLegendFollowsTheUserStyle(FeatureStore store) {
        WmsTestData.load(store);
        WmsService wms = new WmsService(store, CATALOG, WmsSettings.defaults());
        MockHttpServletResponse r = call(wms, "SERVICE", "WMS", "REQUEST", "GetLegendGraphic", "LAYER", "carence:communes",
                "FORMAT", "image/png", "SLD_BODY", sld("carence:communes", GREEN_FILL));
        assertThat(r.getStatus()).as(WmsCall.text(r)).isEqualTo(200);
        BufferedImage legend = WmsCall.image(r);
        boolean green = false;
        for (int x = 0; x < legend.getWidth() && !green; x++) {
            for (int y = 0; y < legend.getHeight() && !green; y++) {
                green = (legend.getRGB(x, y) & 0xFFFFFF) == 0x00C832;
            }
        }
        assertThat(green).as("the swatch has the user style's fill").isTrue();
        MockHttpServletResponse other = call(wms, "SERVICE", "WMS", "REQUEST", "GetLegendGraphic", "LAYER", "carence:zones_carence",
                "SLD_BODY", sld("carence:communes", GREEN_FILL));
        assertThat(other.getStatus()).isEqualTo(400);
        assertThat(WmsCall.text(other)).contains("StyleNotDefined", "SLD_BODY");
    }

    @BothStores
    void layersNamedBySldBodyAreResolvedThroughTheCatalogue(FeatureStore store) {
        WmsTestData.load(store);
        // A catalogue that hides communes from this caller (as the security decorator does for restricted layers).
        Catalog hiding = new HidingCatalog(CATALOG, "communes");
        WmsService wms = new WmsService(store, hiding, WmsSettings.defaults());
        MockHttpServletResponse hidden = getMap(wms, "LAYERS", "carence:departements", "SLD_BODY", sld("carence:communes", GREEN_FILL));
        MockHttpServletResponse unknown = getMap(wms, "LAYERS", "carence:departements", "SLD_BODY", sld("carence:inexistante", GREEN_FILL));
        assertThat(hidden.getStatus()).isEqualTo(400);
        assertThat(WmsCall.text(hidden)).contains("code=\"LayerNotDefined\"", "locator=\"SLD_BODY\"");
        // Same answer as a layer that does not exist: nothing tells the caller the layer is there.
        assertThat(WmsCall.text(hidden).replace("communes", "X")).isEqualTo(WmsCall.text(unknown).replace("inexistante", "X"));
        // Store tables outside the catalogue are not reachable either.
        MockHttpServletResponse registry = getMap(wms, "SLD_BODY", sld("carence_layers", GREEN_FILL));
        assertThat(WmsCall.text(registry)).contains("LayerNotDefined");
    }

    @BothStores
    void hostileSldBodiesGetAClearException(FeatureStore store) {
        WmsTestData.load(store);
        WmsService wms = new WmsService(store, CATALOG, WmsSettings.defaults().withLimits(200_000_000, 5_000,
                java.time.Duration.ofSeconds(60)));
        record Case(String sld, String expected) {
        }
        List<Case> cases = List.of(
                new Case("<StyledLayerDescriptor", "SLD_BODY n'est pas"),
                new Case("<Foo/>", "StyledLayerDescriptor"),
                new Case("<StyledLayerDescriptor xmlns=\"http://www.opengis.net/sld\"><UserLayer/></StyledLayerDescriptor>", "UserLayer"),
                new Case(sld("carence:communes", "<LineSymbolizer><Stroke><CssParameter name=\"stroke-width\">100000</CssParameter></Stroke></LineSymbolizer>"),
                        "stroke-width"),
                new Case(sld("carence:communes", "<LineSymbolizer><Stroke><CssParameter name=\"stroke-dasharray\">0.001 0.001</CssParameter></Stroke></LineSymbolizer>"),
                        "stroke-dasharray"),
                new Case(sld("carence:communes", "<PointSymbolizer><Graphic><Mark><WellKnownName>circle</WellKnownName></Mark><Size>1e9</Size></Graphic></PointSymbolizer>"),
                        "Graphic/Size"),
                new Case(sld("carence:communes", "<TextSymbolizer><Label><ogc:PropertyName>nom</ogc:PropertyName></Label><Font><CssParameter name=\"font-size\">100000</CssParameter></Font></TextSymbolizer>"),
                        "font-size"),
                new Case(sld("carence:communes", GREEN_FILL + "</Rule><Rule>".repeat(150) + GREEN_FILL), "règles"),
                new Case("x".repeat(5_001), "trop long"));
        for (Case c : cases) {
            MockHttpServletResponse r = getMap(wms, "LAYERS", "carence:communes", "SLD_BODY", c.sld());
            assertThat(r.getStatus()).as(c.sld()).isEqualTo(400);
            assertThat(WmsCall.text(r)).as(c.sld()).contains("locator=\"SLD_BODY\"", c.expected());
        }
        // A style to fetch from a URL is refused without any fetch (no SSRF).
        MockHttpServletResponse url = getMap(wms, "LAYERS", "carence:communes", "SLD", "http://169.254.169.254/latest/meta-data/");
        assertThat(url.getStatus()).isEqualTo(400);
        assertThat(WmsCall.text(url)).contains("OptionNotSupported", "locator=\"SLD\"");
    }

    @BothStores
    void aRestrictedLayerIsNotReachableThroughSldBody(FeatureStore store) {
        WmsTestData.load(store);
        // The application's per-caller catalogue: sites_candidats is readable by FUNDER and ADMIN only.
        WmsService anonymous = new WmsService(store, new ReadableLayersCatalog(CATALOG, CallerRoles.anonymous()), WmsSettings.defaults());
        WmsService funder = new WmsService(store, new ReadableLayersCatalog(CATALOG, () -> Set.of("FUNDER")), WmsSettings.defaults());
        String points = "<PointSymbolizer><Graphic><Mark><WellKnownName>circle</WellKnownName></Mark><Size>8</Size></Graphic></PointSymbolizer>";
        MockHttpServletResponse hidden = getMap(anonymous, "SLD_BODY", sld("carence:sites_candidats", points));
        assertThat(hidden.getStatus()).isEqualTo(400);
        assertThat(WmsCall.text(hidden)).contains("code=\"LayerNotDefined\"", "locator=\"SLD_BODY\"");
        MockHttpServletResponse legend = call(anonymous, "SERVICE", "WMS", "REQUEST", "GetLegendGraphic", "LAYER", "carence:communes",
                "SLD_BODY", sld("carence:sites_candidats", points));
        assertThat(WmsCall.text(legend)).contains("LayerNotDefined");
        MockHttpServletResponse allowed = getMap(funder, "SLD_BODY", sld("carence:sites_candidats", points));
        assertThat(allowed.getStatus()).as(WmsCall.text(allowed)).isEqualTo(200);
    }

    /** A catalogue that does not show some layers (test double of a per-caller view of the catalogue). */
    record HidingCatalog(Catalog delegate, String hidden) implements Catalog {
        @Override
        public fr.carence.ogc.catalog.ColumnSecurityRules columnRules() {
            return delegate.columnRules();
        }

        @Override
        public boolean columnReadable(String layer, String column) {
            return delegate.columnReadable(layer, column);
        }

        @Override
        public String workspace() {
            return delegate.workspace();
        }

        @Override
        public String namespaceUri() {
            return delegate.namespaceUri();
        }

        @Override
        public List<PublishedLayer> layers() {
            return delegate.layers().stream().filter(l -> !l.name().equals(hidden)).toList();
        }

        @Override
        public Optional<PublishedLayer> layer(String name) {
            return delegate.layer(name).filter(l -> !l.name().equals(hidden));
        }

        @Override
        public List<String> styleNames() {
            return delegate.styleNames();
        }

        @Override
        public Optional<String> styleSld(String styleName) {
            return delegate.styleSld(styleName);
        }
    }
}
