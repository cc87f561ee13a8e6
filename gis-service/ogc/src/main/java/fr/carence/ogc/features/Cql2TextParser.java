package fr.carence.ogc.features;

import fr.carence.ogc.features.Cql2Builder.Kind;
import fr.carence.ogc.features.Cql2Builder.Literal;
import fr.carence.ogc.features.Cql2Builder.Operand;
import fr.carence.ogc.features.Cql2Builder.Property;
import fr.carence.store.filter.Filter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;

/**
 * CQL2 text (OGC 21-065r2) by recursive descent, for the predicates the store's filter model
 * holds: AND, OR, NOT, comparisons, LIKE, BETWEEN, IN, IS NULL, CASEI, the spatial functions
 * S_* with WKT or BBOX literals, DATE and TIMESTAMP literals. Errors name the position.
 *
 * <pre>
 * or        := and { OR and }
 * and       := not { AND not }
 * not       := NOT not | primary
 * primary   := '(' or ')' | TRUE | FALSE | S_xxx '(' operand ',' operand ')' | predicate
 * predicate := operand ( cmp operand | [NOT] LIKE operand | [NOT] BETWEEN operand AND operand
 *                      | [NOT] IN '(' operand {',' operand} ')' | IS [NOT] NULL )
 * operand   := 'text' | number | TRUE | FALSE | DATE('…') | TIMESTAMP('…') | CASEI '(' operand ')'
 *            | BBOX '(' n,n,n,n ')' | WKT | identifier | "quoted identifier"
 * </pre>
 */
final class Cql2TextParser {

    private static final Set<String> WKT = Set.of("POINT", "LINESTRING", "POLYGON", "MULTIPOINT", "MULTILINESTRING",
            "MULTIPOLYGON", "GEOMETRYCOLLECTION");
    private static final Set<String> RESERVED = Set.of("AND", "OR", "NOT", "LIKE", "BETWEEN", "IN", "IS", "NULL");

    private final Cql2Builder build;
    private final String text;
    private int pos;

    private Cql2TextParser(Cql2Builder build, String text) {
        this.build = build;
        this.text = text;
    }

    static Filter parse(Cql2Builder build, String text) {
        Cql2TextParser p = new Cql2TextParser(build, text);
        Filter f = p.or();
        p.skipSpace();
        if (p.pos < text.length()) {
            throw p.error("texte inattendu « " + p.excerpt() + " »");
        }
        return f;
    }

    private Filter or() {
        List<Filter> ops = new ArrayList<>();
        ops.add(and());
        while (keyword("OR")) {
            ops.add(and());
        }
        return build.or(ops);
    }

    private Filter and() {
        List<Filter> ops = new ArrayList<>();
        ops.add(not());
        while (keyword("AND")) {
            ops.add(not());
        }
        return build.and(ops);
    }

    private Filter not() {
        build.count();
        if (keyword("NOT")) {
            return build.not(not());
        }
        return primary();
    }

