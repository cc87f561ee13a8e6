package fr.carence.store;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.locationtech.jts.geom.Envelope;

/**
 * The one way the rest of Carence reads and writes spatial layers. Two real implementations
 * share one JDBC code path ({@code fr.carence.store.jdbc}) and differ only by an SQL dialect:
 * embedded H2GIS (the default) and PostGIS (production).
 *
 * <p>All geometries are stored in {@link #STORAGE_SRID} (Lambert-93); callers transform query
 * envelopes into it and transform results out of it (see {@code fr.carence.crs}).
 *
 * <p>Atomicity: each {@link LayerWriter} publishes one layer (or partition) atomically; several
 * layers that must change together are written through one {@link #transaction()}, whose
 * {@link LayerTransaction#commit()} publishes all of them in one step or none (a failure or a
 * killed process leaves every layer as it was).
 */
public interface FeatureStore extends AutoCloseable {

    /** Lambert-93: metric, the legal CRS of metropolitan France. */
    int STORAGE_SRID = 2154;

    /** "h2gis" or "postgis", for logs, health checks and test names. */
    String kind();

    /** Names of the published (committed) layers, sorted. */
    List<String> layerNames();

    /** The schema of a committed layer, or empty when the layer does not exist. */
    Optional<LayerSchema> schema(String layer);

    /** Load provenance recorded when the layer was last committed, or empty. */
    Optional<LayerInfo> info(String layer);

    /**
     * Every published version of a layer (files, SHA-256, vintage, count, time), oldest first;
     * by default only the current one (stores without a history).
     */
    default List<LayerInfo> history(String layer) {
        return info(layer).map(List::of).orElse(List.of());
    }

    /**
     * Starts an atomic replacement of the whole layer (created if absent). Features are written
     * to a staging area; {@link LayerWriter#commit} publishes them in one step, and closing the
     * writer without committing (or the process dying) leaves the previous version untouched.
     */
    LayerWriter replaceLayer(LayerSchema schema, LayerInfo.Source source);

    /**
     * Atomically replaces the rows of one partition ({@code column = value}) of a layer, e.g. the
     * results of one scenario in a result layer. Other partitions are untouched; the layer is
     * created if absent. Same commit/abort contract as {@link #replaceLayer}.
     */
    LayerWriter replacePartition(LayerSchema schema, String column, Object value, LayerInfo.Source source);

    /**
     * Starts a multi-layer write: the layers and partitions written through the returned
     * transaction are published together, all or none, by {@link LayerTransaction#commit()}.
     * Used when several layers must stay consistent with each other (a loader's layers, the
     * result layers of one scenario run and its record in {@code scenarios}).
     */
    LayerTransaction transaction();

    /** Deletes the rows of one partition atomically; returns the number of rows removed. */
    long deletePartition(String layer, String column, Object value);

    /** Drops a layer and its metadata; no-op when absent. */
    void dropLayer(String layer);

    /** Streams the features matching the query; the cursor must be closed. */
    FeatureCursor query(String layer, FeatureQuery query);

    /**
     * The schema of the version of a layer published at {@code version} ({@link LayerInfo#committedAt}):
     * the current one or a retained earlier one (loaded files are kept when replaced); empty when gone.
     * By default only the current version exists.
     */
    default Optional<LayerSchema> schemaAt(String layer, java.time.Instant version) {
        return info(layer).filter(i -> i.committedAt().equals(version)).flatMap(i -> schema(layer));
    }

    /** Reads the version of a layer published at {@code version}; {@link LayerNotFoundException} when gone. */
    default FeatureCursor queryAt(String layer, java.time.Instant version, FeatureQuery query) {
        if (schemaAt(layer, version).isEmpty()) {
            throw new LayerNotFoundException(layer + " (version du " + version + ")");
        }
        return query(layer, query);
    }

    /**
     * Pins the versions a holder (a saved scenario: {@code scenario:<id>}) read, so the retention
     * rule never purges them; replaces that holder's pins (an empty map unpins it). Versions are
     * named by layer and {@link LayerInfo#committedAt}. A no-op for stores that keep no earlier
     * versions.
     */
    default void pinVersions(String holder, java.util.Map<String, java.time.Instant> versions) {
    }

    /**
     * Replaces every pin by these (holder → layer → version): what the saved scenarios read, stated
     * again at start-up, which also ends the pins kept for versions retained before the rule existed.
     */
    default void replaceAllPins(java.util.Map<String, java.util.Map<String, java.time.Instant>> byHolder) {
    }

    /**
     * Applies the retention rule to the earlier versions of loaded layers (see the JDBC store's
     * {@code VersionRetention}): drops those no holder pins that are old enough; returns how many.
     * Runs after every publication and at start-up; a no-op for stores that keep no earlier versions.
     */
    default int purgeVersions() {
        return 0;
    }

    /** Exact number of features matching the query (paging ignored). */
    long count(String layer, FeatureQuery query);

    /**
     * Cheap estimate of the layer's size (table statistics), documented as an estimate: used for
     * WFS {@code RESULTTYPE=hits} on unfiltered requests over huge tables.
     */
    OptionalLong estimatedCount(String layer);

    /** Extent of the layer's geometries in the storage CRS, or empty when the layer is empty. */
    Optional<Envelope> extent(String layer);

    /** True when the database answers; used by the readiness probe. */
    boolean isAvailable();

    @Override
    void close();
}
