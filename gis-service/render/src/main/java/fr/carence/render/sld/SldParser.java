package fr.carence.render.sld;

import fr.carence.render.style.FeatureTypeStyle;
import fr.carence.render.style.Fill;
import fr.carence.render.style.Font;
import fr.carence.render.style.Graphic;
import fr.carence.render.style.Halo;
import fr.carence.render.style.LabelPlacement;
import fr.carence.render.style.LineSymbolizer;
import fr.carence.render.style.Mark;
import fr.carence.render.style.PointSymbolizer;
import fr.carence.render.style.PolygonSymbolizer;
import fr.carence.render.style.Rule;
import fr.carence.render.style.Stroke;
import fr.carence.render.style.Style;
import fr.carence.render.style.Symbolizer;
import fr.carence.render.style.TextSymbolizer;
import fr.carence.store.filter.Filter;
import fr.carence.xml.SecureXml;
import java.awt.Color;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Parses an SLD 1.0 document (StyledLayerDescriptor / NamedLayer / UserStyle) into a
 * {@link Style}. The XML parser refuses DTDs and external entities (XXE), since styles may come
 * from users. CssParameter (SLD 1.0) and SvgParameter (SE 1.1) are both accepted.
 */
public final class SldParser {

    /**
     * Parses the first UserStyle of the document.
     *
     * @param sld the document text
     * @param sourceName file or style name, used in error messages
     */
    public Style parse(String sld, String sourceName) {
        Document doc = read(sld, sourceName);
        Element root = doc.getDocumentElement();
        if (!Xml.localName(root).equals("StyledLayerDescriptor")) {
            throw new SldParseException(sourceName + ": root element is " + Xml.localName(root)
                    + ", expected StyledLayerDescriptor");
        }
        for (Element layer : Xml.children(root)) {
            for (Element userStyle : Xml.children(layer, "UserStyle")) {
                return userStyle(userStyle, sourceName);
            }
        }
        throw new SldParseException(sourceName + ": no NamedLayer/UserStyle found");
    }

    /**
     * One NamedLayer of a document: the layer it names and either its first UserStyle or the name
     * of its NamedStyle (a style the server already has).
     */
    public record NamedLayerStyle(String layerName, Style userStyle, String namedStyle) {
    }

    /**
     * Every NamedLayer of the document, in order (a WMS SLD_BODY: each names the layer it styles).
     * A NamedLayer needs a Name and a UserStyle or a NamedStyle/Name.
     */
    public List<NamedLayerStyle> parseNamedLayers(String sld, String sourceName) {
        Element root = read(sld, sourceName).getDocumentElement();
        if (!Xml.localName(root).equals("StyledLayerDescriptor")) {
            throw new SldParseException(sourceName + ": root element is " + Xml.localName(root)
                    + ", expected StyledLayerDescriptor");
        }
        List<NamedLayerStyle> out = new ArrayList<>();
        int i = 0;
        for (Element layer : Xml.children(root)) {
            i++;
            String where = sourceName + ", " + Xml.localName(layer) + " " + i;
            if (!Xml.localName(layer).equals("NamedLayer")) {
                throw new SldParseException(where + ": only NamedLayer is supported (a UserLayer would bring its own data)");
            }
            String name = Xml.childText(layer, "Name").filter(n -> !n.isBlank())
                    .orElseThrow(() -> new SldParseException(where + ": NamedLayer without Name"));
            Optional<Element> userStyle = Xml.children(layer, "UserStyle").stream().findFirst();
            if (userStyle.isPresent()) {
                out.add(new NamedLayerStyle(name, userStyle(userStyle.get(), where + " (" + name + ")"), null));
                continue;
            }
            String named = Xml.child(layer, "NamedStyle").flatMap(n -> Xml.childText(n, "Name"))
                    .orElseThrow(() -> new SldParseException(where + " (" + name + "): neither UserStyle nor NamedStyle"));
            out.add(new NamedLayerStyle(name, null, named));
        }
        if (out.isEmpty()) {
            throw new SldParseException(sourceName + ": no NamedLayer found");
        }
        return out;
    }

    /** Through the project's one XML hardening: DTDs and external entities refused, depth bounded. */
    private static Document read(String sld, String sourceName) {
        try {
            return SecureXml.parse(sld);
        } catch (SAXParseException e) {
            throw new SldParseException(sourceName + ", line " + e.getLineNumber() + ": " + e.getMessage(), e);
        } catch (SAXException | IOException e) {
            throw new SldParseException(sourceName + ": " + e.getMessage(), e);
        }
    }

