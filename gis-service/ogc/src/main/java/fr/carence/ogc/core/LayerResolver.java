package fr.carence.ogc.core;

import fr.carence.ogc.OwsException;
import fr.carence.ogc.OwsRequest;
import fr.carence.ogc.catalog.Catalog;
import fr.carence.ogc.catalog.PublishedLayer;
import fr.carence.ogc.xml.QualifiedNames;
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

    /** The prefix bindings of a request (its NAMESPACES parameter, the service's own prefix). */
    public QualifiedNames names(OwsRequest request) {
        return QualifiedNames.of(catalog.workspace(), catalog.namespaceUri(), request.get(QualifiedNames.PARAMETER));
    }

    /**
     * The layer for a type name, qualified or not, resolved by namespace URI (see
     * {@link QualifiedNames}); InvalidParameterValue with the given locator otherwise.
     */
    public ResolvedLayer resolve(String typeName, String locator, QualifiedNames names) {
        return resolveLocal(names.local(typeName, locator), locator);
    }

    /** The layer for an unqualified name (e.g. the layer part of a resource id). */
    public ResolvedLayer resolveLocal(String layerName, String locator) {
        String name = layerName.trim();
        // Only the plain name: a prefix was resolved (by URI) before, never by its text here.
        Optional<PublishedLayer> l = catalog.layer(name).filter(p -> p.name().equals(name));
        Optional<LayerSchema> s = l.flatMap(p -> store.schema(p.storeLayer()));
        if (s.isEmpty()) {
            throw OwsException.badRequest(OwsException.INVALID_PARAMETER_VALUE, locator,
                    "Type d'entité inconnu : « " + name + " »");
        }
        return new ResolvedLayer(l.get(), catalog.readableSchema(l.get(), s.get()));
    }

    /** Comma-separated type names (WFS 2.0 TYPENAMES, also the parenthesised form "(a)(b)"). */
    public List<ResolvedLayer> resolveAll(String typeNames, String locator, QualifiedNames names) {
        List<ResolvedLayer> out = new ArrayList<>();
        for (String n : typeNames.replace(")(", ",").replace("(", "").replace(")", "").split(",")) {
            if (!n.isBlank()) {
                out.add(resolve(n, locator, names));
            }
        }
        if (out.isEmpty()) {
            throw OwsException.badRequest(OwsException.MISSING_PARAMETER_VALUE, locator, "Aucun type d'entité demandé.");
        }
        return out;
    }
}
