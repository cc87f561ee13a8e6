package fr.carence.ogc.wfs;

import fr.carence.ogc.OwsException;
import fr.carence.ogc.OwsRequest;
import fr.carence.ogc.catalog.Catalog;
import fr.carence.ogc.core.LayerResolver;
import fr.carence.ogc.core.OgcResponse;
import fr.carence.ogc.core.ResolvedLayer;
import fr.carence.store.LayerSchema;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * DescribeFeatureType: a GML 3.2 simple-features application schema (XSD) for the requested types
 * (TYPENAMES, or TYPENAME as WFS 1.1 clients send it; every published type when absent).
 */
public final class DescribeFeatureType {

    private final Catalog catalog;
    private final LayerResolver resolver;

    public DescribeFeatureType(LayerResolver resolver) {
        this.catalog = resolver.catalog();
        this.resolver = resolver;
    }

    public OgcResponse execute(OwsRequest req) {
        Optional<String> format = req.get("OUTPUTFORMAT");
        if (format.isPresent()) {
            String f = format.get().replace(" ", "").toLowerCase(Locale.ROOT);
            if (!f.equals("application/gml+xml;version=3.2") && !f.equals("text/xml;subtype=gml/3.2")
                    && !f.equals("application/xml") && !f.equals("text/xml") && !f.equals("xmlschema")) {
                throw OwsException.badRequest(OwsException.INVALID_PARAMETER_VALUE, "outputFormat",
                        "Format de schéma non pris en charge : « " + format.get() + " » (application/gml+xml; version=3.2).");
            }
        }
        Optional<String> names = req.get("TYPENAMES").or(() -> req.get("TYPENAME"));
        List<ResolvedLayer> layers = names.isPresent() ? resolver.resolveAll(names.get(), "typeNames", resolver.names(req)) : resolver.available();
        String ns = catalog.namespaceUri();
        return OgcResponse.ok("application/gml+xml; version=3.2; charset=UTF-8", out -> WfsXml.document(out, w -> {
            w.setPrefix("xsd", WfsXml.XSD);
            w.writeStartElement(WfsXml.XSD, "schema");
            w.writeNamespace("xsd", WfsXml.XSD);
            w.writeNamespace("gml", WfsXml.GML);
            w.writeNamespace(catalog.workspace(), ns);
            w.writeAttribute("targetNamespace", ns);
            w.writeAttribute("elementFormDefault", "qualified");
            w.writeAttribute("version", "1.0");
            w.writeStartElement(WfsXml.XSD, "import");
            w.writeAttribute("namespace", WfsXml.GML);
            w.writeAttribute("schemaLocation", "http://schemas.opengis.net/gml/3.2.1/gml.xsd");
            w.writeEndElement();
            for (ResolvedLayer l : layers) {
                LayerSchema schema = l.schema();
                w.writeStartElement(WfsXml.XSD, "complexType");
                w.writeAttribute("name", l.name() + "Type");
                w.writeStartElement(WfsXml.XSD, "complexContent");
                w.writeStartElement(WfsXml.XSD, "extension");
                w.writeAttribute("base", "gml:AbstractFeatureType");
                w.writeStartElement(WfsXml.XSD, "sequence");
                for (LayerSchema.Attribute a : schema.attributes()) {
                    w.writeEmptyElement(WfsXml.XSD, "element");
                    w.writeAttribute("name", a.name());
                    w.writeAttribute("type", xsdType(a.type()));
                    // Every property may be left out (PROPERTYNAME); nullable ones are absent when null.
                    w.writeAttribute("minOccurs", "0");
                    w.writeAttribute("maxOccurs", "1");
                    w.writeAttribute("nillable", Boolean.toString(a.nullable()));
                }
                if (schema.hasGeometry()) {
                    w.writeEmptyElement(WfsXml.XSD, "element");
                    w.writeAttribute("name", LayerSchema.GEOMETRY_COLUMN);
                    w.writeAttribute("type", gmlPropertyType(schema.geometryType()));
                    w.writeAttribute("minOccurs", "0");
                    w.writeAttribute("maxOccurs", "1");
                    w.writeAttribute("nillable", "true");
                }
                w.writeEndElement();
                w.writeEndElement();
                w.writeEndElement();
                w.writeEndElement();
                w.writeEmptyElement(WfsXml.XSD, "element");
                w.writeAttribute("name", l.name());
                w.writeAttribute("type", catalog.workspace() + ":" + l.name() + "Type");
                w.writeAttribute("substitutionGroup", "gml:AbstractFeature");
            }
            w.writeEndElement();
        }));
    }

    static String xsdType(LayerSchema.AttributeType t) {
        return switch (t) {
            case STRING -> "xsd:string";
            case INTEGER -> "xsd:int";
            case LONG -> "xsd:long";
            case DOUBLE -> "xsd:double";
            case BOOLEAN -> "xsd:boolean";
            case DATE -> "xsd:date";
            case TIMESTAMP -> "xsd:dateTime";
        };
    }

    /** GML 3.2 property types (GML 3.2 dropped LineStringPropertyType and PolygonPropertyType). */
    static String gmlPropertyType(LayerSchema.GeometryType t) {
        return switch (t) {
            case POINT -> "gml:PointPropertyType";
            case MULTIPOINT -> "gml:MultiPointPropertyType";
            case LINESTRING -> "gml:CurvePropertyType";
            case MULTILINESTRING -> "gml:MultiCurvePropertyType";
            case POLYGON -> "gml:SurfacePropertyType";
            case MULTIPOLYGON -> "gml:MultiSurfacePropertyType";
            case GEOMETRY, NONE -> "gml:GeometryPropertyType";
        };
    }
}
