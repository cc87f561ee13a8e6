package fr.carence.ogc.security;

import fr.carence.ogc.catalog.Catalog;
import fr.carence.ogc.catalog.ColumnSecurityRules;
import fr.carence.ogc.catalog.PublishedLayer;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The catalogue as the current caller may see it: a layer whose read rule
 * ({@code security/layers.properties}) names none of the caller's roles is left out of
 * {@link #layers()} and {@link #layer(String)}, exactly as if it were not catalogued (GeoServer's
 * HIDE mode). Every WFS and WMS operation finds its layers through the catalogue, so a hidden
 * layer is absent from the capabilities and "unknown" to every other operation, with the same
 * message as a name that never existed.
 *
 * <p>Columns likewise: {@link #columnReadable} applies {@code security/columns.properties} to the
 * caller's roles, and {@link #readableSchema} (built on it) is the schema every operation works
 * from, so a column the caller may not read is "unknown" to it.
 */
public final class ReadableLayersCatalog implements Catalog {

    private final Catalog all;
    private final CallerRoles caller;

    public ReadableLayersCatalog(Catalog all, CallerRoles caller) {
        this.all = all;
        this.caller = caller;
    }

    /** True when the layer is public or its rule names one of the roles. */
    public static boolean readable(PublishedLayer layer, Set<String> roles) {
        return layer.readRoles().isEmpty() || layer.readRoles().stream().anyMatch(roles::contains);
    }

    @Override
    public String workspace() {
        return all.workspace();
    }

    @Override
    public String namespaceUri() {
        return all.namespaceUri();
    }

    @Override
    public List<PublishedLayer> layers() {
        Set<String> roles = caller.current();
        return all.layers().stream().filter(l -> readable(l, roles)).toList();
    }

    @Override
    public Optional<PublishedLayer> layer(String name) {
        return all.layer(name).filter(l -> readable(l, caller.current()));
    }

    @Override
    public ColumnSecurityRules columnRules() {
        return all.columnRules();
    }

    @Override
    public boolean columnReadable(String layer, String column) {
        return all.columnRules().readable(all.workspace(), layer, column, caller.current());
    }

    /** Styles are not data: they stay listed, and a hidden layer's style draws nothing without the layer. */
    @Override
    public List<String> styleNames() {
        return all.styleNames();
    }

    @Override
    public Optional<String> styleSld(String styleName) {
        return all.styleSld(styleName);
    }
}