    private Style userStyle(Element us, String source) {
        String name = Xml.childText(us, "Name").orElse(source);
        String title = Xml.childText(us, "Title").orElse(name);
        String abs = Xml.childText(us, "Abstract").orElse(null);
        List<FeatureTypeStyle> ftss = new ArrayList<>();
        int i = 0;
        for (Element fts : Xml.children(us, "FeatureTypeStyle")) {
            i++;
            List<Rule> rules = new ArrayList<>();
            int j = 0;
            for (Element r : Xml.children(fts, "Rule")) {
                j++;
                rules.add(rule(r, source + ", FeatureTypeStyle " + i + ", Rule " + j));
            }
            ftss.add(new FeatureTypeStyle(Xml.childText(fts, "Name").orElse(null), rules));
        }
        if (ftss.isEmpty()) {
            throw new SldParseException(source + ": UserStyle " + name + " has no FeatureTypeStyle");
        }
        return new Style(name, title, abs, ftss);
    }

    private Rule rule(Element r, String where) {
        Filter filter = Xml.child(r, "Filter").map(f -> new SldFilterParser(where).parseFilterElement(f)).orElse(null);
        boolean elseFilter = Xml.child(r, "ElseFilter").isPresent();
        double min = Xml.childText(r, "MinScaleDenominator").map(s -> number(s, where, "MinScaleDenominator")).orElse(0.0);
        double max = Xml.childText(r, "MaxScaleDenominator").map(s -> number(s, where, "MaxScaleDenominator"))
                .orElse(Double.POSITIVE_INFINITY);
        List<Symbolizer> symbolizers = new ArrayList<>();
        for (Element e : Xml.children(r)) {
            switch (Xml.localName(e)) {
                case "PolygonSymbolizer" -> symbolizers.add(new PolygonSymbolizer(
                        Xml.child(e, "Fill").map(f -> fill(f, where)).orElse(null),
                        Xml.child(e, "Stroke").map(s -> stroke(s, where)).orElse(null)));
                case "LineSymbolizer" -> symbolizers.add(new LineSymbolizer(
                        Xml.child(e, "Stroke").map(s -> stroke(s, where)).orElse(Stroke.DEFAULT_BLACK)));
                case "PointSymbolizer" -> symbolizers.add(new PointSymbolizer(
                        Xml.child(e, "Graphic").map(g -> graphic(g, where))
                                .orElse(new Graphic(Mark.DEFAULT_SQUARE, null, 6, 1, 0))));
                case "TextSymbolizer" -> symbolizers.add(text(e, where));
                default -> {
                    // Name, Title, Abstract, LegendGraphic, Filter, scale bounds: handled above or not drawn.
                }
            }
        }
        return new Rule(Xml.childText(r, "Name").orElse(null), Xml.childText(r, "Title").orElse(null),
                filter, elseFilter, min, max, symbolizers);
    }

    private static Map<String, String> parameters(Element e) {
        Map<String, String> out = new HashMap<>();
        for (Element p : Xml.children(e)) {
            String ln = Xml.localName(p);
            if (ln.equals("CssParameter") || ln.equals("SvgParameter")) {
                out.put(p.getAttribute("name").toLowerCase(Locale.ROOT), p.getTextContent().trim());
            }
        }
        return out;
    }

    private static Fill fill(Element e, String where) {
        Map<String, String> p = parameters(e);
        Color c = color(p.getOrDefault("fill", "#808080"), where);
        return new Fill(c, number(p.getOrDefault("fill-opacity", "1"), where, "fill-opacity"));
    }

    private static Stroke stroke(Element e, String where) {
        Map<String, String> p = parameters(e);
        float[] dash = null;
        String d = p.get("stroke-dasharray");
        if (d != null && !d.isBlank()) {
            String[] parts = d.trim().split("[\\s,]+");
            dash = new float[parts.length];
            for (int i = 0; i < parts.length; i++) {
                dash[i] = (float) number(parts[i], where, "stroke-dasharray");
                if (dash[i] < 0) {
                    throw new SldParseException(where + ": stroke-dasharray values must be >= 0");
                }
            }
        }
        return new Stroke(color(p.getOrDefault("stroke", "#000000"), where),
                number(p.getOrDefault("stroke-width", "1"), where, "stroke-width"),
                number(p.getOrDefault("stroke-opacity", "1"), where, "stroke-opacity"), dash);
    }

