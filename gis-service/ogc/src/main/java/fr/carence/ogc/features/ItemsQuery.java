package fr.carence.ogc.features;

import fr.carence.ogc.OwsException;
import fr.carence.ogc.core.BboxNumbers;
import fr.carence.ogc.core.LayerSelection;
import fr.carence.ogc.core.ResolvedLayer;
import fr.carence.ogc.core.ScenarioSelection;
import fr.carence.ogc.crs.CrsName;
import fr.carence.ogc.crs.OgcCoordinates;
import fr.carence.store.FeatureQuery;
import fr.carence.store.LayerSchema;
import fr.carence.store.LayerSchema.Attribute;
import fr.carence.store.LayerSchema.AttributeType;
import fr.carence.store.filter.Filter;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.locationtech.jts.geom.Envelope;

/**
 * The parameters of {@code /collections/{id}/items} turned into the WFS core's
 * {@link LayerSelection} (so paging, counting and CRS-aware reading are WFS's own): limit,
 * offset, bbox + bbox-crs, datetime, filter + filter-lang + filter-crs, sortby, crs, scenario.
 *
 * @param selection what to read, before paging
 * @param crs response CRS
 * @param limit page size (clamped to the server maximum)
 * @param offset features skipped
 */
record ItemsQuery(LayerSelection selection, CrsName crs, long limit, long offset) {

    static final Set<String> PARAMETERS = Set.of("f", "limit", "offset", "bbox", "bbox-crs", "datetime", "crs", "filter",
            "filter-lang", "filter-crs", "sortby", "scenario");
    static final int DEFAULT_LIMIT = 10;

    static ItemsQuery parse(ApiRequest req, ResolvedLayer layer, int maxLimit, Duration timeout) {
        req.allowOnly(PARAMETERS);
        LayerSchema schema = layer.schema();
        CrsName crs = ApiCrs.parameter(req, "crs", layer.published());
        List<Filter> filters = new ArrayList<>();
        FeatureQuery q = FeatureQuery.all().withTimeout(timeout);
        Optional<String> bbox = req.get("bbox");
        if (bbox.isPresent()) {
            Envelope box = bbox(bbox.get(), ApiCrs.parameter(req, "bbox-crs", layer.published()));
            if (schema.hasGeometry()) {
                q = q.withBbox(box);
            }
        } else if (req.get("bbox-crs").isPresent()) {
            throw OwsException.badRequest(OwsException.INVALID_PARAMETER_VALUE, "bbox-crs", "Paramètre bbox-crs sans bbox.");
        }
        req.get("datetime").ifPresent(d -> filters.add(datetime(d, layer)));
        Optional<String> filter = req.get("filter");
        if (filter.isPresent()) {
            Cql2Builder build = new Cql2Builder(layer.name(), schema, ApiCrs.parameter(req, "filter-crs", layer.published()));
            String lang = req.get("filter-lang").orElse("cql2-text");
            filters.add(switch (lang) {
                case "cql2-text" -> Cql2TextParser.parse(build, filter.get());
                case "cql2-json" -> Cql2JsonParser.parse(build, filter.get());
                default -> throw OwsException.badRequest(OwsException.INVALID_PARAMETER_VALUE, "filter-lang",
                        "Paramètre filter-lang : « " + lang + " » non pris en charge (cql2-text ou cql2-json).");
            });
        } else {
            for (String p : List.of("filter-lang", "filter-crs")) {
                if (req.get(p).isPresent()) {
                    throw OwsException.badRequest(OwsException.INVALID_PARAMETER_VALUE, p, "Paramètre " + p + " sans filter.");
                }
            }
        }
        Filter f = filters.isEmpty() ? null : filters.size() == 1 ? filters.get(0) : new Filter.And(filters);
        q = q.withFilter(ScenarioSelection.apply(layer.published(), f, ScenarioSelection.validated(req.get("scenario"), "scenario")));
        List<String> attributes = schema.attributes().stream().map(Attribute::name).toList();
        q = q.withProperties(attributes);
        if (!schema.hasGeometry()) {
            q = q.withoutGeometry();
        }
        Optional<String> sortby = req.get("sortby");
        if (sortby.isPresent()) {
            q = q.withSort(sortKeys(sortby.get(), schema, layer.name()));
        }
        long limit = Math.min(nonNegative(req, "limit", DEFAULT_LIMIT), maxLimit);
        if (limit == 0) {
            throw OwsException.badRequest(OwsException.INVALID_PARAMETER_VALUE, "limit", "Paramètre limit : au moins 1.");
        }
        long offset = nonNegative(req, "offset", 0);
        return new ItemsQuery(new LayerSelection(layer, q, attributes, schema.hasGeometry()), crs, limit, offset);
    }

