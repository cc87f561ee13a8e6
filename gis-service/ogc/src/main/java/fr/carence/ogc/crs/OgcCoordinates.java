package fr.carence.ogc.crs;

import fr.carence.crs.CrsTransforms;
import fr.carence.store.FeatureStore;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;

/**
 * Moves geometries between the storage CRS (Lambert-93, x = easting) and what a client named:
 * reprojection plus the axis swap its spelling implies. The one place where both happen, so
 * outputs, BBOX parameters and filter geometries all follow the same rules.
 */
public final class OgcCoordinates {

    private OgcCoordinates() {
    }

    /** A geometry in storage coordinates, expressed in the client's CRS and axis order. */
    public static Geometry toClient(Geometry stored, CrsName target) {
        if (stored == null) {
            return null;
        }
        Geometry g = CrsTransforms.transform(stored, FeatureStore.STORAGE_SRID, target.epsg());
        return target.isNorthEast() ? AxisSwapper.swap(g) : g;
    }

    /** A geometry given by the client (coordinates in its axis order) in storage coordinates. */
    public static Geometry toStorage(Geometry given, CrsName source) {
        if (given == null) {
            return null;
        }
        Geometry xy = source.isNorthEast() ? AxisSwapper.swap(given) : given;
        Geometry g = CrsTransforms.transform(xy, source.epsg(), FeatureStore.STORAGE_SRID);
        g.setSRID(FeatureStore.STORAGE_SRID);
        return g;
    }

    /** An envelope given by the client in storage coordinates (densified reprojection). */
    public static Envelope toStorage(Envelope given, CrsName source) {
        Envelope xy = source.isNorthEast() ? AxisSwapper.swap(given) : given;
        return CrsTransforms.transform(xy, source.epsg(), FeatureStore.STORAGE_SRID);
    }

    /** A storage envelope expressed in the client's CRS and axis order. */
    public static Envelope toClient(Envelope stored, CrsName target) {
        Envelope e = CrsTransforms.transform(stored, FeatureStore.STORAGE_SRID, target.epsg());
        return target.isNorthEast() ? AxisSwapper.swap(e) : e;
    }
}
