package fr.carence.ogc.wfs;

import fr.carence.ogc.OwsException;
import fr.carence.ogc.OwsRequest;
import fr.carence.ogc.core.BboxNumbers;
import fr.carence.ogc.core.FeatureIds;
import fr.carence.ogc.core.LayerResolver;
import fr.carence.ogc.core.LayerSelection;
import fr.carence.ogc.core.ResolvedLayer;
import fr.carence.ogc.core.ScenarioSelection;
import fr.carence.ogc.crs.AxisOrder;
import fr.carence.ogc.crs.CrsName;
import fr.carence.ogc.crs.CrsNameParser;
import fr.carence.ogc.crs.OgcCoordinates;
import fr.carence.ogc.fes.FesFilterParser;
import fr.carence.ogc.format.FeatureCollectionWriter;
import fr.carence.ogc.xml.QualifiedNames;
import fr.carence.store.FeatureQuery;
import fr.carence.store.LayerSchema;
import fr.carence.store.filter.Filter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.locationtech.jts.geom.Envelope;

/**
 * Reads the query parameters shared by GetFeature and GetPropertyValue (KVP, or the KVP form of
 * an XML POST): TYPENAMES, RESOURCEID, SRSNAME, BBOX, FILTER, PROPERTYNAME, SORTBY, COUNT,
 * STARTINDEX, RESULTTYPE and the vendor SCENARIO.
 */
public final class WfsQueryParser {

    private final LayerResolver resolver;
    private final int maxFeatures;
    private final java.time.Duration timeout;

    public WfsQueryParser(LayerResolver resolver, int maxFeatures) {
        this(resolver, maxFeatures, null);
    }

    /** @param timeout query timeout of every store read the query leads to (null = none) */
    public WfsQueryParser(LayerResolver resolver, int maxFeatures, java.time.Duration timeout) {
        this.resolver = resolver;
        this.maxFeatures = maxFeatures;
        this.timeout = timeout;
    }

    /**
     * @param format the output format (decides the CRS when SRSNAME is absent), or null for GML
     */
    public WfsQuery parse(OwsRequest req, FeatureCollectionWriter format) {
        QualifiedNames names = resolver.names(req);
        Map<ResolvedLayer, List<String>> ids = resourceIds(req);
        List<ResolvedLayer> layers;
        Optional<String> typeNames = req.get("TYPENAMES").or(() -> req.get("TYPENAME"));
        if (typeNames.isPresent()) {
            layers = resolver.resolveAll(typeNames.get(), "typeNames", names);
        } else if (!ids.isEmpty()) {
            layers = new ArrayList<>(ids.keySet());
        } else {
            throw OwsException.badRequest(OwsException.MISSING_PARAMETER_VALUE, "typeNames",
                    "Le paramètre TYPENAMES (ou RESOURCEID) est obligatoire.");
        }

        CrsName crs = outputCrs(req, format, layers);
        Envelope bbox = bbox(req, crs);
        List<String> filters = filters(req, layers.size());
        if ((bbox != null ? 1 : 0) + (filters != null ? 1 : 0) + (ids.isEmpty() ? 0 : 1) > 1) {
            throw OwsException.badRequest(OwsException.INVALID_PARAMETER_VALUE, "BBOX",
                    "BBOX, FILTER et RESOURCEID sont mutuellement exclusifs.");
        }
        Optional<String> scenario = ScenarioSelection.requested(req);
        Optional<String> propertyNames = req.get("PROPERTYNAME");
        Optional<String> sortBy = req.get("SORTBY");

        List<LayerSelection> selections = new ArrayList<>();
        for (int i = 0; i < layers.size(); i++) {
            ResolvedLayer layer = layers.get(i);
            LayerSchema schema = layer.schema();
            Filter filter = null;
            if (filters != null) {
                filter = new FesFilterParser(layer.name(), schema, crs, "FILTER", names).parse(filters.get(i));
            } else if (!ids.isEmpty()) {
                filter = new Filter.ResourceIds(ids.getOrDefault(layer, List.of()));
            }
            filter = ScenarioSelection.apply(layer.published(), filter, scenario);
            FeatureQuery q = FeatureQuery.all().withTimeout(timeout).withFilter(filter);
            if (bbox != null && schema.hasGeometry()) {
                q = q.withBbox(bbox);
            }
            List<String> attributes = schema.attributes().stream().map(LayerSchema.Attribute::name).toList();
            boolean geometry = schema.hasGeometry();
            if (propertyNames.isPresent()) {
                List<String> wanted = propertyNames(propertyNames.get(), schema, layer.name(), names);
                attributes = attributes.stream().filter(wanted::contains).toList();
                geometry = geometry && wanted.contains(LayerSchema.GEOMETRY_COLUMN);
            }
            // Always name the columns: the store then never reads one the caller may not see.
            q = q.withProperties(attributes);
            if (!geometry) {
                q = q.withoutGeometry();
            }
            if (sortBy.isPresent()) {
                q = q.withSort(sortKeys(sortBy.get(), schema, layer.name(), names));
            }
            selections.add(new LayerSelection(layer, q, attributes, geometry));
        }
        long startIndex = nonNegative(req, "STARTINDEX", 0);
        long count = Math.min(nonNegative(req, "COUNT", req.get("MAXFEATURES").isPresent()
                ? nonNegative(req, "MAXFEATURES", maxFeatures) : maxFeatures), maxFeatures);
        String resultType = req.get("RESULTTYPE").orElse("results").toLowerCase(Locale.ROOT);
        if (!resultType.equals("results") && !resultType.equals("hits")) {
            throw OwsException.badRequest(OwsException.INVALID_PARAMETER_VALUE, "resultType",
                    "RESULTTYPE doit valoir results ou hits, pas « " + resultType + " ».");
        }
        return new WfsQuery(selections, crs, startIndex, count, resultType.equals("hits"));
    }

