package fr.carence.ogc.catalog;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Column read rules, {@code security/columns.properties} beside GeoServer's {@code layers.properties}
 * (GeoServer's data security restricts attributes per role the same way):
 * {@code workspace.layer.column.r=ROLE1,ROLE2}. The workspace and the layer may be {@code *}; the
 * column is a name, a prefix ending in {@code *} ({@code site_*}: every column starting with
 * {@code site_}, so a future site-derived column named so is covered without a new rule) or
 * {@code *}. Every rule matching a column must name one of the caller's roles ({@code *} = everyone)
 * for the column to be readable: rules only ever narrow, so adding one never opens anything.
 */
public final class ColumnSecurityRules {

    private static final Pattern COLUMN = Pattern.compile("\\*|[a-z0-9_]+\\*?");

    /** One rule: where it applies and who may read. */
    public record Rule(String workspace, String layer, String column, Set<String> roles) {

        boolean matches(String ws, String layerName, String columnName) {
            return (workspace.equals("*") || workspace.equals(ws)) && (layer.equals("*") || layer.equals(layerName))
                    && (column.equals("*") || column.equals(columnName)
                            || column.endsWith("*") && columnName.startsWith(column.substring(0, column.length() - 1)));
        }

        boolean everyone() {
            return roles.contains("*");
        }

        /** The rule as written in the file (for messages). */
        public String key() {
            return workspace + "." + layer + "." + column + ".r";
        }
    }

    private final List<Rule> rules;

    private ColumnSecurityRules(List<Rule> rules) {
        this.rules = List.copyOf(rules);
    }

    public static ColumnSecurityRules none() {
        return new ColumnSecurityRules(List.of());
    }

    /** Reads the file; a missing file means no column rule (the start check then refuses, see docs/security.md). */
    public static ColumnSecurityRules read(Path file) {
        if (!Files.isRegularFile(file)) {
            return none();
        }
        Properties props = LayerSecurityRules.load(file);
        List<Rule> rules = new ArrayList<>();
        for (String key : new java.util.TreeSet<>(props.stringPropertyNames())) {
            String[] parts = key.split("\\.");
            if (parts.length != 4 || !parts[3].equals("r")) {
                throw new CatalogException(file + ": rule '" + key + "' is not workspace.layer.column.r");
            }
            if (!COLUMN.matcher(parts[2]).matches()) {
                throw new CatalogException(file + ": rule '" + key + "': column '" + parts[2]
                        + "' is not a column name, a prefix ending in * or *");
            }
            Set<String> roles = Arrays.stream(props.getProperty(key).split(","))
                    .map(String::trim).filter(s -> !s.isEmpty())
                    .collect(Collectors.toCollection(LinkedHashSet::new));
            if (roles.isEmpty()) {
                throw new CatalogException(file + ": rule '" + key + "' names no role (* for everyone)");
            }
            rules.add(new Rule(parts[0], parts[1], parts[2], Collections.unmodifiableSet(roles)));
        }
        return new ColumnSecurityRules(rules);
    }

    public List<Rule> rules() {
        return rules;
    }

    /** True when every rule matching the column names one of the roles (or everyone). */
    public boolean readable(String workspace, String layer, String column, Set<String> roles) {
        for (Rule rule : rules) {
            if (rule.matches(workspace, layer, column) && !rule.everyone()
                    && rule.roles().stream().noneMatch(roles::contains)) {
                return false;
            }
        }
        return true;
    }

    /** The rules that apply to the column, by key (for messages). */
    public List<Rule> matching(String workspace, String layer, String column) {
        return rules.stream().filter(r -> r.matches(workspace, layer, column)).toList();
    }

    /** True when some rule keeps the column from anonymous callers. */
    public boolean restricted(String workspace, String layer, String column) {
        return !readable(workspace, layer, column, Set.of());
    }
}
