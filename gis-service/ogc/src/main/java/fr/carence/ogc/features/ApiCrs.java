package fr.carence.ogc.features;

import fr.carence.ogc.OwsException;
import fr.carence.ogc.catalog.PublishedLayer;
import fr.carence.ogc.crs.CrsName;
import fr.carence.ogc.crs.CrsNameParser;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * OGC API Features Part 2 CRS identifiers: the URIs {@code http://www.opengis.net/def/crs/…}
 * that a collection offers. CRS84 (longitude, latitude) is the default for responses, bbox and
 * filters; {@code EPSG/0/4326} is latitude first, as the EPSG registry defines it (the axis
 * order follows {@link CrsNameParser}, the same rules as WFS).
 */
final class ApiCrs {

    static final String CRS84 = "http://www.opengis.net/def/crs/OGC/1.3/CRS84";

    private ApiCrs() {
    }

    static String uri(int epsg) {
        return "http://www.opengis.net/def/crs/EPSG/0/" + epsg;
    }

    /** CRS84 first, then the layer's declared CRS (storage, Lambert-93) and its other CRSs, 4326 and 3857 always. */
    static List<String> offered(PublishedLayer layer) {
        List<String> out = new ArrayList<>();
        out.add(CRS84);
        for (int epsg : codes(layer)) {
            String u = uri(epsg);
            if (!out.contains(u)) {
                out.add(u);
            }
        }
        return out;
    }

    private static List<Integer> codes(PublishedLayer layer) {
        List<Integer> codes = new ArrayList<>();
        codes.add(layer.declaredEpsg());
        codes.add(4326);
        codes.add(3857);
        codes.addAll(layer.otherEpsg());
        return codes;
    }

    /** The CRS of a parameter (crs, bbox-crs, filter-crs): CRS84 when absent, 400 naming it when not offered. */
    static CrsName parameter(ApiRequest req, String name, PublishedLayer layer) {
        Optional<String> v = req.get(name);
        if (v.isEmpty()) {
            return CrsNameParser.parse(CRS84);
        }
        String uri = v.get().startsWith("[") && v.get().endsWith("]") ? v.get().substring(1, v.get().length() - 1) : v.get();
        if (!offered(layer).contains(uri)) {
            throw OwsException.badRequest(OwsException.INVALID_PARAMETER_VALUE, name, "Paramètre " + name + " : « " + v.get()
                    + " » n'est pas proposé pour la collection " + layer.name() + " ; valeurs possibles : "
                    + String.join(", ", offered(layer)) + ".");
        }
        return CrsNameParser.parse(uri);
    }

    /** The URI of a parsed name (for Content-Crs). */
    static String uriOf(CrsName crs) {
        return crs.epsg() == 4326 && !crs.isNorthEast() ? CRS84 : uri(crs.epsg());
    }
}
