package fr.carence.ogc.wms;

import fr.carence.ogc.OwsException;
import fr.carence.ogc.catalog.Catalog;
import fr.carence.render.sld.SldParseException;
import fr.carence.render.sld.SldParser;
import fr.carence.render.style.Style;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The catalogue's SLD styles, parsed once and kept (styles change only with the catalogue). */
public final class StyleLibrary {

    private final Catalog catalog;
    private final SldParser parser = new SldParser();
    private final Map<String, Style> parsed = new ConcurrentHashMap<>();

    public StyleLibrary(Catalog catalog) {
        this.catalog = catalog;
    }

    /** The parsed style, or empty when the catalogue does not know it. */
    public Optional<Style> style(String name) {
        Style s = parsed.get(name);
        if (s != null) {
            return Optional.of(s);
        }
        Optional<String> sld = catalog.styleSld(name);
        if (sld.isEmpty()) {
            return Optional.empty();
        }
        try {
            Style style = parser.parse(sld.get(), "style " + name);
            parsed.put(name, style);
            return Optional.of(style);
        } catch (SldParseException e) {
            // A broken style file is the server's fault, not the client's.
            throw new OwsException(OwsException.NO_APPLICABLE_CODE, "STYLES", 500,
                    "Le style « " + name + " » est invalide : " + e.getMessage());
        }
    }
}
