package fr.carence.ogc.wfs;

import fr.carence.ogc.OwsException;
import fr.carence.ogc.catalog.Catalog;
import fr.carence.ogc.catalog.PublishedLayer;
import fr.carence.store.FeatureStore;
import fr.carence.store.LayerSchema;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Joins the catalogue with the store: a catalogued layer is served only while its table exists
 * (a layer whose loader or analysis has not run yet is skipped, not an error). The schema is the
 * one the caller may read ({@link Catalog#readableSchema}): WFS never sees the other columns.
 */
public final class LayerResolver {

    private final Catalog catalog;
    private final FeatureStore store;

    public LayerResolver(Catalog catalog, FeatureStore store) {
        this.catalog = catalog;
        this.store = store;
    }

    public Catalog catalog() {
        return catalog;
    }

    /** Catalogued layers whose table exists, in catalogue order. */
    public List<ResolvedLayer> available() {
        List<ResolvedLayer> out = new ArrayList<>();
        for (PublishedLayer l : catalog.layers()) {
            store.schema(l.storeLayer()).ifPresent(s -> out.add(new ResolvedLayer(l, catalog.readableSchema(l, s))));
        }
        return out;
    }

    /** The layer for a (qualified or not) type name, or InvalidParameterValue with the given locator. */
    public ResolvedLayer resolve(String typeName, String locator) {
        Optional<PublishedLayer> l = catalog.layer(typeName.trim());
        Optional<LayerSchema> s = l.flatMap(p -> store.schema(p.storeLayer()));
        if (s.isEmpty()) {
            throw OwsException.badRequest(OwsException.INVALID_PARAMETER_VALUE, locator,
                    "Type d'entité inconnu : « " + typeName.trim() + " »");
        }
        return new ResolvedLayer(l.get(), catalog.readableSchema(l.get(), s.get()));
    }

    /** Comma-separated type names (WFS 2.0 TYPENAMES, also the parenthesised form "(a)(b)"). */
    public List<ResolvedLayer> resolveAll(String typeNames, String locator) {
        List<ResolvedLayer> out = new ArrayList<>();
        for (String n : typeNames.replace(")(", ",").replace("(", "").replace(")", "").split(",")) {
            if (!n.isBlank()) {
                out.add(resolve(n, locator));
            }
        }
        if (out.isEmpty()) {
            throw OwsException.badRequest(OwsException.MISSING_PARAMETER_VALUE, locator, "Aucun type d'entité demandé.");
        }
        return out;
    }
}
