package fr.carence.ogc.catalog;

import java.util.List;
import java.util.Set;

/**
 * One layer as published by the OGC services (a GeoServer featuretype + layer pair).
 *
 * @param name unqualified layer name (e.g. "communes")
 * @param title French title shown to users
 * @param abstractText French description
 * @param keywords keywords
 * @param storeLayer the store layer (table) the features come from
 * @param nativeEpsg CRS of the stored geometries (2154)
 * @param declaredEpsg CRS advertised as the default (2154)
 * @param otherEpsg further CRSs offered in capabilities (4326, 3857, overseas)
 * @param defaultStyle default style name
 * @param styles all styles offered for the layer (default first)
 * @param group "entrees" for inputs, "resultats" for analysis results (web map layer tree)
 * @param scenarioColumn for result layers partitioned by scenario: the column holding the scenario
 *                       id (requests select one scenario; see docs), else null
 * @param readRoles roles allowed to read the layer; empty = public
 * @param tileAttributes attributes written into the layer's vector tiles (metadata
 *                       {@code carence.mvtAttributes}); empty = the default small set chosen by
 *                       the tiles service (id attribute and {@code nom})
 */
public record PublishedLayer(String name, String title, String abstractText, List<String> keywords,
                             String storeLayer, int nativeEpsg, int declaredEpsg, List<Integer> otherEpsg,
                             String defaultStyle, List<String> styles, String group, String scenarioColumn,
                             Set<String> readRoles, List<String> tileAttributes) {

    public PublishedLayer {
        tileAttributes = tileAttributes == null ? List.of() : List.copyOf(tileAttributes);
    }

    public String qualifiedName(String workspace) {
        return workspace + ":" + name;
    }
}
