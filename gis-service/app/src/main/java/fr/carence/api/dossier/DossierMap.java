package fr.carence.api.dossier;

import fr.carence.analysis.store.ResultLayers;
import fr.carence.ogc.catalog.Catalog;
import fr.carence.ogc.catalog.PublishedLayer;
import fr.carence.ogc.wms.StyleLibrary;
import fr.carence.render.legend.LegendRenderer;
import fr.carence.render.map.MapLayer;
import fr.carence.render.map.MapRenderer;
import fr.carence.render.map.MapViewport;
import fr.carence.render.sld.SldParser;
import fr.carence.render.style.Style;
import fr.carence.store.filter.Filter;
import fr.carence.store.filter.Filter.ComparisonOperator;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.Polygon;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.locationtech.jts.geom.Envelope;

/**
 * The dossier's map, drawn by the service's own renderer with the catalogue's SLD styles (the
 * same pictures as WMS GetMap): commune outlines, carence scores and zones of the scenario, the
 * dossier's zone outlined and its communes named, existing venues, and candidate sites only when
 * the caller's catalogue lists them. A scale bar and a north arrow are drawn on the image; the
 * legend is one image per layer, made by the WMS legend renderer.
 */
public final class DossierMap {

    static final int WIDTH = 1450;
    static final int HEIGHT = (int) Math.round(WIDTH / DossierReader.MAP_ASPECT);
    private static final int LEGEND_SWATCH = 18;

    private final MapRenderer renderer;
    private final Catalog catalog;
    private final StyleLibrary styles;
    private final Style zoneStyle;
    private final Style communesStyle;
    private final LegendRenderer legends = new LegendRenderer();

    public DossierMap(MapRenderer renderer, Catalog catalog) {
        this.renderer = renderer;
        this.catalog = catalog;
        this.styles = new StyleLibrary(catalog);
        SldParser parser = new SldParser();
        this.zoneStyle = parser.parse(resource("/dossier/zone_dossier.sld"), "dossier/zone_dossier.sld");
        this.communesStyle = parser.parse(resource("/dossier/communes_dossier.sld"), "dossier/communes_dossier.sld");
    }

    /** The drawn map and its legend entries (layer title and legend picture). */
    public record Drawn(BufferedImage image, List<Legend> legend, double scaleBarKm) {
    }

    public record Legend(String title, BufferedImage image) {
    }

    /** A catalogued layer to draw: its catalogue name and a style (null: the layer's default). */
    public record Choice(String name, String style) {
    }

    public Drawn draw(ZoneDossier d) {
        String scenario = d.scenario().id();
        Filter ofScenario = DossierReader.scenarioFilter(scenario);
        List<MapLayer> layers = new ArrayList<>();
        List<Legend> legend = new ArrayList<>();
        addCatalogued(layers, legend, "communes", null, null);
        addCatalogued(layers, legend, ResultLayers.INDICATEURS, null, ofScenario);
        addCatalogued(layers, legend, ResultLayers.ZONES, null, ofScenario);
        layers.add(new MapLayer(ResultLayers.ZONES, zoneStyle, new Filter.And(List.of(ofScenario,
                new Filter.Compare("id", ComparisonOperator.EQ, d.zone().id())))));
        legend.add(new Legend("Zone de ce dossier", legends.render(zoneStyle, LEGEND_SWATCH, LEGEND_SWATCH, false)));
        layers.add(new MapLayer(ResultLayers.INDICATEURS, communesStyle, new Filter.And(List.of(ofScenario,
                new Filter.Compare("zone_id", ComparisonOperator.EQ, d.zone().id())))));
        addCatalogued(layers, legend, DossierReader.LIEUX_LAYER, null, null);
        if (d.sitesLisibles()) {
            addCatalogued(layers, legend, DossierReader.SITES_LAYER, null, ofScenario);
        }
        return render(new MapViewport(d.etendueCarte(), 2154, false, WIDTH, HEIGHT), layers, legend);
    }

    /**
     * A map of catalogued layers over a Lambert-93 extent (widened to the image's aspect), result
     * layers filtered on {@code scenario}, with scale bar and north arrow: the printed map of the
     * web map. A layer the caller may not read, or unknown, is left out as WMS would hide it.
     */
    public Drawn draw(Envelope extent, List<Choice> choices, String scenario, int width, int height) {
        List<MapLayer> layers = new ArrayList<>();
        List<Legend> legend = new ArrayList<>();
        for (Choice c : choices) {
            catalog.layer(c.name()).ifPresent(l -> addCatalogued(layers, legend, c.name(), c.style(),
                    l.scenarioColumn() == null ? null : new Filter.Compare(l.scenarioColumn(), ComparisonOperator.EQ, scenario)));
        }
        return render(new MapViewport(withAspect(extent, (double) width / height), 2154, false, width, height), layers, legend);
    }

