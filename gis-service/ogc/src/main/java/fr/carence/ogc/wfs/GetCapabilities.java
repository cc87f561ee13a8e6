package fr.carence.ogc.wfs;

import fr.carence.ogc.OwsException;
import fr.carence.ogc.OwsRequest;
import fr.carence.ogc.catalog.Catalog;
import fr.carence.ogc.core.LayerExtents;
import fr.carence.ogc.core.LayerResolver;
import fr.carence.ogc.core.Numbers;
import fr.carence.ogc.core.OgcResponse;
import fr.carence.ogc.core.ResolvedLayer;
import fr.carence.ogc.format.OutputFormats;
import java.util.List;
import java.util.Optional;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.locationtech.jts.geom.Envelope;

/**
 * WFS 2.0.0 GetCapabilities. Every statement is true of this implementation (constraints,
 * operations, formats, filter capabilities). Operation URLs carry no query string: OWSLib appends
 * its own with "?" and breaks on a URL that already has one.
 */
public final class GetCapabilities {

    private static final List<String> OPERATIONS = List.of("GetCapabilities", "DescribeFeatureType", "GetFeature",
            "GetPropertyValue", "ListStoredQueries", "DescribeStoredQueries");
    private static final List<String> COMPARISON = List.of("PropertyIsEqualTo", "PropertyIsNotEqualTo", "PropertyIsLessThan",
            "PropertyIsGreaterThan", "PropertyIsLessThanOrEqualTo", "PropertyIsGreaterThanOrEqualTo", "PropertyIsLike",
            "PropertyIsNull", "PropertyIsNil", "PropertyIsBetween");
    private static final List<String> SPATIAL = List.of("BBOX", "Equals", "Disjoint", "Intersects", "Touches", "Crosses",
            "Within", "Contains", "Overlaps", "DWithin", "Beyond");
    private static final List<String> OPERANDS = List.of("gml:Envelope", "gml:Point", "gml:LineString", "gml:Curve",
            "gml:Polygon", "gml:Surface", "gml:MultiPoint", "gml:MultiCurve", "gml:MultiSurface");

    private final Catalog catalog;
    private final LayerResolver resolver;
    private final LayerExtents extents;
    private final OutputFormats formats;
    private final int countDefault;
    private final String title;

    public GetCapabilities(LayerResolver resolver, LayerExtents extents, OutputFormats formats, int countDefault, String title) {
        this.catalog = resolver.catalog();
        this.resolver = resolver;
        this.extents = extents;
        this.formats = formats;
        this.countDefault = countDefault;
        this.title = title;
    }

    public OgcResponse execute(OwsRequest req) {
        Optional<String> versions = req.get("ACCEPTVERSIONS");
        if (versions.isPresent() && !List.of(versions.get().split(",")).contains("2.0.0")) {
            throw OwsException.badRequest(OwsException.VERSION_NEGOTIATION_FAILED, "AcceptVersions",
                    "Seule la version 2.0.0 du WFS est proposée.");
        }
        List<ResolvedLayer> layers = resolver.available();
        String url = req.baseUrl();
        return OgcResponse.ok("application/xml; charset=UTF-8", out -> WfsXml.document(out, w -> {
            w.setPrefix("wfs", WfsXml.WFS);
            w.setPrefix("ows", WfsXml.OWS);
            w.setPrefix("fes", WfsXml.FES);
            w.setPrefix("gml", WfsXml.GML);
            w.setPrefix("xlink", WfsXml.XLINK);
            w.writeStartElement(WfsXml.WFS, "WFS_Capabilities");
            w.writeNamespace("wfs", WfsXml.WFS);
            w.writeNamespace("ows", WfsXml.OWS);
            w.writeNamespace("fes", WfsXml.FES);
            w.writeNamespace("gml", WfsXml.GML);
            w.writeNamespace("xlink", WfsXml.XLINK);
            w.writeNamespace("xsi", WfsXml.XSI);
            w.writeNamespace(catalog.workspace(), catalog.namespaceUri());
            w.writeAttribute("xsi", WfsXml.XSI, "schemaLocation", WfsXml.WFS + " http://schemas.opengis.net/wfs/2.0/wfs.xsd");
            w.writeAttribute("version", "2.0.0");

            w.writeStartElement(WfsXml.OWS, "ServiceIdentification");
            WfsXml.element(w, WfsXml.OWS, "Title", title);
            WfsXml.element(w, WfsXml.OWS, "Abstract", "Couches d'entrée et résultats de l'analyse des zones de carence "
                    + "en tiers-lieux de télétravail. Système de référence par défaut : Lambert-93 (EPSG:2154).");
            w.writeStartElement(WfsXml.OWS, "Keywords");
            for (String k : List.of("WFS", "télétravail", "tiers-lieux", "zones de carence")) {
                WfsXml.element(w, WfsXml.OWS, "Keyword", k);
            }
            w.writeEndElement();
            WfsXml.element(w, WfsXml.OWS, "ServiceType", "WFS");
            WfsXml.element(w, WfsXml.OWS, "ServiceTypeVersion", "2.0.0");
            WfsXml.element(w, WfsXml.OWS, "Fees", "NONE");
            WfsXml.element(w, WfsXml.OWS, "AccessConstraints", "NONE");
            w.writeEndElement();

            w.writeStartElement(WfsXml.OWS, "ServiceProvider");
            WfsXml.element(w, WfsXml.OWS, "ProviderName", "Carence");
            w.writeEmptyElement(WfsXml.OWS, "ServiceContact");
            w.writeEndElement();

            operations(w, url);
            featureTypes(w, layers);
            filterCapabilities(w);
            w.writeEndElement();
        }));
    }

