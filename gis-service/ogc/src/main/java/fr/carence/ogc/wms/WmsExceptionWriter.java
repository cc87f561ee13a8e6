package fr.carence.ogc.wms;

import fr.carence.ogc.OwsException;
import fr.carence.ogc.OwsRequest;
import fr.carence.ogc.core.OgcResponse;
import fr.carence.ogc.xml.XmlText;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Reports a WMS error the way the request asked (EXCEPTIONS): a ServiceExceptionReport 1.3.0
 * (default), the message drawn in an image of the requested size and format (INIMAGE), or an
 * empty image (BLANK). Image modes only apply to GetMap with usable WIDTH/HEIGHT/FORMAT;
 * otherwise the XML report is written. The report is an answer value the web layer sends.
 */
final class WmsExceptionWriter {

    static final String OGC_NS = "http://www.opengis.net/ogc";

    private final WmsSettings settings;
    private final MapImageFormats formats;

    WmsExceptionWriter(WmsSettings settings, MapImageFormats formats) {
        this.settings = settings;
        this.formats = formats;
    }

    OgcResponse report(OwsException e, OwsRequest request, boolean imageOperation) {
        ExceptionMode mode = imageOperation ? ExceptionMode.of(request) : ExceptionMode.XML;
        if (mode != ExceptionMode.XML) {
            ImageSpec spec = ImageSpec.lenient(request, settings, formats);
            if (spec != null) {
                return image(e, mode, spec);
            }
        }
        return xml(e);
    }

    static OgcResponse xml(OwsException e) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            XMLStreamWriter w = XMLOutputFactory.newInstance().createXMLStreamWriter(bytes, "UTF-8");
            w.writeStartDocument("UTF-8", "1.0");
            w.writeStartElement("ServiceExceptionReport");
            w.writeDefaultNamespace(OGC_NS);
            w.writeNamespace("xsi", "http://www.w3.org/2001/XMLSchema-instance");
            w.writeAttribute("version", "1.3.0");
            w.writeAttribute("http://www.w3.org/2001/XMLSchema-instance", "schemaLocation",
                    OGC_NS + " http://schemas.opengis.net/wms/1.3.0/exceptions_1_3_0.xsd");
            w.writeStartElement("ServiceException");
            w.writeAttribute("code", e.code());
            if (e.locator() != null) {
                w.writeAttribute("locator", XmlText.clean(e.locator()));
            }
            w.writeCharacters(XmlText.clean(e.getMessage() == null ? e.code() : e.getMessage()));
            w.writeEndElement();
            w.writeEndElement();
            w.writeEndDocument();
            w.close();
        } catch (XMLStreamException x) {
            throw new IllegalStateException("cannot write the exception report", x);
        }
        return OgcResponse.of(e.httpStatus(), "text/xml; charset=UTF-8", Map.of(), bytes.toByteArray());
    }

    private static OgcResponse image(OwsException e, ExceptionMode mode, ImageSpec spec) {
        BufferedImage image = new BufferedImage(spec.width(), spec.height(), BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        try {
            if (!spec.transparent() || !spec.format().supportsTransparency()) {
                g.setColor(spec.background());
                g.fillRect(0, 0, spec.width(), spec.height());
            }
            if (mode == ExceptionMode.INIMAGE) {
                g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
                g.setColor(new Color(0xb0, 0x00, 0x20));
                g.setFont(new Font("SansSerif", Font.PLAIN, 12));
                drawWrapped(g, e.code() + " : " + e.getMessage(), spec.width() - 8, 4);
            }
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            spec.format().write(image, bytes);
        } catch (IOException x) {
            throw new UncheckedIOException("cannot encode the exception image", x);
        }
        return OgcResponse.ok(spec.format().contentType(), bytes.toByteArray());
    }

    private static void drawWrapped(Graphics2D g, String text, int maxWidth, int margin) {
        FontMetrics fm = g.getFontMetrics();
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split("\\s+")) {
            String candidate = line.length() == 0 ? word : line + " " + word;
            if (fm.stringWidth(candidate) > maxWidth && line.length() > 0) {
                lines.add(line.toString());
                line = new StringBuilder(word);
            } else {
                line = new StringBuilder(candidate);
            }
        }
        lines.add(line.toString());
        int y = margin + fm.getAscent();
        for (String l : lines) {
            g.drawString(l, margin, y);
            y += fm.getHeight();
        }
    }

    /** Size, format and background for an image exception, or null when they cannot be read. */
    record ImageSpec(int width, int height, MapImageWriter format, boolean transparent, Color background) {

        static ImageSpec lenient(OwsRequest request, WmsSettings settings, MapImageFormats formats) {
            try {
                int w = Integer.parseInt(request.require("WIDTH").trim());
                int h = Integer.parseInt(request.require("HEIGHT").trim());
                if (w <= 0 || h <= 0 || w > settings.maxWidth() || h > settings.maxHeight()) {
                    return null;
                }
                MapImageWriter f = formats.parse(request.require("FORMAT"), "FORMAT");
                return new ImageSpec(w, h, f, MapRequestParser.parseTransparent(request),
                        MapRequestParser.parseBackground(request));
            } catch (RuntimeException e) {
                return null;
            }
        }
    }
}
