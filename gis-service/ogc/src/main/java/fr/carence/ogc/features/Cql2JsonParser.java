package fr.carence.ogc.features;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.carence.ogc.features.Cql2Builder.Kind;
import fr.carence.ogc.features.Cql2Builder.Literal;
import fr.carence.ogc.features.Cql2Builder.Operand;
import fr.carence.ogc.features.Cql2Builder.Property;
import fr.carence.store.filter.Filter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.geojson.GeoJsonReader;

/**
 * CQL2 JSON (OGC 21-065r2): {@code {"op": "...", "args": [...]}} trees with {@code {"property"}},
 * {@code {"date"}}, {@code {"timestamp"}}, {@code {"bbox"}} and GeoJSON geometry operands, for the
 * same predicates as {@link Cql2TextParser}, built by the same {@link Cql2Builder}.
 */
final class Cql2JsonParser {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Cql2Builder build;

    private Cql2JsonParser(Cql2Builder build) {
        this.build = build;
    }

    static Filter parse(Cql2Builder build, String text) {
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw Cql2Builder.error("JSON mal formé (ligne " + e.getLocation().getLineNr() + ", colonne "
                    + e.getLocation().getColumnNr() + ") : " + e.getOriginalMessage());
        }
        if (root == null) {
            throw Cql2Builder.error("filtre CQL2 JSON vide.");
        }
        return new Cql2JsonParser(build).predicate(root);
    }

    private Filter predicate(JsonNode node) {
        build.count();
        if (node.isBoolean()) {
            return node.booleanValue() ? new Filter.And(List.of()) : new Filter.Or(List.of());
        }
        if (!node.isObject() || !node.has("op")) {
            throw Cql2Builder.error("un prédicat CQL2 JSON est un objet {\"op\": …, \"args\": […]}, reçu " + shorten(node));
        }
        String op = node.get("op").asText().toLowerCase(Locale.ROOT);
        JsonNode args = node.get("args");
        if (args == null || !args.isArray()) {
            throw Cql2Builder.error("l'opérateur « " + op + " » demande un tableau \"args\".");
        }
        switch (op) {
            case "and", "or" -> {
                if (args.size() < 2) {
                    throw Cql2Builder.error("« " + op + " » demande au moins deux arguments.");
                }
                List<Filter> ops = new ArrayList<>();
                args.forEach(a -> ops.add(predicate(a)));
                return op.equals("and") ? build.and(ops) : build.or(ops);
            }
            case "not" -> {
                arity(op, args, 1);
                return build.not(predicate(args.get(0)));
            }
            case "=", "<>", "<", "<=", ">", ">=" -> {
                arity(op, args, 2);
                return build.compare(op, operand(args.get(0)), operand(args.get(1)));
            }
            case "like" -> {
                arity(op, args, 2);
                return build.like(operand(args.get(0)), operand(args.get(1)));
            }
            case "between" -> {
                arity(op, args, 3);
                return build.between(operand(args.get(0)), operand(args.get(1)), operand(args.get(2)));
            }
            case "in" -> {
                arity(op, args, 2);
                if (!args.get(1).isArray()) {
                    throw Cql2Builder.error("« in » attend un tableau de valeurs en second argument.");
                }
                List<Operand> list = new ArrayList<>();
                for (JsonNode v : args.get(1)) {
                    build.count();
                    list.add(operand(v));
                }
                return build.in(operand(args.get(0)), list);
            }
            case "isnull" -> {
                arity(op, args, 1);
                return build.isNull(operand(args.get(0)));
            }
            default -> {
                if (op.startsWith("s_")) {
                    arity(op, args, 2);
                    return build.spatial(op, operand(args.get(0)), operand(args.get(1)));
                }
                throw Cql2Builder.error("opérateur « " + op + " » non pris en charge.");
            }
        }
    }

    private Operand operand(JsonNode n) {
        if (n.isTextual()) {
            return Literal.of(Kind.STRING, n.textValue());
        }
        if (n.isNumber()) {
            return Literal.of(Kind.NUMBER, n.asText());
        }
        if (n.isBoolean()) {
            return Literal.of(Kind.BOOLEAN, Boolean.toString(n.booleanValue()));
        }
        if (n.isObject()) {
            if (n.has("property")) {
                return new Property(n.get("property").asText(), false);
            }
            if (n.has("date")) {
                return Literal.of(Kind.DATE, n.get("date").asText());
            }
            if (n.has("timestamp")) {
                return Literal.of(Kind.TIMESTAMP, n.get("timestamp").asText());
            }
            if (n.has("bbox")) {
                return Literal.geometry(bbox(n.get("bbox")));
            }
            if (n.has("op") && "casei".equalsIgnoreCase(n.get("op").asText()) && n.path("args").size() == 1) {
                Operand inner = operand(n.get("args").get(0));
                return inner instanceof Property p ? new Property(p.name(), true)
                        : new Literal(((Literal) inner).kind(), ((Literal) inner).text(), null, true);
            }
            if (n.has("type") && (n.has("coordinates") || n.has("geometries"))) {
                try {
                    return Literal.geometry(new GeoJsonReader().read(n.toString()));
                } catch (ParseException | RuntimeException e) {
                    throw Cql2Builder.error("géométrie GeoJSON invalide " + shorten(n) + " : " + e.getMessage());
                }
            }
        }
        throw Cql2Builder.error("opérande non pris en charge : " + shorten(n)
                + " (attendu texte, nombre, booléen, {\"property\"}, {\"date\"}, {\"timestamp\"}, {\"bbox\"} ou géométrie GeoJSON).");
    }

    private static Geometry bbox(JsonNode b) {
        if (!b.isArray() || b.size() != 4) {
            throw Cql2Builder.error("{\"bbox\"} attend 4 nombres [minx, miny, maxx, maxy].");
        }
        double[] v = new double[4];
        for (int i = 0; i < 4; i++) {
            if (!b.get(i).isNumber()) {
                throw Cql2Builder.error("{\"bbox\"} : « " + b.get(i) + " » n'est pas un nombre.");
            }
            v[i] = b.get(i).doubleValue();
        }
        if (v[0] > v[2] || v[1] > v[3]) {
            throw Cql2Builder.error("{\"bbox\"} : le coin inférieur doit précéder le coin supérieur sur chaque axe.");
        }
        return new GeometryFactory().toGeometry(new Envelope(v[0], v[2], v[1], v[3]));
    }

    private static void arity(String op, JsonNode args, int n) {
        if (args.size() != n) {
            throw Cql2Builder.error("« " + op + " » demande " + n + " argument" + (n > 1 ? "s" : "") + ", reçu " + args.size() + ".");
        }
    }

    private static String shorten(JsonNode n) {
        String s = n.toString();
        return s.length() > 60 ? s.substring(0, 60) + "…" : s;
    }
}