    private Filter primary() {
        skipSpace();
        int start = pos;
        if (symbol("(")) {
            // A parenthesised boolean expression (an operand never starts with '(').
            Filter f = or();
            expect(")");
            return f;
        }
        String word = peekWord();
        if (word != null) {
            String upper = word.toUpperCase(Locale.ROOT);
            if (upper.startsWith("S_")) {
                pos += word.length();
                expect("(");
                Operand a = operand();
                expect(",");
                Operand b = operand();
                expect(")");
                return build.spatial(upper, a, b);
            }
            if (upper.startsWith("T_") || upper.startsWith("A_")) {
                throw error("opérateur « " + word + " » non pris en charge (opérateurs temporels et de tableaux)");
            }
            if ((upper.equals("TRUE") || upper.equals("FALSE")) && followedByBooleanEnd(word.length())) {
                pos += word.length();
                // TRUE matches every feature, FALSE none: an empty AND, an empty OR.
                return upper.equals("TRUE") ? new Filter.And(List.of()) : new Filter.Or(List.of());
            }
        }
        Operand left = operand();
        skipSpace();
        for (String op : List.of("<>", "<=", ">=", "=", "<", ">")) {
            if (symbol(op)) {
                return build.compare(op, left, operand());
            }
        }
        boolean negated = keyword("NOT");
        if (keyword("LIKE")) {
            Filter f = build.like(left, operand());
            return negated ? build.not(f) : f;
        }
        if (keyword("BETWEEN")) {
            Operand low = operand();
            if (!keyword("AND")) {
                throw error("BETWEEN … AND … attendu");
            }
            Filter f = build.between(left, low, operand());
            return negated ? build.not(f) : f;
        }
        if (keyword("IN")) {
            expect("(");
            List<Operand> list = new ArrayList<>();
            do {
                build.count();
                list.add(operand());
            } while (symbol(","));
            expect(")");
            Filter f = build.in(left, list);
            return negated ? build.not(f) : f;
        }
        if (!negated && keyword("IS")) {
            boolean not = keyword("NOT");
            if (!keyword("NULL")) {
                throw error("IS NULL ou IS NOT NULL attendu");
            }
            Filter f = build.isNull(left);
            return not ? build.not(f) : f;
        }
        pos = Math.max(pos, start);
        throw error("opérateur attendu (=, <>, <, <=, >, >=, LIKE, BETWEEN, IN, IS NULL) après « "
                + text.substring(start, pos).trim() + " »");
    }

    private boolean followedByBooleanEnd(int length) {
        int p = pos + length;
        while (p < text.length() && Character.isWhitespace(text.charAt(p))) {
            p++;
        }
        if (p >= text.length() || text.charAt(p) == ')') {
            return true;
        }
        String rest = text.substring(p).toUpperCase(Locale.ROOT);
        return rest.startsWith("AND") || rest.startsWith("OR");
    }

    private Operand operand() {
        skipSpace();
        if (pos >= text.length()) {
            throw error("valeur ou propriété attendue, fin du filtre atteinte");
        }
        char c = text.charAt(pos);
        if (c == '\'') {
            return Literal.of(Kind.STRING, quoted('\''));
        }
        if (c == '"') {
            return new Property(quoted('"'), false);
        }
        if (c == '-' || c == '+' || c == '.' || Character.isDigit(c)) {
            return Literal.of(Kind.NUMBER, number());
        }
        String word = peekWord();
        if (word == null) {
            throw error("valeur ou propriété attendue, trouvé « " + excerpt() + " »");
        }
        String upper = word.toUpperCase(Locale.ROOT);
        if (WKT.contains(upper)) {
            return Literal.geometry(wkt());
        }
        pos += word.length();
        switch (upper) {
            case "TRUE", "FALSE" -> {
                return Literal.of(Kind.BOOLEAN, upper.toLowerCase(Locale.ROOT));
            }
            case "DATE", "TIMESTAMP" -> {
                expect("(");
                skipSpace();
                if (pos >= text.length() || text.charAt(pos) != '\'') {
                    throw error(upper + "('…') attend un texte entre apostrophes");
                }
                String value = quoted('\'');
                expect(")");
                return Literal.of(upper.equals("DATE") ? Kind.DATE : Kind.TIMESTAMP, value);
            }
            case "CASEI" -> {
                expect("(");
                Operand inner = operand();
                expect(")");
                return inner instanceof Property p ? new Property(p.name(), true)
                        : new Literal(((Literal) inner).kind(), ((Literal) inner).text(), null, true);
            }
            case "BBOX" -> {
                expect("(");
                double[] v = new double[4];
                for (int i = 0; i < 4; i++) {
                    if (i > 0) {
                        expect(",");
                    }
                    v[i] = Double.parseDouble(number());
                }
                expect(")");
                if (v[0] > v[2] || v[1] > v[3]) {
                    throw error("BBOX : le coin inférieur doit précéder le coin supérieur sur chaque axe");
                }
                return Literal.geometry(new GeometryFactory().toGeometry(new Envelope(v[0], v[2], v[1], v[3])));
            }
            default -> {
                if (RESERVED.contains(upper)) {
                    pos -= word.length();
                    throw error("mot réservé « " + word + " » à la place d'une valeur ou d'une propriété");
                }
                if (symbolAhead("(")) {
                    throw error("fonction « " + word + " » non prise en charge");
                }
                return new Property(word, false);
            }
        }
    }