    /** RESOURCEID=communes.01001,communes.01002: ids grouped by the layer their prefix names. */
    private Map<ResolvedLayer, List<String>> resourceIds(OwsRequest req) {
        Map<ResolvedLayer, List<String>> out = new LinkedHashMap<>();
        Optional<String> param = req.get("RESOURCEID").or(() -> req.get("FEATUREID"));
        if (param.isEmpty()) {
            return out;
        }
        String[] rids = param.get().split(",");
        if (rids.length > FesFilterParser.MAX_ELEMENTS) {
            throw OwsException.badRequest(OwsException.INVALID_PARAMETER_VALUE, "resourceId",
                    "RESOURCEID contient " + rids.length + " identifiants, au plus " + FesFilterParser.MAX_ELEMENTS
                            + " par requête (découpez la requête).");
        }
        for (String rid : rids) {
            String id = rid.trim();
            if (id.isEmpty()) {
                continue;
            }
            String layerName = FeatureIds.layerOf(id).orElseThrow(() -> OwsException.badRequest(
                    OwsException.INVALID_PARAMETER_VALUE, "resourceId",
                    "Identifiant « " + id + " » invalide : attendu couche.identifiant (ex. communes.01001)."));
            ResolvedLayer layer = resolver.resolveLocal(layerName, "resourceId");
            String storeId = FeatureIds.decode(layer.name(), id).orElseThrow(() -> OwsException.badRequest(
                    OwsException.INVALID_PARAMETER_VALUE, "resourceId", "Identifiant « " + id + " » mal encodé."));
            out.computeIfAbsent(layer, k -> new ArrayList<>()).add(storeId);
        }
        return out;
    }

    private static CrsName outputCrs(OwsRequest req, FeatureCollectionWriter format, List<ResolvedLayer> layers) {
        CrsName crs;
        Optional<String> srsName = req.get("SRSNAME");
        if (srsName.isPresent()) {
            crs = parseCrs(srsName.get(), "srsName");
            requireOffered(crs, srsName.get(), layers);
        } else if (format != null && format.defaultCrs() != null) {
            crs = format.defaultCrs();
        } else {
            crs = CrsName.urn(layers.get(0).published().declaredEpsg());
        }
        if (format != null && !format.honoursAxisOrder() && crs.isNorthEast()) {
            crs = new CrsName(crs.epsg(), AxisOrder.EAST_NORTH, "EPSG:" + crs.epsg());
        }
        return crs;
    }

    /**
     * SRSNAME must be the DefaultCRS or an OtherCRS the capabilities advertise for every
     * requested type that has a geometry (WFS 2.0 §7.9.2): InvalidParameterValue otherwise.
     */
    private static void requireOffered(CrsName crs, String spelling, List<ResolvedLayer> layers) {
        for (ResolvedLayer l : layers) {
            if (l.schema().hasGeometry() && l.published().declaredEpsg() != crs.epsg()
                    && !l.published().otherEpsg().contains(crs.epsg())) {
                throw OwsException.badRequest(OwsException.INVALID_PARAMETER_VALUE, "srsName",
                        "SRSNAME « " + spelling + " » non proposé pour la couche " + l.name() + " : systèmes proposés EPSG:"
                                + l.published().declaredEpsg() + l.published().otherEpsg().stream().map(e -> ", EPSG:" + e)
                                .reduce("", String::concat) + ".");
            }
        }
    }

    public static CrsName parseCrs(String name, String locator) {
        try {
            return CrsNameParser.parse(name);
        } catch (IllegalArgumentException e) {
            throw OwsException.badRequest(OwsException.INVALID_PARAMETER_VALUE, locator,
                    "Système de coordonnées non reconnu : " + e.getMessage());
        }
    }

