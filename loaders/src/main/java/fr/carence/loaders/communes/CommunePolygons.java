package fr.carence.loaders.communes;

import fr.carence.crs.CrsTransforms;
import fr.carence.crs.LegalCrs;
import fr.carence.loaders.core.GeometryChecks;
import fr.carence.store.FeatureStore;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.operation.union.UnaryUnionOp;

/**
 * The source polygons that make up one current commune: one when the commune is unchanged, several
 * when the source predates mergers (a 2018 file read with the 2026 COG); they are dissolved.
 */
final class CommunePolygons {

    private final String code;
    private final List<Geometry> parts = new ArrayList<>();
    private final TreeSet<String> sourceCodes = new TreeSet<>();

    CommunePolygons(String code) {
        this.code = code;
    }

    /** @param lambert93 a valid polygon in EPSG:2154 */
    void add(String sourceCode, Geometry lambert93) {
        parts.add(lambert93);
        sourceCodes.add(sourceCode);
    }

    String code() {
        return code;
    }

    /** The dissolved geometry in EPSG:2154. */
    MultiPolygon dissolved() {
        Geometry g = parts.size() == 1 ? parts.get(0) : UnaryUnionOp.union(parts);
        g.setSRID(FeatureStore.STORAGE_SRID);
        return GeometryChecks.toMultiPolygon(g);
    }

    /** Source codes dissolved into this commune, ';'-separated and sorted. */
    String codesSource() {
        return String.join(";", sourceCodes);
    }

    /** Area in km² computed in the commune's legal CRS (Lambert-93 is not metric overseas). */
    static double areaKm2(String code, MultiPolygon lambert93) {
        int legal = LegalCrs.forCode(code).epsg();
        Geometry g = CrsTransforms.transform(lambert93, FeatureStore.STORAGE_SRID, legal);
        return g.getArea() / 1e6;
    }
}
