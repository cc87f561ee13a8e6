package fr.carence.ogc.wms;

import fr.carence.ogc.xml.XmlText;
import fr.carence.store.Feature;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** {@code text/html}: a French page with a table per feature, every value escaped. */
public final class HtmlFeatureInfoWriter implements FeatureInfoWriter {

    @Override
    public int order() {
        return 20;
    }

    @Override
    public List<String> formatNames() {
        return List.of("text/html");
    }

    @Override
    public String contentType() {
        return "text/html; charset=UTF-8";
    }

    @Override
    public void write(FeatureInfoResult result, OutputStream out) throws IOException {
        List<FeatureInfoHits> hits = result.hits();
        StringBuilder sb = new StringBuilder("<!DOCTYPE html>\n<html lang=\"fr\"><head><meta charset=\"UTF-8\">"
                + "<title>Informations</title></head><body>\n");
        if (hits.stream().allMatch(h -> h.features().isEmpty())) {
            sb.append("<p>Aucun objet à cet endroit.</p>\n");
        }
        for (FeatureInfoHits h : hits) {
            if (h.features().isEmpty()) {
                continue;
            }
            sb.append("<h2>").append(XmlText.escape(h.layer().title())).append("</h2>\n");
            for (Feature f : h.features()) {
                sb.append("<table>\n<caption>").append(XmlText.escape(h.layer().name() + "." + f.id())).append("</caption>\n");
                for (Map.Entry<String, Object> e : f.properties().entrySet()) {
                    sb.append("<tr><th>").append(XmlText.escape(e.getKey())).append("</th><td>")
                            .append(XmlText.escape(e.getValue() == null ? "" : e.getValue().toString())).append("</td></tr>\n");
                }
                sb.append("</table>\n");
            }
        }
        out.write(sb.append("</body></html>\n").toString().getBytes(StandardCharsets.UTF_8));
    }
}