    private void operations(XMLStreamWriter w, String url) throws XMLStreamException {
        w.writeStartElement(WfsXml.OWS, "OperationsMetadata");
        for (String op : OPERATIONS) {
            w.writeStartElement(WfsXml.OWS, "Operation");
            w.writeAttribute("name", op);
            w.writeStartElement(WfsXml.OWS, "DCP");
            w.writeStartElement(WfsXml.OWS, "HTTP");
            w.writeEmptyElement(WfsXml.OWS, "Get");
            w.writeAttribute("xlink", WfsXml.XLINK, "href", url);
            w.writeEmptyElement(WfsXml.OWS, "Post");
            w.writeAttribute("xlink", WfsXml.XLINK, "href", url);
            w.writeEndElement();
            w.writeEndElement();
            if (op.equals("GetCapabilities")) {
                parameter(w, "AcceptVersions", List.of("2.0.0"));
                parameter(w, "AcceptFormats", List.of("text/xml"));
            } else if (op.equals("DescribeFeatureType")) {
                parameter(w, "outputFormat", List.of("application/gml+xml; version=3.2"));
            } else if (op.equals("GetFeature")) {
                parameter(w, "outputFormat", formats.advertised());
                parameter(w, "resultType", List.of("results", "hits"));
            } else if (op.equals("GetPropertyValue")) {
                parameter(w, "outputFormat", List.of("application/gml+xml; version=3.2"));
                parameter(w, "resolve", List.of("none"));
            }
            w.writeEndElement();
        }
        parameter(w, "version", List.of("2.0.0"));
        constraint(w, "ImplementsBasicWFS", "TRUE");
        constraint(w, "ImplementsTransactionalWFS", "FALSE");
        constraint(w, "ImplementsLockingWFS", "FALSE");
        constraint(w, "KVPEncoding", "TRUE");
        constraint(w, "XMLEncoding", "TRUE");
        constraint(w, "SOAPEncoding", "FALSE");
        constraint(w, "ImplementsInheritance", "FALSE");
        constraint(w, "ImplementsRemoteResolve", "FALSE");
        constraint(w, "ImplementsResultPaging", "TRUE");
        constraint(w, "ImplementsStandardJoins", "FALSE");
        constraint(w, "ImplementsSpatialJoins", "FALSE");
        constraint(w, "ImplementsTemporalJoins", "FALSE");
        constraint(w, "ImplementsFeatureVersioning", "FALSE");
        constraint(w, "ManageStoredQueries", "FALSE");
        constraint(w, "CountDefault", Integer.toString(countDefault));
        w.writeStartElement(WfsXml.OWS, "Constraint");
        w.writeAttribute("name", "QueryExpressions");
        w.writeStartElement(WfsXml.OWS, "AllowedValues");
        WfsXml.element(w, WfsXml.OWS, "Value", "wfs:Query");
        WfsXml.element(w, WfsXml.OWS, "Value", "wfs:StoredQuery");
        w.writeEndElement();
        w.writeEndElement();
        w.writeEndElement();
    }

    private void featureTypes(XMLStreamWriter w, List<ResolvedLayer> layers) throws XMLStreamException {
        w.writeStartElement(WfsXml.WFS, "FeatureTypeList");
        for (ResolvedLayer l : layers) {
            var p = l.published();
            w.writeStartElement(WfsXml.WFS, "FeatureType");
            WfsXml.element(w, WfsXml.WFS, "Name", catalog.workspace() + ":" + p.name());
            WfsXml.element(w, WfsXml.WFS, "Title", p.title());
            if (p.abstractText() != null && !p.abstractText().isEmpty()) {
                WfsXml.element(w, WfsXml.WFS, "Abstract", p.abstractText());
            }
            if (!p.keywords().isEmpty()) {
                w.writeStartElement(WfsXml.OWS, "Keywords");
                for (String k : p.keywords()) {
                    WfsXml.element(w, WfsXml.OWS, "Keyword", k);
                }
                w.writeEndElement();
            }
            WfsXml.element(w, WfsXml.WFS, "DefaultCRS", "urn:ogc:def:crs:EPSG::" + p.declaredEpsg());
            for (int other : p.otherEpsg()) {
                WfsXml.element(w, WfsXml.WFS, "OtherCRS", "urn:ogc:def:crs:EPSG::" + other);
            }
            w.writeStartElement(WfsXml.WFS, "OutputFormats");
            for (String f : formats.advertised()) {
                WfsXml.element(w, WfsXml.WFS, "Format", f);
            }
            w.writeEndElement();
            Optional<Envelope> bbox = l.schema().hasGeometry() ? extents.wgs84(l.storeLayer()) : Optional.empty();
            if (bbox.isPresent()) {
                Envelope e = bbox.get();
                w.writeStartElement(WfsXml.OWS, "WGS84BoundingBox");
                WfsXml.element(w, WfsXml.OWS, "LowerCorner", down(e.getMinX()) + " " + down(e.getMinY()));
                WfsXml.element(w, WfsXml.OWS, "UpperCorner", up(e.getMaxX()) + " " + up(e.getMaxY()));
                w.writeEndElement();
            }
            w.writeEndElement();
        }
        w.writeEndElement();
    }

