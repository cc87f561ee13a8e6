package fr.carence.ogc.tiles;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.carence.ogc.catalog.Catalog;
import fr.carence.ogc.wms.StyleLibrary;
import fr.carence.render.style.FeatureTypeStyle;
import fr.carence.render.style.Fill;
import fr.carence.render.style.LineSymbolizer;
import fr.carence.render.style.PolygonSymbolizer;
import fr.carence.render.style.Rule;
import fr.carence.render.style.Stroke;
import fr.carence.render.style.Style;
import fr.carence.render.style.Symbolizer;
import fr.carence.render.style.TextSymbolizer;
import fr.carence.store.filter.Filter;
import java.awt.Color;

/**
 * A catalogue SLD style as JSON rules, for web maps that draw the vector tiles themselves: the
 * same style library WMS draws with ({@link StyleLibrary}), so the client's classes, colours and
 * scale ranges cannot drift from the SLD. Filters are written in CQL2-JSON (comparisons, between,
 * is-null, and/or/not: what the catalogue's styles use); symbolizers as fill, stroke and label.
 * Point symbolizers are not written (the tiled layers are polygons); a style with a filter
 * outside that subset is refused, so a new SLD construct is noticed rather than drawn wrongly.
 */
final class TileStyles {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final StyleLibrary library;

    TileStyles(Catalog catalog) {
        this.library = new StyleLibrary(catalog);
    }

    /** The style as JSON, or null when the catalogue does not know it. */
    ObjectNode json(String styleName) {
        Style style = library.style(styleName).orElse(null);
        if (style == null) {
            return null;
        }
        ObjectNode doc = JSON.createObjectNode();
        doc.put("id", style.name());
        doc.put("title", style.title());
        if (style.abstractText() != null) {
            doc.put("description", style.abstractText());
        }
        doc.put("source", "sld-styles (SLD 1.0), règles identiques au WMS");
        ArrayNode passes = doc.putArray("passes");
        for (FeatureTypeStyle fts : style.featureTypeStyles()) {
            ArrayNode rules = passes.addObject().putArray("rules");
            for (Rule r : fts.rules()) {
                rules.add(rule(r, styleName));
            }
        }
        return doc;
    }

    private static ObjectNode rule(Rule r, String styleName) {
        ObjectNode o = JSON.createObjectNode();
        o.put("name", r.name());
        o.put("title", r.label());
        if (r.filter() != null) {
            o.set("filter", cql2(r.filter(), styleName));
        }
        o.put("else", r.elseFilter());
        o.put("minScaleDenominator", r.minScaleDenominator());
        if (Double.isFinite(r.maxScaleDenominator())) {
            o.put("maxScaleDenominator", r.maxScaleDenominator());
        }
        ArrayNode symbolizers = o.putArray("symbolizers");
        for (Symbolizer s : r.symbolizers()) {
            ObjectNode j = symbolizer(s);
            if (j != null) {
                symbolizers.add(j);
            }
        }
        return o;
    }

    private static ObjectNode symbolizer(Symbolizer s) {
        ObjectNode o = JSON.createObjectNode();
        if (s instanceof PolygonSymbolizer p) {
            o.put("type", "polygon");
            fill(o, "fill", p.fill());
            stroke(o, p.stroke());
        } else if (s instanceof LineSymbolizer l) {
            o.put("type", "line");
            stroke(o, l.stroke());
        } else if (s instanceof TextSymbolizer t) {
            o.put("type", "text");
            o.put("label", t.labelProperty());
            o.put("font", (t.font().italic() ? "italic " : "") + (t.font().bold() ? "bold " : "")
                    + Math.round(t.font().size()) + "px " + t.font().family());
            fill(o, "fill", t.fill());
            if (t.halo() != null) {
                o.put("haloRadius", t.halo().radius());
                fill(o, "halo", t.halo().fill());
            }
        } else {
            return null;
        }
        return o;
    }

    private static void fill(ObjectNode o, String name, Fill f) {
        if (f != null) {
            o.put(name, rgba(f.color(), f.opacity()));
        }
    }

    private static void stroke(ObjectNode o, Stroke s) {
        if (s == null) {
            return;
        }
        ObjectNode j = o.putObject("stroke");
        j.put("color", rgba(s.color(), s.opacity()));
        j.put("width", s.width());
        if (s.dashArray() != null) {
            ArrayNode d = j.putArray("dash");
            for (float v : s.dashArray()) {
                d.add(v);
            }
        }
    }

    /** CSS colour with the SLD opacity: what OpenLayers takes. */
    static String rgba(Color c, double opacity) {
        return "rgba(" + c.getRed() + "," + c.getGreen() + "," + c.getBlue() + ","
                + Math.max(0, Math.min(1, opacity)) + ")";
    }

    /** The filter in CQL2-JSON (OGC 21-065 §8), limited to what styles use. */
    static ObjectNode cql2(Filter f, String styleName) {
        ObjectNode o = JSON.createObjectNode();
        if (f instanceof Filter.And a) {
            o.put("op", "and");
            ArrayNode args = o.putArray("args");
            a.operands().forEach(x -> args.add(cql2(x, styleName)));
        } else if (f instanceof Filter.Or a) {
            o.put("op", "or");
            ArrayNode args = o.putArray("args");
            a.operands().forEach(x -> args.add(cql2(x, styleName)));
        } else if (f instanceof Filter.Not n) {
            o.put("op", "not");
            o.putArray("args").add(cql2(n.operand(), styleName));
        } else if (f instanceof Filter.Compare c) {
            o.put("op", switch (c.operator()) {
                case EQ -> "=";
                case NE -> "<>";
                case LT -> "<";
                case LE -> "<=";
                case GT -> ">";
                case GE -> ">=";
            });
            ArrayNode args = o.putArray("args");
            args.addObject().put("property", c.property());
            args.add(JSON.valueToTree(c.value()));
        } else if (f instanceof Filter.Between b) {
            o.put("op", "between");
            ArrayNode args = o.putArray("args");
            args.addObject().put("property", b.property());
            args.add(JSON.valueToTree(b.lower()));
            args.add(JSON.valueToTree(b.upper()));
        } else if (f instanceof Filter.IsNull n) {
            o.put("op", "isNull");
            o.putArray("args").addObject().put("property", n.property());
        } else {
            throw new IllegalStateException("Style « " + styleName + " » : filtre non traduisible pour les tuiles ("
                    + f.getClass().getSimpleName() + ")");
        }
        return o;
    }
}