    /** BBOX=a,b,c,d[,crs]: corners in the axis order of crs (default: the response CRS). */
    private static Envelope bbox(OwsRequest req, CrsName responseCrs) {
        Optional<String> p = req.get("BBOX");
        if (p.isEmpty()) {
            return null;
        }
        String[] parts = p.get().split(",");
        if (parts.length != 4 && parts.length != 5) {
            throw OwsException.badRequest(OwsException.INVALID_PARAMETER_VALUE, "BBOX",
                    "BBOX doit être minx,miny,maxx,maxy[,crs] (4 nombres), reçu « " + p.get() + " ».");
        }
        double[] v = BboxNumbers.parse(parts, "BBOX", "BBOX");
        if (v[0] > v[2] || v[1] > v[3]) {
            throw OwsException.badRequest(OwsException.INVALID_PARAMETER_VALUE, "BBOX",
                    "BBOX : le coin inférieur doit précéder le coin supérieur sur chaque axe.");
        }
        CrsName crs = parts.length == 5 ? parseCrs(parts[4].trim(), "BBOX") : responseCrs;
        return OgcCoordinates.toStorage(new Envelope(v[0], v[2], v[1], v[3]), crs);
    }

    /** One FILTER for every type, or one per type in the parenthesised form "(f1)(f2)". */
    private static List<String> filters(OwsRequest req, int types) {
        Optional<String> f = req.get("FILTER");
        if (f.isEmpty()) {
            return null;
        }
        String s = f.get().trim();
        List<String> out = new ArrayList<>();
        if (s.startsWith("(")) {
            int depth = 0;
            int start = -1;
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (c == '(' && depth++ == 0) {
                    start = i + 1;
                } else if (c == ')' && --depth == 0) {
                    out.add(s.substring(start, i));
                }
            }
        } else {
            out.add(s);
        }
        if (out.size() == 1 && types > 1) {
            return java.util.Collections.nCopies(types, out.get(0));
        }
        if (out.size() != types) {
            throw OwsException.badRequest(OwsException.INVALID_PARAMETER_VALUE, "FILTER",
                    out.size() + " filtres pour " + types + " types d'entités.");
        }
        return out;
    }

    private static List<String> propertyNames(String param, LayerSchema schema, String layer, QualifiedNames names) {
        List<String> out = new ArrayList<>();
        for (String raw : param.replace("(", "").replace(")", "").split(",")) {
            if (raw.isBlank()) {
                continue;
            }
            String p = names.property(raw, layer, "propertyName");
            boolean geometry = p.equals(LayerSchema.GEOMETRY_COLUMN) && schema.hasGeometry();
            if (!geometry && schema.attribute(p).isEmpty()) {
                throw OwsException.badRequest(OwsException.INVALID_PARAMETER_VALUE, "propertyName",
                        "Propriété inconnue « " + p + " » pour la couche " + layer + ".");
            }
            out.add(p);
        }
        return out;
    }

    private static List<FeatureQuery.SortKey> sortKeys(String param, LayerSchema schema, String layer, QualifiedNames names) {
        List<FeatureQuery.SortKey> out = new ArrayList<>();
        for (String item : param.split(",")) {
            String[] words = item.trim().split("\\s+");
            if (words.length == 0 || words[0].isEmpty() || words.length > 2) {
                throw OwsException.badRequest(OwsException.INVALID_PARAMETER_VALUE, "sortBy",
                        "SORTBY : « " + item.trim() + " » n'est pas « propriété [ASC|DESC] ».");
            }
            String p = names.property(words[0], layer, "sortBy");
            if (schema.attribute(p).isEmpty()) {
                throw OwsException.badRequest(OwsException.INVALID_PARAMETER_VALUE, "sortBy",
                        "SORTBY : propriété inconnue « " + p + " » pour la couche " + layer + ".");
            }
            boolean ascending = true;
            if (words.length == 2) {
                switch (words[1].toUpperCase(Locale.ROOT)) {
                    case "ASC", "A" -> ascending = true;
                    case "DESC", "D" -> ascending = false;
                    default -> throw OwsException.badRequest(OwsException.INVALID_PARAMETER_VALUE, "sortBy",
                            "SORTBY : ordre « " + words[1] + " » invalide (ASC ou DESC).");
                }
            }
            out.add(new FeatureQuery.SortKey(p, ascending));
        }
        return out;
    }

    private static long nonNegative(OwsRequest req, String name, long fallback) {
        Optional<String> v = req.get(name);
        if (v.isEmpty()) {
            return fallback;
        }
        try {
            long n = Long.parseLong(v.get().trim());
            if (n < 0) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw OwsException.badRequest(OwsException.INVALID_PARAMETER_VALUE, name,
                    name + " doit être un entier positif ou nul, reçu « " + v.get() + " ».");
        }
    }
}
