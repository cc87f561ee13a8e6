package fr.carence.ogc.wms;

import fr.carence.ogc.OwsException;
import fr.carence.ogc.OwsRequest;
import fr.carence.ogc.catalog.PublishedLayer;
import fr.carence.render.sld.SldParseException;
import fr.carence.render.sld.SldParser;
import fr.carence.render.style.Style;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The styles a client sends in {@code SLD_BODY} (SLD 1.0 StyledLayerDescriptor, WMS SLD profile):
 * one NamedLayer per layer, with a UserStyle or the NamedStyle of a style the layer offers.
 *
 * <ul>
 *   <li>Layers are looked up through the catalogue like LAYERS, so an SLD cannot name a layer the
 *       caller may not see (it gets the same LayerNotDefined).</li>
 *   <li>The document is parsed by {@link SldParser} with DOCTYPEs, external entities and entity
 *       expansion refused, after a size check ({@code carence.wms.max-sld-body-chars}); user
 *       styles then pass {@link UserStyleLimits}.</li>
 *   <li>The {@code SLD} parameter (a style at a URL) is refused: the server never fetches a URL a
 *       client names (no SSRF).</li>
 * </ul>
 */
final class SldBodyStyles {

    static final int DEFAULT_MAX_CHARS = 256 * 1024;
    static final String PARAMETER = "SLD_BODY";

    /** A layer of the SLD_BODY with its style. */
    record SldLayer(PublishedLayer layer, Style style) {
    }

    /** How a NamedStyle of the document becomes a style (the operation's offered-style check). */
    interface NamedStyles {
        Style style(PublishedLayer layer, String name, String parameter);
    }

    private final WmsLayers layers;
    private final int maxChars;
    private final SldParser parser = new SldParser();

    SldBodyStyles(WmsLayers layers, int maxChars) {
        this.layers = layers;
        this.maxChars = maxChars;
    }

    /** The layers and styles of the request's SLD_BODY, in document order; empty without SLD_BODY. */
    Optional<List<SldLayer>> read(OwsRequest request, NamedStyles namedStyles) {
        if (request.get("SLD").isPresent()) {
            throw OwsException.badRequest(OwsException.OPTION_NOT_SUPPORTED, "SLD",
                    "Le paramètre SLD (style à télécharger depuis une URL) n'est pas pris en charge : "
                            + "le serveur ne télécharge pas d'URL fournie par le client. Envoyez le style dans SLD_BODY.");
        }
        Optional<String> body = request.get(PARAMETER);
        if (body.isEmpty()) {
            return Optional.empty();
        }
        String sld = body.get();
        if (sld.length() > maxChars) {
            throw OwsException.badRequest(OwsException.INVALID_PARAMETER_VALUE, PARAMETER,
                    "SLD_BODY trop long : " + sld.length() + " caractères, au plus " + maxChars
                            + " (carence.wms.max-sld-body-chars).");
        }
        List<SldParser.NamedLayerStyle> parsed;
        try {
            parsed = parser.parseNamedLayers(sld, PARAMETER);
        } catch (SldParseException e) {
            throw OwsException.badRequest(OwsException.INVALID_PARAMETER_VALUE, PARAMETER,
                    "SLD_BODY n'est pas un StyledLayerDescriptor SLD 1.0 utilisable : " + e.getMessage());
        }
        List<SldLayer> out = new ArrayList<>();
        for (SldParser.NamedLayerStyle nl : parsed) {
            PublishedLayer layer = layers.require(nl.layerName(), PARAMETER);
            Style style;
            if (nl.userStyle() != null) {
                UserStyleLimits.check(nl.userStyle(), nl.layerName());
                style = nl.userStyle();
            } else {
                style = namedStyles.style(layer, nl.namedStyle(), PARAMETER);
            }
            out.add(new SldLayer(layer, style));
        }
        return Optional.of(out);
    }

    /** The style the SLD gives a layer (its first NamedLayer naming it), if any. */
    static Optional<Style> styleOf(List<SldLayer> sld, PublishedLayer layer) {
        return sld.stream().filter(l -> l.layer().name().equals(layer.name())).map(SldLayer::style).findFirst();
    }
}