    private static Graphic graphic(Element g, String where) {
        Mark mark = Xml.child(g, "Mark").map(m -> new Mark(
                Xml.childText(m, "WellKnownName").orElse("square").toLowerCase(Locale.ROOT),
                Xml.child(m, "Fill").map(f -> fill(f, where)).orElse(null),
                Xml.child(m, "Stroke").map(s -> stroke(s, where)).orElse(null))).orElse(Mark.DEFAULT_SQUARE);
        if (!fr.carence.render.map.MarkShapes.KNOWN.contains(mark.wellKnownName())) {
            throw new SldParseException(where + ": unknown WellKnownName '" + mark.wellKnownName()
                    + "' (expected one of " + fr.carence.render.map.MarkShapes.KNOWN + ")");
        }
        String external = Xml.child(g, "ExternalGraphic").flatMap(x -> Xml.child(x, "OnlineResource"))
                .map(o -> o.getAttributeNS("http://www.w3.org/1999/xlink", "href")).filter(s -> !s.isBlank()).orElse(null);
        double size = Xml.childText(g, "Size").map(s -> number(s, where, "Size")).orElse(6.0);
        double opacity = Xml.childText(g, "Opacity").map(s -> number(s, where, "Opacity")).orElse(1.0);
        double rotation = Xml.childText(g, "Rotation").map(s -> number(s, where, "Rotation")).orElse(0.0);
        return new Graphic(mark, external, size, opacity, rotation);
    }

    private static TextSymbolizer text(Element e, String where) {
        String property = Xml.child(e, "Label").flatMap(l -> Xml.child(l, "PropertyName"))
                .map(p -> p.getTextContent().trim().replaceFirst("^.*:", ""))
                .orElseThrow(() -> new SldParseException(where + ": TextSymbolizer needs Label/PropertyName"));
        Font font = Xml.child(e, "Font").map(f -> {
            Map<String, String> p = parameters(f);
            return new Font(p.getOrDefault("font-family", Font.DEFAULT.family()),
                    number(p.getOrDefault("font-size", "10"), where, "font-size"),
                    "bold".equalsIgnoreCase(p.get("font-weight")),
                    "italic".equalsIgnoreCase(p.get("font-style")) || "oblique".equalsIgnoreCase(p.get("font-style")));
        }).orElse(Font.DEFAULT);
        LabelPlacement placement = Xml.child(e, "LabelPlacement").map(lp -> placement(lp, where))
                .orElse(LabelPlacement.Point.DEFAULT);
        Halo halo = Xml.child(e, "Halo").map(h -> new Halo(
                Xml.childText(h, "Radius").map(s -> number(s, where, "Halo/Radius")).orElse(1.0),
                Xml.child(h, "Fill").map(f -> fill(f, where)).orElse(new Fill(Color.WHITE, 1)))).orElse(null);
        Fill fill = Xml.child(e, "Fill").map(f -> fill(f, where)).orElse(new Fill(Color.BLACK, 1));
        return new TextSymbolizer(property, font, placement, halo, fill);
    }

    private static LabelPlacement placement(Element lp, String where) {
        Optional<Element> line = Xml.child(lp, "LinePlacement");
        if (line.isPresent()) {
            return new LabelPlacement.Line(Xml.childText(line.get(), "PerpendicularOffset")
                    .map(s -> number(s, where, "PerpendicularOffset")).orElse(0.0));
        }
        Optional<Element> point = Xml.child(lp, "PointPlacement");
        if (point.isEmpty()) {
            return LabelPlacement.Point.DEFAULT;
        }
        Element pp = point.get();
        double ax = 0;
        double ay = 0.5;
        Optional<Element> anchor = Xml.child(pp, "AnchorPoint");
        if (anchor.isPresent()) {
            ax = Xml.childText(anchor.get(), "AnchorPointX").map(s -> number(s, where, "AnchorPointX")).orElse(0.0);
            ay = Xml.childText(anchor.get(), "AnchorPointY").map(s -> number(s, where, "AnchorPointY")).orElse(0.5);
        }
        double dx = 0;
        double dy = 0;
        Optional<Element> disp = Xml.child(pp, "Displacement");
        if (disp.isPresent()) {
            dx = Xml.childText(disp.get(), "DisplacementX").map(s -> number(s, where, "DisplacementX")).orElse(0.0);
            dy = Xml.childText(disp.get(), "DisplacementY").map(s -> number(s, where, "DisplacementY")).orElse(0.0);
        }
        double rot = Xml.childText(pp, "Rotation").map(s -> number(s, where, "Rotation")).orElse(0.0);
        return new LabelPlacement.Point(ax, ay, dx, dy, rot);
    }

    private static double number(String s, String where, String what) {
        try {
            return Double.parseDouble(s.trim());
        } catch (NumberFormatException e) {
            throw new SldParseException(where + ": " + what + " is not a number: '" + s + "'");
        }
    }

    private static Color color(String s, String where) {
        String v = s.trim();
        if (v.matches("#[0-9a-fA-F]{6}")) {
            return new Color(Integer.parseInt(v.substring(1), 16));
        }
        if (v.matches("#[0-9a-fA-F]{3}")) {
            int r = Integer.parseInt(v.substring(1, 2), 16);
            int g = Integer.parseInt(v.substring(2, 3), 16);
            int b = Integer.parseInt(v.substring(3, 4), 16);
            return new Color(r * 17, g * 17, b * 17);
        }
        throw new SldParseException(where + ": colour '" + s + "' is not #RRGGBB");
    }
}
