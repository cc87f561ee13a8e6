package fr.carence.ogc.core;

import fr.carence.ogc.crs.CrsName;
import fr.carence.ogc.crs.OgcCoordinates;
import fr.carence.store.Feature;
import fr.carence.store.FeatureCursor;

/** Presents a store cursor's features in the client's CRS and axis order, one at a time. */
public final class ClientCrsCursor implements FeatureCursor {

    private final FeatureCursor source;
    private final CrsName crs;

    public ClientCrsCursor(FeatureCursor source, CrsName crs) {
        this.source = source;
        this.crs = crs;
    }

    @Override
    public boolean hasNext() {
        return source.hasNext();
    }

    @Override
    public Feature next() {
        Feature f = source.next();
        return f.geometry() == null ? f : new Feature(f.id(), OgcCoordinates.toClient(f.geometry(), crs), f.properties());
    }

    @Override
    public void close() {
        source.close();
    }
}
