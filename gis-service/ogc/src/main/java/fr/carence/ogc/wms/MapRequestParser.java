package fr.carence.ogc.wms;

import fr.carence.ogc.OwsException;
import fr.carence.ogc.OwsRequest;
import fr.carence.ogc.catalog.PublishedLayer;
import fr.carence.render.style.Style;
import java.awt.Color;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.locationtech.jts.geom.Envelope;

/** Reads and checks the GetMap parameters (also the map part of GetFeatureInfo). */
final class MapRequestParser {

    private final WmsLayers layers;
    private final StyleLibrary styles;
    private final WmsSettings settings;
    private final SldBodyStyles sldBody;
    private final MapImageFormats formats;

    MapRequestParser(WmsLayers layers, StyleLibrary styles, WmsSettings settings, MapImageFormats formats) {
        this.layers = layers;
        this.styles = styles;
        this.settings = settings;
        this.formats = formats;
        this.sldBody = new SldBodyStyles(layers, settings.maxSldBodyChars());
    }

    /** The request's SLD_BODY layers and styles (named styles checked as STYLES are), or empty. */
    Optional<List<SldBodyStyles.SldLayer>> sldBody(OwsRequest request) {
        return sldBody.read(request, this::style);
    }

    /**
     * @param formatRequired true for GetMap (FORMAT mandatory), false for GetFeatureInfo
     */
    MapRequest parse(OwsRequest request, boolean formatRequired) {
        checkVersion(request);
        Optional<List<SldBodyStyles.SldLayer>> sld = sldBody(request);
        List<PublishedLayer> resolved = new ArrayList<>();
        if (sld.isPresent() && request.get("LAYERS").isEmpty()) {
            // SLD profile: without LAYERS, the document's NamedLayers are the map, in order.
            sld.get().forEach(l -> resolved.add(l.layer()));
        } else {
            for (String name : split(request.require("LAYERS"))) {
                resolved.add(layers.require(name, "LAYERS"));
            }
        }
        List<Style> resolvedStyles = resolveStyles(resolved, request.get("STYLES").orElse(""));
        for (int i = 0; i < resolved.size(); i++) {
            PublishedLayer layer = resolved.get(i);
            String parameter = "STYLES";
            if (sld.isPresent()) {
                Optional<Style> fromSld = SldBodyStyles.styleOf(sld.get(), layer);
                if (fromSld.isPresent()) {
                    resolvedStyles.set(i, fromSld.get());
                    parameter = SldBodyStyles.PARAMETER;
                }
            }
            Style style = resolvedStyles.get(i);
            String locator = parameter;
            layers.readableSchema(layer).ifPresent(schema -> StyleProperties.check(style, schema, layer.name(), locator));
        }
        WmsCrs crs = WmsCrs.parse(request.require("CRS"), settings.crs(), "CRS");
        Envelope bbox = parseBbox(request.require("BBOX"), crs);
        BboxAreaLimit.check(bbox, crs, settings.maxBboxAreaKm2());
        int width = dimension(request, "WIDTH", settings.maxWidth());
        int height = dimension(request, "HEIGHT", settings.maxHeight());
        MapImageWriter format = formatRequired ? formats.parse(request.require("FORMAT"), "FORMAT")
                : request.get("FORMAT").map(f -> formats.parse(f, "FORMAT")).orElse(null);
        boolean transparent = parseTransparent(request);
        Color background = parseBackground(request);
        String scenario = WmsLayers.scenario(request);
        List<Boolean> withData = resolved.stream().map(layers::hasData).toList();
        return new MapRequest(resolved, resolvedStyles, crs, bbox, width, height, format, transparent, background,
                scenario, withData);
    }

    static void checkVersion(OwsRequest request) {
        request.get("VERSION").ifPresent(v -> {
            if (!v.trim().equals("1.3.0")) {
                throw OwsException.badRequest(OwsException.INVALID_PARAMETER_VALUE, "VERSION",
                        "Version WMS « " + v + " » non prise en charge : ce service implémente WMS 1.3.0.");
            }
        });
    }