    /** Extents rounded outwards to 1e-6 degree (about 0.1 m): still covering, and stable text. */
    private static String down(double degrees) {
        return Numbers.format(Math.floor(degrees * 1e6) / 1e6);
    }

    private static String up(double degrees) {
        return Numbers.format(Math.ceil(degrees * 1e6) / 1e6);
    }

    private static void filterCapabilities(XMLStreamWriter w) throws XMLStreamException {
        w.writeStartElement(WfsXml.FES, "Filter_Capabilities");
        w.writeStartElement(WfsXml.FES, "Conformance");
        String[][] conformance = {
            {"ImplementsQuery", "TRUE"}, {"ImplementsAdHocQuery", "TRUE"}, {"ImplementsFunctions", "FALSE"},
            {"ImplementsResourceId", "TRUE"}, {"ImplementsMinStandardFilter", "TRUE"}, {"ImplementsStandardFilter", "TRUE"},
            {"ImplementsMinSpatialFilter", "TRUE"}, {"ImplementsSpatialFilter", "TRUE"},
            {"ImplementsMinTemporalFilter", "FALSE"}, {"ImplementsTemporalFilter", "FALSE"},
            {"ImplementsVersionNav", "FALSE"}, {"ImplementsSorting", "TRUE"}, {"ImplementsExtendedOperators", "FALSE"},
            {"ImplementsMinimumXPath", "FALSE"}, {"ImplementsSchemaElementFunc", "FALSE"}};
        for (String[] c : conformance) {
            w.writeStartElement(WfsXml.FES, "Constraint");
            w.writeAttribute("name", c[0]);
            w.writeEmptyElement(WfsXml.OWS, "NoValues");
            WfsXml.element(w, WfsXml.OWS, "DefaultValue", c[1]);
            w.writeEndElement();
        }
        w.writeEndElement();
        w.writeStartElement(WfsXml.FES, "Id_Capabilities");
        w.writeEmptyElement(WfsXml.FES, "ResourceIdentifier");
        w.writeAttribute("name", "fes:ResourceId");
        w.writeEndElement();
        w.writeStartElement(WfsXml.FES, "Scalar_Capabilities");
        w.writeEmptyElement(WfsXml.FES, "LogicalOperators");
        w.writeStartElement(WfsXml.FES, "ComparisonOperators");
        for (String c : COMPARISON) {
            w.writeEmptyElement(WfsXml.FES, "ComparisonOperator");
            w.writeAttribute("name", c);
        }
        w.writeEndElement();
        w.writeEndElement();
        w.writeStartElement(WfsXml.FES, "Spatial_Capabilities");
        w.writeStartElement(WfsXml.FES, "GeometryOperands");
        for (String g : OPERANDS) {
            w.writeEmptyElement(WfsXml.FES, "GeometryOperand");
            w.writeAttribute("name", g);
        }
        w.writeEndElement();
        w.writeStartElement(WfsXml.FES, "SpatialOperators");
        for (String s : SPATIAL) {
            w.writeEmptyElement(WfsXml.FES, "SpatialOperator");
            w.writeAttribute("name", s);
        }
        w.writeEndElement();
        w.writeEndElement();
        w.writeEndElement();
    }

    private static void parameter(XMLStreamWriter w, String name, List<String> values) throws XMLStreamException {
        w.writeStartElement(WfsXml.OWS, "Parameter");
        w.writeAttribute("name", name);
        w.writeStartElement(WfsXml.OWS, "AllowedValues");
        for (String v : values) {
            WfsXml.element(w, WfsXml.OWS, "Value", v);
        }
        w.writeEndElement();
        w.writeEndElement();
    }

    private static void constraint(XMLStreamWriter w, String name, String value) throws XMLStreamException {
        w.writeStartElement(WfsXml.OWS, "Constraint");
        w.writeAttribute("name", name);
        w.writeEmptyElement(WfsXml.OWS, "NoValues");
        WfsXml.element(w, WfsXml.OWS, "DefaultValue", value);
        w.writeEndElement();
    }
}
