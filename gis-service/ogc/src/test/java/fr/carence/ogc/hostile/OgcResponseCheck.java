package fr.carence.ogc.hostile;

import com.fasterxml.jackson.databind.ObjectMapper;
import fr.carence.ogc.xml.Dom;
import fr.carence.xml.SecureXml;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.w3c.dom.Element;

/**
 * Judges one OGC answer: either a valid response of the kind its content type announces (image
 * that decodes, XML that parses, JSON, CSV, GeoPackage) with 200, or a well-formed exception report
 * (OWS ExceptionReport, or WMS ServiceExceptionReport for WMS requests) with a 4xx status (503 for
 * a timeout). Never a 5xx error, an HTML error page or a stack trace.
 */
final class OgcResponseCheck {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Traces of a Java stack trace or of a servlet container's error page. */
    private static final Pattern LEAK = Pattern.compile(
            "(\\tat [a-z]|\\bat (java|org|fr|com|jdk)\\.|java\\.lang\\.|org\\.springframework|org\\.apache\\.|Whitelabel|<html|<!doctype html|Exception in thread)",
            Pattern.CASE_INSENSITIVE);

    private OgcResponseCheck() {
    }

    /** Which exception dialect the request should get. */
    enum Dialect { OWS, WMS }

    /**
     * @return empty when the answer is acceptable, else what is wrong
     */
    static Optional<String> problem(int status, String contentType, byte[] body, Dialect dialect, boolean htmlAllowed) {
        String ct = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
        String text = new String(body, StandardCharsets.UTF_8);
        if (!ct.startsWith("image/") && !ct.contains("geopackage") && LEAK.matcher(text).find()
                && !(htmlAllowed && ct.startsWith("text/html") && status == 200 && !text.contains("\tat "))) {
            return Optional.of("body leaks a stack trace or an HTML error page");
        }
        if (status == 200) {
            return valid(ct, body, text);
        }
        if (status >= 500 && status != 503) {
            return Optional.of("server error " + status);
        }
        if (status < 400) {
            return Optional.of("unexpected status " + status);
        }
        return exceptionReport(ct, text, dialect);
    }

    private static Optional<String> valid(String ct, byte[] body, String text) {
        try {
            if (ct.startsWith("image/")) {
                return ImageIO.read(new ByteArrayInputStream(body)) == null ? Optional.of("image does not decode") : Optional.empty();
            }
            if (ct.contains("json")) {
                JSON.readTree(body);
                return Optional.empty();
            }
            if (ct.contains("geopackage")) {
                return text.startsWith("SQLite format 3") ? Optional.empty() : Optional.of("not a GeoPackage");
            }
            if (ct.contains("xml") || ct.contains("gml")) {
                Element root = SecureXml.parse(new ByteArrayInputStream(body)).getDocumentElement();
                String name = Dom.localName(root);
                if (name.equals("ExceptionReport") || name.equals("ServiceExceptionReport")) {
                    return Optional.of("exception report with status 200");
                }
                return Optional.empty();
            }
            if (ct.startsWith("text/csv") || ct.startsWith("text/plain") || ct.startsWith("text/html")) {
                return Optional.empty();
            }
            return Optional.of("unexpected content type '" + ct + "'");
        } catch (Exception e) {
            return Optional.of("200 answer does not parse as " + ct + ": " + e.getMessage());
        }
    }

    private static Optional<String> exceptionReport(String ct, String text, Dialect dialect) {
        if (!ct.contains("xml")) {
            return Optional.of("error answer is not XML but '" + ct + "'");
        }
        try {
            Element root = SecureXml.parse(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8))).getDocumentElement();
            String name = Dom.localName(root);
            if (dialect == Dialect.WMS) {
                if (!name.equals("ServiceExceptionReport") || !"http://www.opengis.net/ogc".equals(root.getNamespaceURI())) {
                    return Optional.of("WMS error is not a ServiceExceptionReport: " + name);
                }
                Optional<Element> e = Dom.child(root, "ServiceException");
                if (e.isEmpty() || e.get().getAttribute("code").isBlank() || Dom.text(e.get()).isBlank()) {
                    return Optional.of("ServiceExceptionReport without code or message");
                }
                return Optional.empty();
            }
            if (!name.equals("ExceptionReport") || !"http://www.opengis.net/ows/1.1".equals(root.getNamespaceURI())) {
                return Optional.of("error is not an OWS 1.1 ExceptionReport: " + name);
            }
            Optional<Element> e = Dom.child(root, "Exception");
            if (e.isEmpty() || e.get().getAttribute("exceptionCode").isBlank()
                    || Dom.child(e.get(), "ExceptionText").map(Dom::text).orElse("").isBlank()) {
                return Optional.of("ExceptionReport without exceptionCode or ExceptionText");
            }
            return Optional.empty();
        } catch (Exception e) {
            return Optional.of("error answer does not parse: " + e.getMessage());
        }
    }
}
