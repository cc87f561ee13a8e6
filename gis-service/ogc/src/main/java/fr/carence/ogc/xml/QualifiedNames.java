package fr.carence.ogc.xml;

import fr.carence.ogc.OwsException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.w3c.dom.Node;

/**
 * The prefix bindings of one request and the resolution of its qualified names (type names,
 * property names, value references) <b>by namespace URI</b>, never by the prefix text: a client
 * that binds its own prefix to the service's namespace is served exactly like one that uses the
 * service's prefix (WFS 2.0 §7.9.2, KVP NAMESPACES).
 *
 * <p>Where a prefix is looked up, in order: the XML element holding the name (its in-scope
 * {@code xmlns:p} declarations, e.g. inside a FES {@code ValueReference}), then the KVP
 * {@code NAMESPACES=xmlns(p,URI),…} parameter, then two implicit bindings: the service's own
 * prefix (QGIS and GDAL send {@code carence:communes} without declaring it) and {@code gml}
 * (for {@code @gml:id}). A name without prefix belongs to the default namespace when the request
 * declares one ({@code xmlns(URI)}, {@code xmlns="URI"}) other than an OGC/W3C schema namespace
 * (XML requests are usually written with {@code xmlns="…/wfs/2.0"}); otherwise to the service's
 * namespace, as GeoServer does.
 */
public final class QualifiedNames {

    public static final String GML = "http://www.opengis.net/gml/3.2";
    /** KVP parameter carrying the prefix bindings. */
    public static final String PARAMETER = "NAMESPACES";

    /** Namespaces of the OGC/W3C schemas: as a default namespace they say nothing about feature names. */
    public static final Set<String> SCHEMA_NAMESPACES = Set.of(
            "http://www.opengis.net/wfs/2.0", "http://www.opengis.net/fes/2.0", "http://www.opengis.net/ows/1.1",
            GML, "http://www.opengis.net/gml", "http://www.opengis.net/wfs", "http://www.opengis.net/ogc",
            "http://www.w3.org/1999/xlink", "http://www.w3.org/2001/XMLSchema-instance", "http://www.w3.org/2001/XMLSchema");

    private static final Pattern NC_NAME = Pattern.compile("[\\p{L}_][\\p{L}\\p{N}_.\\-]*");

    /** A name resolved to its namespace URI and local part. */
    public record Name(String uri, String local) {
    }

    private final String servicePrefix;
    private final String serviceUri;
    private final Map<String, String> declared;
    private final Node scope;

    private QualifiedNames(String servicePrefix, String serviceUri, Map<String, String> declared, Node scope) {
        this.servicePrefix = servicePrefix;
        this.serviceUri = serviceUri;
        this.declared = declared;
        this.scope = scope;
    }

    /**
     * @param servicePrefix the catalogue's workspace prefix ("carence")
     * @param serviceUri the catalogue's namespace URI, the namespace of every published name
     * @param namespaces the KVP NAMESPACES value, if any
     */
    public static QualifiedNames of(String servicePrefix, String serviceUri, Optional<String> namespaces) {
        return new QualifiedNames(servicePrefix, serviceUri,
                namespaces.map(QualifiedNames::parseNamespaces).orElse(Map.of()), null);
    }

    /** The same bindings, with the in-scope declarations of an XML node taking precedence. */
    public QualifiedNames within(Node node) {
        return new QualifiedNames(servicePrefix, serviceUri, declared, node);
    }

    public String serviceUri() {
        return serviceUri;
    }

    /** The URI a prefix is bound to, if any. */
    public Optional<String> uri(String prefix) {
        if (scope != null) {
            String u = scope.lookupNamespaceURI(prefix);
            if (u != null) {
                return Optional.of(u);
            }
        }
        String u = declared.get(prefix);
        if (u != null) {
            return Optional.of(u);
        }
        if (prefix.equals(servicePrefix)) {
            return Optional.of(serviceUri);
        }
        return prefix.equals("gml") ? Optional.of(GML) : Optional.empty();
    }

    private String defaultUri() {
        if (scope != null) {
            String u = scope.lookupNamespaceURI(null);
            if (u != null && !u.isEmpty() && !SCHEMA_NAMESPACES.contains(u)) {
                return u;
            }
        }
        String u = declared.get("");
        return u != null && !SCHEMA_NAMESPACES.contains(u) ? u : serviceUri;
    }

