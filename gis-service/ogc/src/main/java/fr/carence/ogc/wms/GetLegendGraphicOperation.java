package fr.carence.ogc.wms;

import fr.carence.ogc.OwsException;
import fr.carence.ogc.OwsRequest;
import fr.carence.ogc.catalog.PublishedLayer;
import fr.carence.ogc.core.OgcResponse;
import fr.carence.render.legend.LegendRenderer;
import fr.carence.render.style.Style;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;

/**
 * GetLegendGraphic (SLD 1.1 profile of WMS, as GeoServer offers it): one row per rule of the
 * layer's style (swatch + French title). WIDTH and HEIGHT set the swatch size (default 20);
 * SCALE, when given, keeps only the rules drawn at that scale denominator. With SLD_BODY, the
 * legend is that of the style the document gives the layer.
 */
final class GetLegendGraphicOperation {

    static final int DEFAULT_SIZE = 20;
    private static final int MAX_SWATCH = 512;

    private final WmsLayers layers;
    private final MapRequestParser parser;
    private final MapImageFormats formats;
    private final LegendRenderer renderer = new LegendRenderer();

    GetLegendGraphicOperation(WmsLayers layers, MapRequestParser parser, MapImageFormats formats) {
        this.layers = layers;
        this.parser = parser;
        this.formats = formats;
    }

    OgcResponse execute(OwsRequest request) {
        PublishedLayer layer = layers.require(request.require("LAYER"), "LAYER");
        Optional<List<SldBodyStyles.SldLayer>> sld = parser.sldBody(request);
        Style style;
        if (sld.isPresent()) {
            style = SldBodyStyles.styleOf(sld.get(), layer).orElseThrow(() -> OwsException.badRequest(
                    OwsException.STYLE_NOT_DEFINED, SldBodyStyles.PARAMETER,
                    "SLD_BODY ne contient pas de NamedLayer pour la couche « " + layer.name() + " »."));
        } else {
            style = parser.style(layer, request.get("STYLE").orElse(""), "STYLE");
        }
        MapImageWriter format = formats.parse(request.get("FORMAT").orElse("image/png"), "FORMAT");
        int w = request.get("WIDTH").isPresent() ? MapRequestParser.dimension(request, "WIDTH", MAX_SWATCH) : DEFAULT_SIZE;
        int h = request.get("HEIGHT").isPresent() ? MapRequestParser.dimension(request, "HEIGHT", MAX_SWATCH) : DEFAULT_SIZE;
        if (request.get("SCALE").isPresent()) {
            style = atScale(style, scale(request.require("SCALE")));
        }
        boolean transparent = MapRequestParser.parseTransparent(request) && format.supportsTransparency();
        BufferedImage image = renderer.render(style, w, h, transparent);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            format.write(image, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode the legend", e);
        }
        return OgcResponse.ok(format.contentType(), bytes.toByteArray());
    }

    private static double scale(String raw) {
        try {
            double s = Double.parseDouble(raw.trim());
            if (s > 0 && Double.isFinite(s)) {
                return s;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw OwsException.badRequest(OwsException.INVALID_PARAMETER_VALUE, "SCALE",
                "SCALE doit être un dénominateur d'échelle positif, reçu « " + raw + " ».");
    }

    private static Style atScale(Style style, double scale) {
        return new Style(style.name(), style.title(), style.abstractText(), style.featureTypeStyles().stream()
                .map(f -> new fr.carence.render.style.FeatureTypeStyle(f.name(),
                        f.rules().stream().filter(r -> r.appliesAtScale(scale)).toList()))
                .toList());
    }
}
