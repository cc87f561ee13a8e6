package fr.carence.ogc.wfs;

import fr.carence.ogc.OwsException;
import fr.carence.ogc.OwsRequest;
import fr.carence.ogc.catalog.Catalog;
import fr.carence.ogc.core.LayerResolver;
import fr.carence.ogc.core.OgcResponse;
import fr.carence.ogc.core.ResolvedLayer;
import java.util.List;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * ListStoredQueries and DescribeStoredQueries. The only stored query is the mandatory
 * GetFeatureById (WFS 2.0 §7.9.3.6), executed by {@link GetFeature}.
 */
public final class StoredQueries {

    public static final String GET_FEATURE_BY_ID = "urn:ogc:def:query:OGC-WFS::GetFeatureById";

    private final Catalog catalog;
    private final LayerResolver resolver;

    public StoredQueries(LayerResolver resolver) {
        this.catalog = resolver.catalog();
        this.resolver = resolver;
    }

    public OgcResponse list(OwsRequest req) {
        List<ResolvedLayer> layers = resolver.available();
        return OgcResponse.ok("application/xml; charset=UTF-8", out -> WfsXml.document(out, w -> {
            w.setPrefix("wfs", WfsXml.WFS);
            w.writeStartElement(WfsXml.WFS, "ListStoredQueriesResponse");
            w.writeNamespace("wfs", WfsXml.WFS);
            w.writeNamespace(catalog.workspace(), catalog.namespaceUri());
            w.writeStartElement(WfsXml.WFS, "StoredQuery");
            w.writeAttribute("id", GET_FEATURE_BY_ID);
            WfsXml.element(w, WfsXml.WFS, "Title", "Entité par identifiant");
            returnTypes(w, layers);
            w.writeEndElement();
            w.writeEndElement();
        }));
    }

    public OgcResponse describe(OwsRequest req) {
        for (String id : req.get("STOREDQUERY_ID").map(s -> s.split(",")).orElse(new String[0])) {
            if (!id.trim().equals(GET_FEATURE_BY_ID)) {
                throw OwsException.badRequest(OwsException.INVALID_PARAMETER_VALUE, "STOREDQUERY_ID",
                        "Requête stockée inconnue : « " + id.trim() + " ».");
            }
        }
        List<ResolvedLayer> layers = resolver.available();
        return OgcResponse.ok("application/xml; charset=UTF-8", out -> WfsXml.document(out, w -> {
            w.setPrefix("wfs", WfsXml.WFS);
            w.writeStartElement(WfsXml.WFS, "DescribeStoredQueriesResponse");
            w.writeNamespace("wfs", WfsXml.WFS);
            w.writeNamespace("xs", WfsXml.XSD);
            w.writeNamespace(catalog.workspace(), catalog.namespaceUri());
            w.writeStartElement(WfsXml.WFS, "StoredQueryDescription");
            w.writeAttribute("id", GET_FEATURE_BY_ID);
            WfsXml.element(w, WfsXml.WFS, "Title", "Entité par identifiant");
            WfsXml.element(w, WfsXml.WFS, "Abstract",
                    "Renvoie l'entité dont l'identifiant (gml:id, forme couche.identifiant) est donné par ID.");
            w.writeStartElement(WfsXml.WFS, "Parameter");
            w.writeAttribute("name", "ID");
            w.writeAttribute("type", "xs:string");
            w.writeEndElement();
            w.writeStartElement(WfsXml.WFS, "QueryExpressionText");
            w.writeAttribute("isPrivate", "true");
            w.writeAttribute("language", "urn:ogc:def:queryLanguage:OGC-WFS::WFSQueryExpression");
            w.writeAttribute("returnFeatureTypes", layers.stream()
                    .map(l -> catalog.workspace() + ":" + l.name()).reduce((a, b) -> a + " " + b).orElse(""));
            w.writeEndElement();
            w.writeEndElement();
            w.writeEndElement();
        }));
    }

    private void returnTypes(XMLStreamWriter w, List<ResolvedLayer> layers) throws XMLStreamException {
        for (ResolvedLayer l : layers) {
            WfsXml.element(w, WfsXml.WFS, "ReturnFeatureType", catalog.workspace() + ":" + l.name());
        }
    }
}
