package fr.carence.render.map;

import fr.carence.render.style.Style;
import fr.carence.store.filter.Filter;

/**
 * One layer of a map: the store layer to read, the style to draw it with and a filter every
 * feature must pass (e.g. {@code scenario = 'defaut'} on result layers), or null.
 */
public record MapLayer(String storeLayer, Style style, Filter baseFilter) {
}