    /** bbox=minx,miny,maxx,maxy in bbox-crs axis order (CRS84: longitude first). */
    static Envelope bbox(String param, CrsName crs) {
        String[] parts = param.split(",");
        if (parts.length != 4) {
            throw OwsException.badRequest(OwsException.INVALID_PARAMETER_VALUE, "bbox",
                    "Paramètre bbox : 4 nombres attendus (minx,miny,maxx,maxy), reçu « " + param + " ».");
        }
        double[] v = BboxNumbers.parse(parts, "bbox", "Paramètre bbox");
        if (v[0] > v[2] || v[1] > v[3]) {
            throw OwsException.badRequest(OwsException.INVALID_PARAMETER_VALUE, "bbox",
                    "Paramètre bbox : le coin inférieur doit précéder le coin supérieur sur chaque axe.");
        }
        return OgcCoordinates.toStorage(new Envelope(v[0], v[2], v[1], v[3]), crs);
    }

    /** The time property of a layer: its first date or timestamp attribute, if any. */
    static Optional<Attribute> timeAttribute(LayerSchema schema) {
        return schema.attributes().stream()
                .filter(a -> a.type() == AttributeType.DATE || a.type() == AttributeType.TIMESTAMP).findFirst();
    }

    /** datetime=instant, start/end, ../end or start/.. (RFC 3339), on the layer's time property. */
    static Filter datetime(String param, ResolvedLayer layer) {
        Attribute time = timeAttribute(layer.schema()).orElseThrow(() -> OwsException.badRequest(
                OwsException.INVALID_PARAMETER_VALUE, "datetime",
                "Paramètre datetime : la collection " + layer.name() + " n'a pas de propriété temporelle."));
        String[] parts = param.split("/", -1);
        if (parts.length == 1) {
            Object t = instant(parts[0], time);
            return new Filter.Compare(time.name(), Filter.ComparisonOperator.EQ, t);
        }
        if (parts.length != 2 || (open(parts[0]) && open(parts[1]))) {
            throw OwsException.badRequest(OwsException.INVALID_PARAMETER_VALUE, "datetime",
                    "Paramètre datetime : attendu un instant, « début/fin », « ../fin » ou « début/.. », reçu « " + param + " ».");
        }
        List<Filter> bounds = new ArrayList<>();
        if (!open(parts[0])) {
            bounds.add(new Filter.Compare(time.name(), Filter.ComparisonOperator.GE, instant(parts[0], time)));
        }
        if (!open(parts[1])) {
            bounds.add(new Filter.Compare(time.name(), Filter.ComparisonOperator.LE, instant(parts[1], time)));
        }
        return bounds.size() == 1 ? bounds.get(0) : new Filter.And(bounds);
    }

    private static boolean open(String s) {
        return s.isEmpty() || s.equals("..");
    }

    private static Object instant(String s, Attribute time) {
        try {
            if (time.type() == AttributeType.DATE) {
                return s.length() == 10 ? LocalDate.parse(s) : OffsetDateTime.parse(s).toLocalDate();
            }
            return s.length() == 10 ? LocalDate.parse(s).atStartOfDay(java.time.ZoneOffset.UTC).toInstant() : Instant.from(
                    OffsetDateTime.parse(s));
        } catch (DateTimeParseException e) {
            throw OwsException.badRequest(OwsException.INVALID_PARAMETER_VALUE, "datetime",
                    "Paramètre datetime : « " + s + " » n'est pas une date RFC 3339 (ex. 2026-01-31 ou 2026-01-31T12:00:00Z).");
        }
    }

    /** sortby=+a,-b (or a,b: ascending). */
    static List<FeatureQuery.SortKey> sortKeys(String param, LayerSchema schema, String layer) {
        List<FeatureQuery.SortKey> out = new ArrayList<>();
        for (String raw : param.split(",")) {
            String item = raw.trim();
            boolean ascending = !item.startsWith("-");
            String property = item.startsWith("-") || item.startsWith("+") ? item.substring(1).trim() : item;
            if (property.isEmpty() || schema.attribute(property).isEmpty()) {
                throw OwsException.badRequest(OwsException.INVALID_PARAMETER_VALUE, "sortby",
                        "Paramètre sortby : propriété inconnue « " + property + " » (collection " + layer + ").");
            }
            out.add(new FeatureQuery.SortKey(property, ascending));
        }
        return out;
    }

    private static long nonNegative(ApiRequest req, String name, long fallback) {
        Optional<String> v = req.get(name);
        if (v.isEmpty()) {
            return fallback;
        }
        try {
            long n = Long.parseLong(v.get());
            if (n >= 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw OwsException.badRequest(OwsException.INVALID_PARAMETER_VALUE, name,
                "Paramètre " + name + " : entier positif ou nul attendu, reçu « " + v.get() + " ».");
    }
}
