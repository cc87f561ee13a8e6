package fr.carence.ogc.features;

import com.fasterxml.jackson.databind.JsonNode;
import fr.carence.ogc.core.FeatureIds;
import fr.carence.ogc.core.PagePlan;
import fr.carence.ogc.format.LayerFeatures;
import fr.carence.ogc.format.ValueText;
import fr.carence.ogc.xml.XmlText;
import fr.carence.store.Feature;
import fr.carence.store.FeatureCursor;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The HTML view of every resource, for a browser: plain pages in French without script, whose
 * links are those of the JSON document. Every text from the data is escaped.
 */
final class HtmlPages {

    private HtmlPages() {
    }

    /** Any JSON document (landing page, conformance, collections, queryables, OpenAPI) as nested lists. */
    static String document(String title, JsonNode doc, String root) {
        StringBuilder sb = head(title, root);
        node(sb, doc);
        return sb.append("</body></html>\n").toString();
    }

    static String items(String title, List<LayerFeatures> parts, PagePlan plan, List<ApiLink> links, String root) {
        StringBuilder sb = head(title, root);
        sb.append("<p>").append(plan.numberReturned()).append(" objet(s) sur cette page");
        if (plan.numberMatched().isPresent()) {
            sb.append(", ").append(plan.numberMatched().getAsLong()).append(" au total");
        }
        sb.append(".</p>\n");
        links(sb, links);
        boolean header = false;
        sb.append("<table>\n");
        for (LayerFeatures lf : parts) {
            if (!header) {
                sb.append("<tr><th>id</th>");
                lf.attributes().forEach(a -> sb.append("<th>").append(esc(a)).append("</th>"));
                sb.append("</tr>\n");
                header = true;
            }
            try (FeatureCursor c = lf.cursor().get()) {
                while (c.hasNext()) {
                    Feature f = c.next();
                    String id = FeatureIds.encode(lf.layer(), f.id());
                    sb.append("<tr><td><a href=\"").append(esc(root + "/collections/" + lf.layer() + "/items/" + id + "?f=html"))
                            .append("\">").append(esc(id)).append("</a></td>");
                    for (String a : lf.attributes()) {
                        sb.append("<td>").append(esc(ValueText.of(f.get(a)))).append("</td>");
                    }
                    sb.append("</tr>\n");
                }
            }
        }
        return sb.append("</table>\n</body></html>\n").toString();
    }

    static String item(String title, LayerFeatures lf, Feature f, List<ApiLink> links, String root) {
        StringBuilder sb = head(title + " — " + FeatureIds.encode(lf.layer(), f.id()), root);
        links(sb, links);
        sb.append("<table>\n");
        for (String a : lf.attributes()) {
            sb.append("<tr><th>").append(esc(a)).append("</th><td>").append(esc(ValueText.of(f.get(a)))).append("</td></tr>\n");
        }
        if (f.geometry() != null) {
            sb.append("<tr><th>géométrie</th><td>").append(esc(f.geometry().getGeometryType())).append(", ")
                    .append(f.geometry().getNumPoints()).append(" sommets (coordonnées dans la version GeoJSON)</td></tr>\n");
        }
        return sb.append("</table>\n</body></html>\n").toString();
    }

    private static StringBuilder head(String title, String root) {
        StringBuilder sb = new StringBuilder(8192);
        sb.append("<!DOCTYPE html>\n<html lang=\"fr\"><head><meta charset=\"utf-8\"><title>").append(esc(title))
                .append("</title><style>body{font-family:sans-serif;margin:1em 2em}table{border-collapse:collapse}"
                        + "td,th{border:1px solid #ccc;padding:2px 6px;text-align:left}</style></head><body>\n")
                .append("<p><a href=\"").append(esc(root)).append("?f=html\">Carence — OGC API Features</a> · <a href=\"")
                .append(esc(root)).append("/collections?f=html\">Collections</a></p>\n<h1>").append(esc(title)).append("</h1>\n");
        return sb;
    }

    private static void links(StringBuilder sb, List<ApiLink> links) {
        sb.append("<ul class=\"liens\">\n");
        for (ApiLink l : links) {
            sb.append("<li>").append(esc(l.rel())).append(" : <a href=\"").append(esc(l.href())).append("\">")
                    .append(esc(l.title())).append("</a> (").append(esc(l.type())).append(")</li>\n");
        }
        sb.append("</ul>\n");
    }

    private static void node(StringBuilder sb, JsonNode n) {
        if (n.isObject() && n.has("href") && n.get("href").isTextual()) {
            String href = n.get("href").asText();
            String type = n.path("type").asText("");
            // A JSON link is followed in its HTML form when the resource has one.
            String target = type.contains("json") && href.startsWith("http") && !href.contains("?") ? href + "?f=html" : href;
            sb.append("<a href=\"").append(esc(target)).append("\">").append(esc(n.path("title").asText(href))).append("</a> (")
                    .append(esc(n.path("rel").asText(""))).append(")");
            return;
        }
        if (n.isObject()) {
            sb.append("<dl>\n");
            for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                sb.append("<dt>").append(esc(e.getKey())).append("</dt><dd>");
                node(sb, e.getValue());
                sb.append("</dd>\n");
            }
            sb.append("</dl>\n");
        } else if (n.isArray()) {
            sb.append("<ul>\n");
            for (JsonNode c : n) {
                sb.append("<li>");
                node(sb, c);
                sb.append("</li>\n");
            }
            sb.append("</ul>\n");
        } else {
            String t = n.asText();
            if (t.startsWith("http://") || t.startsWith("https://")) {
                sb.append("<a href=\"").append(esc(t)).append("\">").append(esc(t)).append("</a>");
            } else {
                sb.append(esc(t));
            }
        }
    }

    static String esc(String s) {
        return s == null ? "" : XmlText.escape(s);
    }
}
