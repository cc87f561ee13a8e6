package fr.carence.ogc.core;

import fr.carence.ogc.OwsRequest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** KVP URLs derived from a request: paging links and DescribeFeatureType schema locations. */
public final class KvpLinks {

    private KvpLinks() {
    }

    /** The request's URL with STARTINDEX/COUNT replaced (MAXFEATURES dropped). */
    public static String page(OwsRequest req, long startIndex, long count) {
        Map<String, String> params = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        params.putAll(req.all());
        params.keySet().removeAll(Set.of("STARTINDEX", "COUNT", "MAXFEATURES"));
        params.put("COUNT", Long.toString(count));
        params.put("STARTINDEX", Long.toString(startIndex));
        return url(req.baseUrl(), params);
    }

    public static String url(String base, Map<String, String> params) {
        StringBuilder sb = new StringBuilder(base);
        char sep = base.contains("?") ? '&' : '?';
        for (Map.Entry<String, String> e : params.entrySet()) {
            sb.append(sep).append(encode(e.getKey().toUpperCase(java.util.Locale.ROOT))).append('=').append(encode(e.getValue()));
            sep = '&';
        }
        return sb.toString();
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