    private List<Style> resolveStyles(List<PublishedLayer> resolved, String stylesParam) {
        List<String> names = stylesParam.isBlank() ? List.of() : Arrays.asList(stylesParam.split(",", -1));
        if (!names.isEmpty() && names.size() != resolved.size()) {
            throw OwsException.badRequest(OwsException.INVALID_PARAMETER_VALUE, "STYLES",
                    "STYLES doit donner un style par couche de LAYERS (ou être vide) : " + names.size()
                            + " style(s) pour " + resolved.size() + " couche(s).");
        }
        List<Style> out = new ArrayList<>();
        for (int i = 0; i < resolved.size(); i++) {
            PublishedLayer layer = resolved.get(i);
            String name = names.isEmpty() ? "" : names.get(i).trim();
            out.add(style(layer, name, "STYLES"));
        }
        return out;
    }

    /** The named style of a layer ("" or "default" = its default style); StyleNotDefined otherwise. */
    Style style(PublishedLayer layer, String name, String parameter) {
        String styleName = name.isEmpty() || name.equalsIgnoreCase("default") ? layer.defaultStyle() : name;
        boolean offered = styleName != null && (styleName.equals(layer.defaultStyle()) || layer.styles().contains(styleName));
        if (!offered) {
            throw OwsException.badRequest(OwsException.STYLE_NOT_DEFINED, parameter,
                    "Le style « " + name + " » n'est pas proposé pour la couche « " + layer.name()
                            + " ». Styles disponibles : " + layer.styles() + ".");
        }
        return styles.style(styleName).orElseThrow(() -> new OwsException(OwsException.NO_APPLICABLE_CODE, parameter, 500,
                "Le style « " + styleName + " » de la couche « " + layer.name() + " » est introuvable dans le catalogue."));
    }

    /** WMS 1.3.0 BBOX: four numbers in the CRS's axis order, min strictly below max on both axes. */
    static Envelope parseBbox(String value, WmsCrs crs) {
        String[] parts = value.split(",");
        if (parts.length != 4 && parts.length != 5) {
            throw OwsException.badRequest(OwsException.INVALID_PARAMETER_VALUE, "BBOX",
                    "BBOX doit contenir quatre nombres séparés par des virgules (minx,miny,maxx,maxy), reçu « " + value + " ».");
        }
        double[] v = fr.carence.ogc.core.BboxNumbers.parse(parts, "BBOX", "BBOX");
        if (v[0] >= v[2] || v[1] >= v[3]) {
            throw OwsException.badRequest(OwsException.INVALID_PARAMETER_VALUE, "BBOX",
                    "BBOX invalide « " + value + " » : le minimum doit être strictement inférieur au maximum sur chaque axe"
                            + (crs.latitudeFirst() ? " (en " + crs.name() + ", l'ordre WMS 1.3.0 est latitude,longitude)." : "."));
        }
        return crs.toEnvelope(v[0], v[1], v[2], v[3]);
    }

    static int dimension(OwsRequest request, String name, int max) {
        String raw = request.require(name).trim();
        int value;
        try {
            value = Integer.parseInt(raw);
        } catch (NumberFormatException e) {
            throw OwsException.badRequest(OwsException.INVALID_PARAMETER_VALUE, name,
                    name + " doit être un entier, reçu « " + raw + " ».");
        }
        if (value <= 0 || value > max) {
            throw OwsException.badRequest(OwsException.INVALID_PARAMETER_VALUE, name,
                    name + " doit être compris entre 1 et " + max + ", reçu " + value + ".");
        }
        return value;
    }

    static boolean parseTransparent(OwsRequest request) {
        String t = request.get("TRANSPARENT").orElse("FALSE").trim().toUpperCase(Locale.ROOT);
        if (!t.equals("TRUE") && !t.equals("FALSE")) {
            throw OwsException.badRequest(OwsException.INVALID_PARAMETER_VALUE, "TRANSPARENT",
                    "TRANSPARENT vaut TRUE ou FALSE, reçu « " + t + " ».");
        }
        return t.equals("TRUE");
    }

    static Color parseBackground(OwsRequest request) {
        String b = request.get("BGCOLOR").orElse("0xFFFFFF").trim();
        if (!b.matches("(?i)(0x|#)[0-9a-f]{6}")) {
            throw OwsException.badRequest(OwsException.INVALID_PARAMETER_VALUE, "BGCOLOR",
                    "BGCOLOR doit être de la forme 0xRRGGBB, reçu « " + b + " ».");
        }
        return new Color(Integer.parseInt(b.substring(b.startsWith("#") ? 1 : 2), 16));
    }

    static List<String> split(String list) {
        return Arrays.stream(list.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }
}