    /** A WKT literal: from the type keyword to its matching closing parenthesis (or EMPTY). */
    private Geometry wkt() {
        int start = pos;
        int depth = 0;
        while (pos < text.length()) {
            char c = text.charAt(pos++);
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                if (--depth == 0) {
                    break;
                }
                if (depth < 0) {
                    throw error("parenthèse fermante en trop dans la géométrie");
                }
            } else if (depth == 0 && text.regionMatches(true, pos - 1, "EMPTY", 0, 5)) {
                pos += 4;
                break;
            }
        }
        if (depth != 0) {
            throw error("géométrie WKT non terminée");
        }
        String wkt = text.substring(start, pos);
        try {
            return new WKTReader().read(wkt);
        } catch (ParseException | IllegalArgumentException e) {
            throw error("géométrie WKT invalide « " + shorten(wkt) + " » : " + e.getMessage());
        }
    }

    private String number() {
        skipSpace();
        int start = pos;
        if (pos < text.length() && (text.charAt(pos) == '-' || text.charAt(pos) == '+')) {
            pos++;
        }
        while (pos < text.length() && (Character.isDigit(text.charAt(pos)) || ".eE".indexOf(text.charAt(pos)) >= 0
                || ((text.charAt(pos) == '-' || text.charAt(pos) == '+') && "eE".indexOf(text.charAt(pos - 1)) >= 0))) {
            pos++;
        }
        String n = text.substring(start, pos);
        try {
            if (!Double.isFinite(Double.parseDouble(n))) {
                throw new NumberFormatException();
            }
        } catch (NumberFormatException e) {
            pos = start;
            throw error("nombre attendu, trouvé « " + excerpt() + " »");
        }
        return n.startsWith("+") ? n.substring(1) : n;
    }

    /** 'it''s' or "nom" (a doubled delimiter stands for itself). */
    private String quoted(char delimiter) {
        int start = pos;
        StringBuilder sb = new StringBuilder();
        pos++;
        while (pos < text.length()) {
            char c = text.charAt(pos++);
            if (c == delimiter) {
                if (pos < text.length() && text.charAt(pos) == delimiter) {
                    sb.append(delimiter);
                    pos++;
                } else {
                    return sb.toString();
                }
            } else {
                sb.append(c);
            }
        }
        pos = start;
        throw error("texte entre " + (delimiter == '\'' ? "apostrophes" : "guillemets") + " non terminé");
    }

    private String peekWord() {
        skipSpace();
        int p = pos;
        while (p < text.length() && (Character.isLetterOrDigit(text.charAt(p)) || text.charAt(p) == '_'
                || (p > pos && (text.charAt(p) == ':' || text.charAt(p) == '.')))) {
            p++;
        }
        return p == pos || !(Character.isLetter(text.charAt(pos)) || text.charAt(pos) == '_') ? null : text.substring(pos, p);
    }

    private boolean keyword(String kw) {
        String w = peekWord();
        if (w != null && w.equalsIgnoreCase(kw)) {
            pos += w.length();
            return true;
        }
        return false;
    }

    private boolean symbol(String s) {
        skipSpace();
        if (text.startsWith(s, pos)) {
            pos += s.length();
            return true;
        }
        return false;
    }

    private boolean symbolAhead(String s) {
        skipSpace();
        return text.startsWith(s, pos);
    }

    private void expect(String s) {
        if (!symbol(s)) {
            throw error("« " + s + " » attendu, trouvé « " + excerpt() + " »");
        }
    }

    private void skipSpace() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
    }

    private String excerpt() {
        return pos >= text.length() ? "fin du filtre" : shorten(text.substring(pos));
    }

    private static String shorten(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }

    private RuntimeException error(String message) {
        return Cql2Builder.error(message + " (position " + (pos + 1) + ").");
    }
}
