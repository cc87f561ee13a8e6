package fr.carence.ogc.wfs;

import fr.carence.ogc.OwsException;
import fr.carence.ogc.OwsRequest;
import fr.carence.ogc.catalog.Catalog;
import fr.carence.ogc.core.ClientCrsCursor;
import fr.carence.ogc.core.FeatureIds;
import fr.carence.ogc.core.KvpLinks;
import fr.carence.ogc.core.LayerResolver;
import fr.carence.ogc.core.LayerSelection;
import fr.carence.ogc.core.OgcResponse;
import fr.carence.ogc.core.PagePlan;
import fr.carence.ogc.core.Pager;
import fr.carence.ogc.format.ValueText;
import fr.carence.ogc.gml.GmlGeometryWriter;
import fr.carence.ogc.xml.QualifiedNames;
import fr.carence.store.Feature;
import fr.carence.store.FeatureCursor;
import fr.carence.store.FeatureStore;
import fr.carence.store.LayerSchema;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * GetPropertyValue: the values of one property (VALUEREFERENCE: an attribute or the geometry) of
 * the features a query selects, in a {@code wfs:ValueCollection}; same query parameters and paging
 * as GetFeature. Null values are left out.
 */
public final class GetPropertyValue {

    private final Catalog catalog;
    private final LayerResolver resolver;
    private final FeatureStore store;
    private final WfsQueryParser parser;
    private final Pager pager;

    public GetPropertyValue(LayerResolver resolver, FeatureStore store, int maxFeatures, long exactCountLimit) {
        this(resolver, store, maxFeatures, exactCountLimit, null);
    }

    /** @param timeout query timeout of each store read (null = none) */
    public GetPropertyValue(LayerResolver resolver, FeatureStore store, int maxFeatures, long exactCountLimit,
                            java.time.Duration timeout) {
        this.resolver = resolver;
        this.catalog = resolver.catalog();
        this.store = store;
        this.parser = new WfsQueryParser(resolver, maxFeatures, timeout);
        this.pager = new Pager(store, exactCountLimit);
    }

    public OgcResponse execute(OwsRequest req) {
        // Absent: MissingParameterValue (require); present but empty: InvalidParameterValue.
        String raw = req.all().containsKey("VALUEREFERENCE") ? req.all().get("VALUEREFERENCE") : req.require("VALUEREFERENCE");
        if (raw.isBlank()) {
            throw OwsException.badRequest(OwsException.INVALID_PARAMETER_VALUE, "valueReference",
                    "VALUEREFERENCE est vide : indiquez une propriété (ex. " + catalog.workspace() + ":nom), geom ou @gml:id.");
        }
        WfsQuery query = parser.parse(req, null);
        if (query.selections().size() != 1) {
            throw OwsException.badRequest(OwsException.INVALID_PARAMETER_VALUE, "typeNames",
                    "GetPropertyValue porte sur un seul type d'entité.");
        }
        LayerSelection s = query.selections().get(0);
        LayerSchema schema = s.layer().schema();
        QualifiedNames qnames = resolver.names(req);
        boolean gmlId = isGmlId(raw, qnames);
        String reference = gmlId ? null : qnames.property(raw, s.layer().name(), "valueReference");
        boolean geometry = !gmlId && reference.equals(LayerSchema.GEOMETRY_COLUMN) && schema.hasGeometry();
        if (!gmlId && !geometry && schema.attribute(reference).isEmpty()) {
            throw OwsException.badRequest(OwsException.INVALID_PARAMETER_VALUE, "valueReference",
                    "Propriété inconnue « " + reference + " » pour la couche " + s.layer().name() + ".");
        }
        var base = geometry ? s.query().withProperties(List.of())
                : s.query().withProperties(gmlId ? List.of() : List.of(reference)).withoutGeometry();
        LayerSelection selection = new LayerSelection(s.layer(), base,
                geometry || gmlId ? List.of() : List.of(reference), geometry);
        PagePlan plan = query.hits() ? null : pager.plan(List.of(selection), query.startIndex(), query.count());
        long matched = query.hits() ? pager.hits(List.of(selection)) : -1;
        String next = plan != null && plan.more() && query.count() > 0
                ? KvpLinks.page(req, query.startIndex() + query.count(), query.count()) : null;
        String previous = plan != null && query.startIndex() > 0 && query.count() > 0
                ? KvpLinks.page(req, Math.max(0, query.startIndex() - query.count()), query.count()) : null;
        return OgcResponse.ok("application/xml; charset=UTF-8", out -> WfsXml.document(out, w -> {
            w.setPrefix("wfs", WfsXml.WFS);
            w.setPrefix("gml", WfsXml.GML);
            w.writeStartElement(WfsXml.WFS, "ValueCollection");
            w.writeNamespace("wfs", WfsXml.WFS);
            w.writeNamespace("gml", WfsXml.GML);
            w.writeNamespace(catalog.workspace(), catalog.namespaceUri());
            w.writeAttribute("timeStamp", DateTimeFormatter.ISO_INSTANT.format(Instant.now().truncatedTo(ChronoUnit.MILLIS)));
            if (plan == null) {
                w.writeAttribute("numberMatched", Long.toString(matched));
                w.writeAttribute("numberReturned", "0");
            } else {
                w.writeAttribute("numberMatched", plan.numberMatched().isPresent()
                        ? Long.toString(plan.numberMatched().getAsLong()) : "unknown");
                w.writeAttribute("numberReturned", Long.toString(plan.numberReturned()));
            }
            if (next != null) {
                w.writeAttribute("next", next);
            }
            if (previous != null) {
                w.writeAttribute("previous", previous);
            }
            if (plan != null) {
                for (PagePlan.Part part : plan.parts()) {
                    try (FeatureCursor c = new ClientCrsCursor(store.query(s.layer().storeLayer(), part.query()), query.crs())) {
                        while (c.hasNext()) {
                            Feature f = c.next();
                            if (geometry && f.geometry() != null) {
                                w.writeStartElement(WfsXml.WFS, "member");
                                GmlGeometryWriter.gml32(w).write(f.geometry(), query.crs().spelling(),
                                        FeatureIds.encode(s.layer().name(), f.id()) + ".geom");
                                w.writeEndElement();
                            } else if (gmlId) {
                                WfsXml.element(w, WfsXml.WFS, "member", FeatureIds.encode(s.layer().name(), f.id()));
                            } else if (!geometry && f.get(reference) != null) {
                                WfsXml.element(w, WfsXml.WFS, "member", ValueText.of(f.get(reference)));
                            }
                        }
                    }
                }
            }
            w.writeEndElement();
        }));
    }

    /** {@code @gml:id} (any prefix bound to GML 3.2): the features' identifiers (WFS 2.0 §10.2.4.3). */
    private static boolean isGmlId(String reference, QualifiedNames names) {
        String r = reference.trim();
        if (!r.startsWith("@")) {
            return false;
        }
        QualifiedNames.Name n = names.resolve(r.substring(1), "valueReference");
        if (!n.uri().equals(QualifiedNames.GML) || !n.local().equals("id")) {
            throw OwsException.badRequest(OwsException.INVALID_PARAMETER_VALUE, "valueReference",
                    "Attribut « " + r + " » non pris en charge : seul @gml:id l'est.");
        }
        return true;
    }
}
