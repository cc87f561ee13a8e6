package fr.carence.ogc.crs;

import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.CoordinateSequenceFilter;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;

/** Swaps x and y of geometries and envelopes at the OGC boundary (latitude-first spellings). */
public final class AxisSwapper {

    private AxisSwapper() {
    }

    /** Returns a copy with x and y exchanged. */
    public static Geometry swap(Geometry geometry) {
        if (geometry == null) {
            return null;
        }
        Geometry copy = geometry.copy();
        copy.apply(new CoordinateSequenceFilter() {
            @Override
            public void filter(CoordinateSequence seq, int i) {
                double x = seq.getX(i);
                seq.setOrdinate(i, 0, seq.getY(i));
                seq.setOrdinate(i, 1, x);
            }

            @Override
            public boolean isDone() {
                return false;
            }

            @Override
            public boolean isGeometryChanged() {
                return true;
            }
        });
        copy.geometryChanged();
        return copy;
    }

    public static Envelope swap(Envelope env) {
        return env.isNull() ? new Envelope() : new Envelope(env.getMinY(), env.getMaxY(), env.getMinX(), env.getMaxX());
    }
}
