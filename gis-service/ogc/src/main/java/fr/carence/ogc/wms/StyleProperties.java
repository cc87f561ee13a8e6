package fr.carence.ogc.wms;

import fr.carence.ogc.OwsException;
import fr.carence.render.filter.Filters;
import fr.carence.render.style.Rule;
import fr.carence.render.style.Style;
import fr.carence.render.style.Symbolizer;
import fr.carence.render.style.TextSymbolizer;
import fr.carence.store.LayerSchema;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The properties a style reads (rule filters, labels) must be columns of the layer as the caller
 * may read it ({@code Catalog#readableSchema}). Otherwise the style is refused as naming an unknown
 * property, with the same words for a column that does not exist and for one the caller may not
 * read: a style filtering on {@code site_retenu} would otherwise draw the restricted sites.
 */
final class StyleProperties {

    private StyleProperties() {
    }

    static void check(Style style, LayerSchema readable, String layer, String parameter) {
        Set<String> used = new LinkedHashSet<>();
        for (Rule r : style.allRules()) {
            Filters.collectProperties(r.filter(), used);
            for (Symbolizer s : r.symbolizers()) {
                if (s instanceof TextSymbolizer t && t.labelProperty() != null) {
                    used.add(t.labelProperty());
                }
            }
        }
        for (String p : used) {
            if (readable.attribute(p).isEmpty()) {
                throw OwsException.badRequest(OwsException.INVALID_PARAMETER_VALUE, parameter,
                        "Propriété inconnue « " + p + " » dans le style de la couche " + layer + ".");
            }
        }
    }
}