    /** The extent widened (never cut) to an aspect ratio width / height. */
    public static Envelope withAspect(Envelope extent, double aspect) {
        Envelope e = new Envelope(extent);
        double w = e.getWidth();
        double h = e.getHeight();
        if (w / h < aspect) {
            e.expandBy((h * aspect - w) / 2, 0);
        } else {
            e.expandBy(0, (w / aspect - h) / 2);
        }
        return e;
    }

    private Drawn render(MapViewport view, List<MapLayer> layers, List<Legend> legend) {
        BufferedImage image = renderer.render(view, layers, Color.WHITE);
        Graphics2D g = image.createGraphics();
        double km;
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            km = drawScaleBar(g, view);
            drawNorthArrow(g, view.width());
            g.setColor(Color.DARK_GRAY);
            g.setStroke(new BasicStroke(2));
            g.drawRect(1, 1, view.width() - 3, view.height() - 3);
        } finally {
            g.dispose();
        }
        return new Drawn(image, legend, km);
    }

    /** A catalogued layer the caller may read, with the style asked (when the layer offers it) or its default; absent layers are skipped. */
    private void addCatalogued(List<MapLayer> layers, List<Legend> legend, String name, String styleName, Filter filter) {
        Optional<PublishedLayer> layer = catalog.layer(name);
        if (layer.isEmpty()) {
            return;
        }
        String chosen = styleName != null && (styleName.equals(layer.get().defaultStyle()) || layer.get().styles().contains(styleName)) ? styleName : layer.get().defaultStyle();
        Optional<Style> style = styles.style(chosen);
        if (style.isEmpty()) {
            return;
        }
        layers.add(new MapLayer(layer.get().storeLayer(), style.get(), filter));
        legend.add(new Legend(layer.get().title(), legends.render(style.get(), LEGEND_SWATCH, LEGEND_SWATCH, false)));
    }

    /** A scale bar of a round length (1, 2 or 5 × 10^n km) about a fifth of the map's width; returns the length. */
    static double scaleBarLength(double mapWidthMetres) {
        double target = mapWidthMetres / 5 / 1000;
        double pow = Math.pow(10, Math.floor(Math.log10(target)));
        double best = pow;
        for (double m : new double[] {1, 2, 5, 10}) {
            if (m * pow <= target) {
                best = m * pow;
            }
        }
        return best;
    }

    private static double drawScaleBar(Graphics2D g, MapViewport view) {
        double km = scaleBarLength(view.envelope().getWidth());
        int px = (int) Math.round(km * 1000 / view.pixelSizeX());
        int x = 30;
        int y = view.height() - 40;
        g.setColor(new Color(255, 255, 255, 210));
        g.fillRect(x - 10, y - 38, px + 110, 56);
        g.setColor(Color.BLACK);
        g.fillRect(x, y, px / 2, 10);
        g.setStroke(new BasicStroke(2));
        g.drawRect(x, y, px, 10);
        g.setFont(new Font("SansSerif", Font.PLAIN, 20));
        g.drawString("0", x - 5, y - 8);
        String label = FrenchText.number(km, km < 1 ? 1 : 0) + " km";
        g.drawString(label, x + px - 10, y - 8);
        return km;
    }

    private static void drawNorthArrow(Graphics2D g, int width) {
        int cx = width - 60;
        int top = 30;
        g.setColor(new Color(255, 255, 255, 210));
        g.fillOval(cx - 34, top - 6, 68, 100);
        g.setColor(Color.BLACK);
        g.fill(new Polygon(new int[] {cx, cx + 16, cx}, new int[] {top + 20, top + 80, top + 64}, 3));
        g.setStroke(new BasicStroke(2));
        g.draw(new Polygon(new int[] {cx, cx - 16, cx}, new int[] {top + 20, top + 80, top + 64}, 3));
        g.setFont(new Font("SansSerif", Font.BOLD, 22));
        FontMetrics fm = g.getFontMetrics();
        g.drawString("N", cx - fm.stringWidth("N") / 2, top + 16);
    }

    private static String resource(String path) {
        try (InputStream in = DossierMap.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("ressource manquante dans l'application : " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
