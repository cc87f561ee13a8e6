package fr.carence.ogc.wms;

import fr.carence.crs.CrsTransforms;
import fr.carence.ogc.OwsRequest;
import fr.carence.ogc.catalog.PublishedLayer;
import fr.carence.ogc.core.LayerExtents;
import fr.carence.ogc.core.OgcResponse;
import fr.carence.render.legend.LegendRenderer;
import fr.carence.render.style.Style;
import fr.carence.store.FeatureStore;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.locationtech.jts.geom.Envelope;

/**
 * WMS 1.3.0 GetCapabilities: the service, its operations (endpoint URLs without a query string,
 * which OWSLib needs), and the layer tree: a root layer holding the CRS list, then one unnamed
 * group per catalogue group ("Données d'entrée", "Résultats") holding the named layers with
 * their geographic and per-CRS bounding boxes (1.3.0 axis order) and styles with legend URLs.
 */
final class GetCapabilitiesOperation {

    static final String WMS_NS = "http://www.opengis.net/wms";
    static final String XLINK_NS = "http://www.w3.org/1999/xlink";
    static final String SLD_NS = "http://www.opengis.net/sld";
    private static final String XSI_NS = "http://www.w3.org/2001/XMLSchema-instance";
    /** Catalogue group key to its French title. */
    private static final Map<String, String> GROUP_TITLES = Map.of("entrees", "Données d'entrée", "resultats", "Résultats");
    /** CRSs that get a BoundingBox element: the national ones (overseas UTM zones make no sense for the whole extent). */
    private static final List<String> BOUNDING_BOX_CRS = List.of("CRS:84", "EPSG:4326", "EPSG:2154", "EPSG:3857");

    private final WmsLayers layers;
    private final StyleLibrary styles;
    private final LayerExtents extents;
    private final WmsSettings settings;
    private final MapImageFormats imageFormats;
    private final FeatureInfoFormats infoFormats;
    private final LegendRenderer legendRenderer = new LegendRenderer();

    GetCapabilitiesOperation(WmsLayers layers, StyleLibrary styles, LayerExtents extents, WmsSettings settings,
                             MapImageFormats imageFormats, FeatureInfoFormats infoFormats) {
        this.layers = layers;
        this.styles = styles;
        this.extents = extents;
        this.settings = settings;
        this.imageFormats = imageFormats;
        this.infoFormats = infoFormats;
    }

