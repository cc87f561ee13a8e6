package fr.carence.ogc.wms;

import fr.carence.store.Feature;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** {@code text/plain} (the default INFO_FORMAT): per layer, its count then each feature's values. */
public final class TextFeatureInfoWriter implements FeatureInfoWriter {

    @Override
    public int order() {
        return 30;
    }

    @Override
    public List<String> formatNames() {
        return List.of("text/plain");
    }

    @Override
    public String contentType() {
        return "text/plain; charset=UTF-8";
    }

    @Override
    public void write(FeatureInfoResult result, OutputStream out) throws IOException {
        StringBuilder sb = new StringBuilder();
        for (FeatureInfoHits h : result.hits()) {
            sb.append("Couche '").append(h.qualifiedName()).append("' : ").append(h.features().size())
                    .append(" objet(s)\n");
            for (Feature f : h.features()) {
                sb.append("  ").append(h.layer().name()).append('.').append(f.id()).append('\n');
                f.properties().forEach((k, v) -> sb.append("    ").append(k).append(" = ").append(v).append('\n'));
            }
        }
        out.write(sb.toString().getBytes(StandardCharsets.UTF_8));
    }
}