    /** "p:local" or "local" resolved to (URI, local); InvalidParameterValue naming the locator otherwise. */
    public Name resolve(String name, String locator) {
        String n = name.trim();
        int colon = n.indexOf(':');
        if (colon < 0) {
            if (!NC_NAME.matcher(n).matches()) {
                throw error(locator, "Nom « " + n + " » invalide.");
            }
            return new Name(defaultUri(), n);
        }
        String prefix = n.substring(0, colon);
        String local = n.substring(colon + 1);
        if (!NC_NAME.matcher(prefix).matches() || !NC_NAME.matcher(local).matches()) {
            throw error(locator, "Nom qualifié « " + n + " » invalide (attendu préfixe:nom).");
        }
        String uri = uri(prefix).orElseThrow(() -> error(locator, "Préfixe « " + prefix + " » non déclaré dans « " + n
                + " » : déclarez-le (NAMESPACES=xmlns(" + prefix + "," + serviceUri + ") en KVP, xmlns:" + prefix
                + "=\"" + serviceUri + "\" en XML) ou utilisez " + servicePrefix + ":" + local + "."));
        return new Name(uri, local);
    }

    /** The local part of a name that must be in the service's namespace (a type or property name). */
    public String local(String name, String locator) {
        Name q = resolve(name, locator);
        if (!q.uri().equals(serviceUri)) {
            throw error(locator, "« " + name.trim() + " » est dans l'espace de noms « " + q.uri()
                    + " », où ce service ne publie rien : ses types et propriétés sont dans « " + serviceUri + " ».");
        }
        return q.local();
    }

    /**
     * A property reference (FES ValueReference, PROPERTYNAME, SORTBY): {@code nom},
     * {@code p:nom}, {@code ./p:nom} or {@code p:communes/p:nom} (the type step must name
     * {@code typeLocal}). Returns the property's local name; other XPath is refused.
     */
    public String property(String path, String typeLocal, String locator) {
        String p = path.trim();
        if (p.startsWith("./")) {
            p = p.substring(2);
        }
        String[] steps = p.split("/", -1);
        if (p.isEmpty() || steps.length > 2) {
            throw error(locator, "Référence de propriété « " + path.trim() + " » non prise en charge : un nom de propriété"
                    + " est attendu (ex. " + servicePrefix + ":nom).");
        }
        if (steps.length == 2 && !local(steps[0], locator).equals(typeLocal)) {
            throw error(locator, "« " + path.trim() + " » ne désigne pas une propriété du type " + typeLocal + ".");
        }
        return local(steps[steps.length - 1], locator);
    }

    /** NAMESPACES=xmlns(p,URI),xmlns(URI): the default namespace has the key "". */
    static Map<String, String> parseNamespaces(String value) {
        Map<String, String> out = new LinkedHashMap<>();
        String s = value.trim();
        int i = 0;
        while (i < s.length()) {
            if (!s.startsWith("xmlns(", i)) {
                throw syntax(value);
            }
            int close = s.indexOf(')', i);
            if (close < 0) {
                throw syntax(value);
            }
            String body = s.substring(i + 6, close).trim();
            int comma = body.indexOf(',');
            // WFS 1.1 wrote xmlns(p=URI); accepted when the part before '=' is a prefix.
            int equals = body.indexOf('=');
            if (comma < 0 && equals > 0 && NC_NAME.matcher(body.substring(0, equals)).matches()) {
                comma = equals;
            }
            String prefix = comma < 0 ? "" : body.substring(0, comma).trim();
            String uri = comma < 0 ? body : body.substring(comma + 1).trim();
            if (uri.isEmpty() || (!prefix.isEmpty() && !NC_NAME.matcher(prefix).matches())) {
                throw syntax(value);
            }
            out.put(prefix, uri);
            i = close + 1;
            while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
                i++;
            }
            if (i < s.length()) {
                if (s.charAt(i) != ',') {
                    throw syntax(value);
                }
                i++;
                while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
                    i++;
                }
            }
        }
        return Collections.unmodifiableMap(out);
    }

    private static OwsException syntax(String value) {
        return error(PARAMETER, "NAMESPACES invalide : « " + value + " » (attendu xmlns(préfixe,URI) séparés par des virgules,"
                + " ou xmlns(URI) pour l'espace de noms par défaut).");
    }

    private static OwsException error(String locator, String message) {
        return OwsException.badRequest(OwsException.INVALID_PARAMETER_VALUE, locator, message);
    }
}