    OgcResponse execute(OwsRequest request) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            XMLStreamWriter w = XMLOutputFactory.newInstance().createXMLStreamWriter(bytes, "UTF-8");
            write(w, request.baseUrl());
            w.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write the capabilities document", e);
        }
        return OgcResponse.ok("text/xml; charset=UTF-8", bytes.toByteArray());
    }

    private void write(XMLStreamWriter w, String baseUrl) throws XMLStreamException {
        w.writeStartDocument("UTF-8", "1.0");
        w.writeStartElement("WMS_Capabilities");
        w.writeDefaultNamespace(WMS_NS);
        w.writeNamespace("xlink", XLINK_NS);
        w.writeNamespace("sld", SLD_NS);
        w.writeNamespace("xsi", XSI_NS);
        w.writeAttribute("version", "1.3.0");
        w.writeAttribute(XSI_NS, "schemaLocation", WMS_NS + " http://schemas.opengis.net/wms/1.3.0/capabilities_1_3_0.xsd "
                + SLD_NS + " http://schemas.opengis.net/sld/1.1.0/sld_capabilities.xsd");
        service(w, baseUrl);
        w.writeStartElement("Capability");
        request(w, baseUrl);
        w.writeStartElement("Exception");
        for (String f : List.of("XML", "INIMAGE", "BLANK")) {
            text(w, "Format", f);
        }
        w.writeEndElement();
        layerTree(w, baseUrl);
        w.writeEndElement();
        w.writeEndElement();
        w.writeEndDocument();
    }

    private void service(XMLStreamWriter w, String baseUrl) throws XMLStreamException {
        w.writeStartElement("Service");
        text(w, "Name", "WMS");
        text(w, "Title", "Carence — cartes des zones de carence en tiers-lieux de télétravail");
        text(w, "Abstract", "Données d'entrée (communes, limites, zonages de fragilité, lieux existants) et résultats "
                + "de l'analyse (indicateurs par commune, zones de carence, sites candidats, flux) en WMS 1.3.0, "
                + "styles SLD. Paramètre propre SCENARIO pour choisir le scénario des couches de résultats (défaut : defaut).");
        w.writeStartElement("KeywordList");
        for (String k : List.of("télétravail", "tiers-lieux", "zones de carence", "WMS")) {
            text(w, "Keyword", k);
        }
        w.writeEndElement();
        onlineResource(w, baseUrl);
        text(w, "Fees", "aucun");
        text(w, "AccessConstraints", "aucune");
        text(w, "MaxWidth", Integer.toString(settings.maxWidth()));
        text(w, "MaxHeight", Integer.toString(settings.maxHeight()));
        w.writeEndElement();
    }

    private void request(XMLStreamWriter w, String baseUrl) throws XMLStreamException {
        w.writeStartElement("Request");
        operation(w, "GetCapabilities", List.of("text/xml"), baseUrl, null);
        // Exactly the discovered format plug-ins, in their order.
        operation(w, "GetMap", imageFormats.advertised(), baseUrl, null);
        operation(w, "GetFeatureInfo", infoFormats.advertised(), baseUrl, null);
        operation(w, "GetLegendGraphic", imageFormats.advertisedForLegends(), baseUrl, SLD_NS);
        w.writeEndElement();
    }

    private static void operation(XMLStreamWriter w, String name, List<String> formats, String baseUrl, String ns)
            throws XMLStreamException {
        if (ns == null) {
            w.writeStartElement(name);
        } else {
            w.writeStartElement("sld", name, ns);
        }
        for (String f : formats) {
            text(w, "Format", f);
        }
        w.writeStartElement("DCPType");
        w.writeStartElement("HTTP");
        w.writeStartElement("Get");
        onlineResource(w, baseUrl);
        w.writeEndElement();
        w.writeEndElement();
        w.writeEndElement();
        w.writeEndElement();
    }

    private void layerTree(XMLStreamWriter w, String baseUrl) throws XMLStreamException {
        List<PublishedLayer> all = layers.mapLayers();
        Map<String, List<PublishedLayer>> groups = new LinkedHashMap<>();
        groups.put("entrees", new ArrayList<>());
        groups.put("resultats", new ArrayList<>());
        Envelope union = new Envelope();
        for (PublishedLayer l : all) {
            groups.computeIfAbsent(l.group() == null ? "entrees" : l.group(), k -> new ArrayList<>()).add(l);
            union.expandToInclude(extents.storage(l.storeLayer()));
        }
        if (union.isNull()) {
            union = LayerExtents.FRANCE_2154;
        }
        w.writeStartElement("Layer");
        text(w, "Title", "Carence");
        text(w, "Abstract", "Toutes les couches cartographiques de Carence.");
        for (Integer epsg : settings.crs()) {
            text(w, "CRS", "EPSG:" + epsg);
        }
        text(w, "CRS", "CRS:84");
        boxes(w, union);
        for (Map.Entry<String, List<PublishedLayer>> g : groups.entrySet()) {
            if (g.getValue().isEmpty()) {
                continue;
            }
            w.writeStartElement("Layer");
            text(w, "Title", GROUP_TITLES.getOrDefault(g.getKey(), g.getKey()));
            Envelope groupBox = new Envelope();
            g.getValue().forEach(l -> groupBox.expandToInclude(extents.storage(l.storeLayer())));
            boxes(w, groupBox);
            for (PublishedLayer l : g.getValue()) {
                layer(w, l, baseUrl);
            }
            w.writeEndElement();
        }
        w.writeEndElement();
    }

    private void layer(XMLStreamWriter w, PublishedLayer l, String baseUrl) throws XMLStreamException {
        w.writeStartElement("Layer");
        w.writeAttribute("queryable", "1");
        w.writeAttribute("opaque", "0");
        String name = layers.qualifiedName(l);
        text(w, "Name", name);
        text(w, "Title", l.title());
        if (l.abstractText() != null && !l.abstractText().isBlank()) {
            text(w, "Abstract", l.abstractText());
        }
        if (l.keywords() != null && !l.keywords().isEmpty()) {
            w.writeStartElement("KeywordList");
            for (String k : l.keywords()) {
                text(w, "Keyword", k);
            }
            w.writeEndElement();
        }
        boxes(w, extents.storage(l.storeLayer()));
        List<String> styleNames = new ArrayList<>();
        if (l.defaultStyle() != null) {
            styleNames.add(l.defaultStyle());
        }
        l.styles().stream().filter(s -> !styleNames.contains(s)).forEach(styleNames::add);
        for (String styleName : styleNames) {
            Optional<Style> style = styles.style(styleName);
            if (style.isEmpty()) {
                continue;
            }
            w.writeStartElement("Style");
            text(w, "Name", styleName);
            text(w, "Title", style.get().title());
            if (style.get().abstractText() != null) {
                text(w, "Abstract", style.get().abstractText());
            }
            BufferedImage legend = legendRenderer.render(style.get(), GetLegendGraphicOperation.DEFAULT_SIZE,
                    GetLegendGraphicOperation.DEFAULT_SIZE, false);
            w.writeStartElement("LegendURL");
            w.writeAttribute("width", Integer.toString(legend.getWidth()));
            w.writeAttribute("height", Integer.toString(legend.getHeight()));
            text(w, "Format", "image/png");
            onlineResource(w, baseUrl + "?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetLegendGraphic&FORMAT=image%2Fpng"
                    + "&LAYER=" + encode(name) + "&STYLE=" + encode(styleName));
            w.writeEndElement();
            w.writeEndElement();
        }
        w.writeEndElement();
    }

    /** EX_GeographicBoundingBox then one BoundingBox per national CRS, in 1.3.0 axis order. */
    private void boxes(XMLStreamWriter w, Envelope extent2154) throws XMLStreamException {
        Envelope geo = CrsTransforms.transform(extent2154, FeatureStore.STORAGE_SRID, 4326);
        w.writeStartElement("EX_GeographicBoundingBox");
        text(w, "westBoundLongitude", num(geo.getMinX()));
        text(w, "eastBoundLongitude", num(geo.getMaxX()));
        text(w, "southBoundLatitude", num(geo.getMinY()));
        text(w, "northBoundLatitude", num(geo.getMaxY()));
        w.writeEndElement();
        for (String crsName : BOUNDING_BOX_CRS) {
            WmsCrs crs = WmsCrs.parse(crsName, List.of(2154, 4326, 3857), "CRS");
            Envelope e = crs.epsg() == 4326 ? geo : CrsTransforms.transform(extent2154, FeatureStore.STORAGE_SRID, crs.epsg());
            double[] v = crs.toAxisOrder(e);
            w.writeEmptyElement("BoundingBox");
            w.writeAttribute("CRS", crs.name());
            w.writeAttribute("minx", num(v[0]));
            w.writeAttribute("miny", num(v[1]));
            w.writeAttribute("maxx", num(v[2]));
            w.writeAttribute("maxy", num(v[3]));
        }
    }

    private static void onlineResource(XMLStreamWriter w, String href) throws XMLStreamException {
        w.writeEmptyElement("OnlineResource");
        w.writeAttribute(XLINK_NS, "type", "simple");
        w.writeAttribute(XLINK_NS, "href", href);
    }

    private static void text(XMLStreamWriter w, String element, String value) throws XMLStreamException {
        w.writeStartElement(element);
        w.writeCharacters(value);
        w.writeEndElement();
    }

    private static String num(double v) {
        return String.format(Locale.ROOT, "%.6f", v).replaceAll("0+$", "").replaceAll("\\.$", "");
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
