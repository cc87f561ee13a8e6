package fr.carence.ogc.catalog;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * GeoServer's {@code security/layers.properties}: {@code workspace.layer.mode=ROLE1,ROLE2}, with
 * {@code *} wildcards for the workspace or the layer. Only the read mode ({@code r}) is used; the
 * most specific rule wins (layer before workspace-wide before global), as in GeoServer.
 * {@code *} as the role list means public.
 */
public final class LayerSecurityRules {

    private final Map<String, Set<String>> readRules;

    private LayerSecurityRules(Map<String, Set<String>> readRules) {
        this.readRules = readRules;
    }

    public static LayerSecurityRules none() {
        return new LayerSecurityRules(Map.of());
    }

    /**
     * Reads the file; a missing file means no rule (every layer public: the application's start
     * check refuses that, see docs/security.md).
     */
    public static LayerSecurityRules read(Path file) {
        if (!Files.isRegularFile(file)) {
            return none();
        }
        Properties props = load(file);
        Map<String, Set<String>> rules = new TreeMap<>();
        for (String key : props.stringPropertyNames()) {
            String[] parts = key.split("\\.");
            if (parts.length != 3) {
                throw new CatalogException(file + ": rule '" + key + "' is not workspace.layer.mode");
            }
            if (!parts[2].equals("r") && !parts[2].equals("w") && !parts[2].equals("a")) {
                throw new CatalogException(file + ": rule '" + key + "' has mode '" + parts[2] + "', expected r, w or a");
            }
            if (parts[2].equals("r")) {
                Set<String> roles = Arrays.stream(props.getProperty(key).split(","))
                        .map(String::trim).filter(s -> !s.isEmpty())
                        .collect(Collectors.toCollection(LinkedHashSet::new));
                rules.put(parts[0] + "." + parts[1], roles);
            }
        }
        return new LayerSecurityRules(rules);
    }

    /** A security rules file as UTF-8 properties (shared with {@link ColumnSecurityRules}). */
    static Properties load(Path file) {
        Properties props = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            props.load(r);
        } catch (IOException e) {
            throw new CatalogException(file + ": cannot read (" + e.getMessage() + ")", e);
        }
        return props;
    }

    /**
     * Every read rule as written: {@code workspace.layer} (either part may be {@code *}) to the
     * role names it lists ({@code *} = everyone). For checking role names against the service's.
     */
    public Map<String, Set<String>> readRules() {
        return java.util.Collections.unmodifiableMap(readRules);
    }

    /** Roles allowed to read the layer; empty = public. */
    public Set<String> readRoles(String workspace, String layer) {
        for (String key : new String[] {workspace + "." + layer, workspace + ".*", "*." + layer, "*.*"}) {
            Set<String> roles = readRules.get(key);
            if (roles != null) {
                return roles.contains("*") ? Set.of() : java.util.Collections.unmodifiableSet(new LinkedHashSet<>(roles));
            }
        }
        return Set.of();
    }
}
