package fr.carence.store.jdbc;

import com.zaxxer.hikari.HikariDataSource;
import fr.carence.store.FeatureCursor;
import fr.carence.store.FeatureQuery;
import fr.carence.store.FeatureStore;
import fr.carence.store.Identifiers;
import fr.carence.store.InvalidQueryException;
import fr.carence.store.LayerInfo;
import fr.carence.store.LayerNotFoundException;
import fr.carence.store.LayerSchema;
import fr.carence.store.LayerTransaction;
import fr.carence.store.QueryTimeoutException;
import fr.carence.store.LayerSchema.Attribute;
import fr.carence.store.LayerWriter;
import fr.carence.store.SchemaMismatchException;
import fr.carence.store.StoreException;
import fr.carence.store.StoreUnavailableException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.flywaydb.core.Flyway;
import org.locationtech.jts.geom.Envelope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The feature store over JDBC, shared by H2GIS and PostGIS; {@link SqlDialect} carries their few
 * differences.
 *
 * <p>Each layer name resolves through the registry table {@code carence_layer} to a versioned
 * physical table ({@code carence_data_<n>}). A full replacement fills a new physical table and
 * publishes it by updating that one registry row, which is atomic on both databases even though
 * H2 commits DDL implicitly; a view named after the layer follows, for external SQL clients.
 */
public final class JdbcFeatureStore implements FeatureStore {

    private static final Logger LOG = LoggerFactory.getLogger(JdbcFeatureStore.class);
    private static final int FETCH_SIZE = 1000;
    /** Names the store needs for itself or that PostGIS/H2GIS already use. */
    private static final Set<String> RESERVED = Set.of("spatial_ref_sys", "geometry_columns", "geography_columns",
            "raster_columns", "raster_overviews", "flyway_schema_history");
    /** Bound on statements that only tidy up (dropping an old version), so a busy table cannot stall a commit. */
    private static final int CLEANUP_TIMEOUT_SECONDS = 2;
    /** SQLState of a statement cancelled (query timeout), on H2 and PostgreSQL alike. */
    private static final String QUERY_CANCELED = "57014";

    private final HikariDataSource dataSource;
    private final SqlDialect dialect;
    private final LayerRegistry registry;
    private final LayerTables tables;
    private final FilterSqlCompiler filters;
    private final Duration stagingGrace;
    /** Staging tables of this process's writers in progress: never orphans. */
    private final Set<String> activeStaging = java.util.concurrent.ConcurrentHashMap.newKeySet();
    /** How long loaded layers' earlier versions are kept. */
    private final VersionRetention retention;
    /** Makes "reserve a staging table and mark it active" atomic with respect to the clean-up. */
    private final Object stagingLock = new Object();
    /** Cancels streamed reads that overrun their time inside the database (H2's lazy reads). */
    private final ReadWatchdog readWatchdog;

    JdbcFeatureStore(HikariDataSource dataSource, SqlDialect dialect, Duration stagingGrace, VersionRetention retention) {
        this.dataSource = dataSource;
        this.stagingGrace = stagingGrace;
        this.retention = retention;
        this.dialect = dialect;
        this.registry = new LayerRegistry(dialect);
        this.tables = new LayerTables(dialect);
        this.filters = new FilterSqlCompiler(dialect);
        this.readWatchdog = new ReadWatchdog("carence-" + dialect.kind() + "-read-watchdog");
        try (Connection c = connection()) {
            dialect.initialise(c);
        } catch (SQLException e) {
            throw failure("initialising the database", e);
        }
        Flyway.configure(getClass().getClassLoader())
                .dataSource(dataSource)
                .locations(dialect.migrationLocations().toArray(String[]::new))
                .failOnMissingLocations(false)
                .table("carence_schema_history")
                // The schema is never empty (H2GIS and PostGIS add their own tables, a production
                // database may hold others): baseline below V1 so every migration still runs.
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .load()
                .migrate();
        dropOrphans(stagingGrace);
        purgeVersions();
    }

    SqlDialect dialect() {
        return dialect;
    }

    LayerRegistry registry() {
        return registry;
    }

    @Override
    public String kind() {
        return dialect.kind();
    }

    @Override
    public List<String> layerNames() {
        try (Connection c = connection()) {
            return registry.layerNames(c);
        } catch (SQLException e) {
            throw failure("listing layers", e);
        }
    }

    @Override
    public Optional<LayerSchema> schema(String layer) {
        if (!Identifiers.isValid(layer)) {
            return Optional.empty();
        }
        try (Connection c = connection()) {
            Optional<LayerRegistry.Published> p = registry.published(c, layer);
            return p.isEmpty() ? Optional.empty() : Optional.of(registry.schemaOf(c, p.get().physicalTable()));
        } catch (SQLException e) {
            throw failure("reading the schema of " + layer, e);
        }
    }

    @Override
    public Optional<LayerInfo> info(String layer) {
        if (!Identifiers.isValid(layer)) {
            return Optional.empty();
        }
        try (Connection c = connection()) {
            return registry.published(c, layer).map(LayerRegistry.Published::info);
        } catch (SQLException e) {
            throw failure("reading the provenance of " + layer, e);
        }
    }

    @Override
    public List<LayerInfo> history(String layer) {
        if (!Identifiers.isValid(layer)) {
            return List.of();
        }
        try (Connection c = connection()) {
            return registry.history(c, layer);
        } catch (SQLException e) {
            throw failure("reading the load history of " + layer, e);
        }
    }

    // ---------------------------------------------------------------- writes

    @Override
    public LayerWriter replaceLayer(LayerSchema schema, LayerInfo.Source source) {
        return replaceLayer(schema, source, null);
    }

    @Override
    public LayerTransaction transaction() {
        return new JdbcLayerTransaction(this);
    }

    /** A staged version ready to publish: what one registry swap needs. */
    record Staged(LayerSchema schema, String physical, LayerInfo.Source source, long count, boolean checkPrevious,
                  String expectedPrevious, long expectedWriteCount) {
    }

    StagingLayerWriter replaceLayer(LayerSchema schema, LayerInfo.Source source, JdbcLayerTransaction transaction) {
        Connection c = connection();
        try {
            checkLayerName(c, schema.name());
            return writerOnNewStaging(c, schema, physical -> new StagingLayerWriter(this, c, schema, source, physical, transaction));
        } catch (SQLException e) {
            closeQuietly(c);
            throw failure("starting to write layer " + schema.name(), e);
        } catch (RuntimeException e) {
            closeQuietly(c);
            throw e;
        }
    }

    /** Opens a writer on a staged table once that table exists. */
    @FunctionalInterface
    private interface StagingWriterFactory {
        StagingLayerWriter open(String physical) throws SQLException;
    }

    /**
     * A writer on a new, empty staged table, in a transaction on {@code c}; the table is discarded
     * when the writer cannot be opened, so a failed start leaves nothing behind.
     */
    private StagingLayerWriter writerOnNewStaging(Connection c, LayerSchema schema, StagingWriterFactory factory)
            throws SQLException {
        String physical = reserveStaging(c, schema);
        try {
            tables.create(c, physical, schema);
            c.setAutoCommit(false);
            return factory.open(physical);
        } catch (SQLException | RuntimeException e) {
            discardStaging(c, physical);
            throw e;
        }
    }

    /** Builds the primary key and spatial index of a staged table and analyses it (before publication). */
    void prepareStaged(Connection c, LayerSchema schema, String physical) throws SQLException {
        c.setAutoCommit(true);
        long start = System.nanoTime();
        try {
            tables.index(c, physical, schema);
        } catch (SQLException e) {
            if (BatchedWriter.isUniqueViolation(e) || isPrimaryKeyFailure(c, physical, schema)) {
                throw new IllegalArgumentException("layer '" + schema.name() + "': " + duplicateId(c, physical, schema));
            }
            throw e;
        }
        long indexed = System.nanoTime();
        dialect.analyze(c, dialect.quote(physical));
        dialect.persistStaged(c);
        LOG.debug("{}: indexed {} in {} ms, analysed in {} ms", kind(), physical, (indexed - start) / 1_000_000,
                (System.nanoTime() - indexed) / 1_000_000);
    }

    /**
     * Publishes staged versions together: every registry swap runs in ONE database transaction
     * (single-row DML each, no DDL on H2), so either all layers point at their new table or none
     * does, whatever fails or dies. Then the views follow and the old versions are dropped.
     */
    void publishStaged(Connection c, List<Staged> members) throws SQLException {
        publishStaged(c, members, Map.of());
    }

    /**
     * Publishes the staged versions and writes {@code pins} (holder → layer → version) in the same
     * database transaction. The pinned versions' history rows are locked first, so a purge running
     * meanwhile waits for this commit and then sees the pins ({@link #purgeVersions(Connection)}).
     */
    void publishStaged(Connection c, List<Staged> members, Map<String, Map<String, java.time.Instant>> pins)
            throws SQLException {
        // Registry rows are locked in name order, so two concurrent transactions cannot deadlock.
        List<Staged> staged = members.stream().sorted(java.util.Comparator.comparing(s -> s.schema().name())).toList();
        List<String> previous = new java.util.ArrayList<>();
        c.setAutoCommit(false);
        try {
            if (!pins.isEmpty()) {
                registry.lockVersions(c, pins.values());
                for (Map.Entry<String, Map<String, java.time.Instant>> p : pins.entrySet()) {
                    registry.replacePins(c, p.getKey(), Map.of(p.getKey(), p.getValue()));
                }
            }
            for (Staged s : staged) {
                if (publicationHook != null) {
                    publicationHook.accept(s.schema().name());
                }
                registry.publish(c, s.schema().name(), s.physical(), s.source(), s.count(), s.checkPrevious(),
                        s.expectedPrevious(), s.expectedWriteCount()).ifPresent(previous::add);
                if (dialect.transactionalDdl()) {
                    tables.replaceView(c, s.schema().name(), s.physical());
                }
            }
            c.commit();
            staged.forEach(s -> activeStaging.remove(s.physical()));
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(true);
        }
        if (!dialect.transactionalDdl()) {
            for (Staged s : staged) {
                try {
                    tables.replaceView(c, s.schema().name(), s.physical());
                } catch (SQLException e) {
                    LOG.warn("layer {} published, but its view could not be recreated: {}", s.schema().name(), e.getMessage());
                }
            }
        }
        boolean retainedOne = false;
        for (String old : previous) {
            if (!registry.retained(c, old)) {  // a loaded version stays for reproducible scenarios
                dropPhysical(c, old);
            } else {
                retainedOne = true;
            }
        }
        if (retainedOne) {
            purgeVersions(c); // a load kept one more version: older unpinned ones may go now
        }
        // Old versions a reader was still holding when they were replaced go now, if free. On
        // this writer's own connection: callers may hold every other pooled connection.
        synchronized (stagingLock) {
            dropOrphans(c, stagingGrace);
        }
        for (Staged s : staged) {
            LOG.info("{}: published layer {} ({} features) as {}", kind(), s.schema().name(), s.count(), s.physical());
        }
    }

    /** Publishes staged versions and pins on a connection of its own (a transaction's writers have released theirs). */
    void publishStaged(List<Staged> staged, Map<String, Map<String, java.time.Instant>> pins) {
        try (Connection c = connection()) {
            publishStaged(c, staged, pins);
        } catch (SQLException e) {
            throw failure("publishing layers " + staged.stream().map(s -> s.schema().name()).toList()
                    + (pins.isEmpty() ? "" : " with the pins of " + pins.keySet()), e);
        }
    }

    /** Drops a staged table that a transaction did not publish. */
    void discardStaged(String physical) {
        try (Connection c = connection()) {
            discardStaging(c, physical);
        } catch (SQLException | RuntimeException e) {
            LOG.warn("could not discard staging table {} (dropped at next start-up): {}", physical, e.getMessage());
            activeStaging.remove(physical);
        }
    }

    /**
     * Test hook: called with each layer name inside the publication transaction, before its
     * registry swap; a test makes it throw to fail a publication midway. Null in production.
     */
    private volatile java.util.function.Consumer<String> publicationHook;

    void publicationHook(java.util.function.Consumer<String> hook) {
        this.publicationHook = hook;
    }

    private boolean isPrimaryKeyFailure(Connection c, String physical, LayerSchema schema) {
        try {
            return duplicateId(c, physical, schema) != null;
        } catch (SQLException e) {
            return false;
        }
    }

    private String duplicateId(Connection c, String physical, LayerSchema schema) throws SQLException {
        String id = dialect.quote(schema.idAttribute());
        try (PreparedStatement ps = c.prepareStatement("SELECT " + id + ", COUNT(*) FROM " + dialect.quote(physical)
                + " GROUP BY " + id + " HAVING COUNT(*) > 1 ORDER BY " + id + " FETCH FIRST 1 ROWS ONLY");
             ResultSet rs = ps.executeQuery()) {
            return rs.next() ? "duplicate id '" + AttributeValues.shorten(rs.getString(1)) + "' (" + rs.getLong(2)
                    + " features) in attribute '" + schema.idAttribute() + "'" : null;
        }
    }

    /** Called by the staging writer's close: rolls back, drops the staging table unless published. */
    void releaseWriter(Connection c, String unpublishedPhysical) {
        try {
            if (!c.getAutoCommit()) {
                c.rollback();
                c.setAutoCommit(true);
            }
            if (unpublishedPhysical != null) {
                discardStaging(c, unpublishedPhysical);
            }
        } catch (SQLException e) {
            LOG.warn("could not discard staging table {} (dropped at next start-up): {}", unpublishedPhysical, e.getMessage());
        } finally {
            closeQuietly(c);
        }
    }

    private String reserveStaging(Connection c, LayerSchema schema) throws SQLException {
        synchronized (stagingLock) {
            String physical = registry.reserveTable(c, schema);
            activeStaging.add(physical);
            return physical;
        }
    }

    private void discardStaging(Connection c, String physical) {
        try {
            c.setAutoCommit(true);
            tables.drop(c, physical);
            registry.forget(c, physical);
        } catch (SQLException e) {
            LOG.warn("could not drop staging table {} (dropped at next start-up): {}", physical, e.getMessage());
        } finally {
            activeStaging.remove(physical);
        }
    }

    private static Object partitionValue(LayerSchema schema, String column, Object value) {
        Attribute partition = schema.attribute(column).orElseThrow(() -> new IllegalArgumentException(
                "layer " + schema.name() + ": partition column '" + column + "' is not one of its attributes"));
        Object partitionValue;
        try {
            partitionValue = AttributeValues.convert(partition.type(), value, true);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("layer " + schema.name() + ": partition value for '" + column + "': " + e.getMessage());
        }
        if (partitionValue == null) {
            throw new IllegalArgumentException("layer " + schema.name() + ": partition value for '" + column + "' is null");
        }
        return partitionValue;
    }

    /**
     * A partition write inside a transaction: always copy-on-write, on both databases, so that
     * every member of a transaction is a staged table published by a registry swap and one
     * short transaction on one connection can publish them all. (PostGIS in-place DML would have
     * to keep every writer on one connection and one long transaction.) An absent layer is
     * created by the publication itself.
     */
    StagingLayerWriter replacePartition(LayerSchema schema, String column, Object value, LayerInfo.Source source,
                                        JdbcLayerTransaction transaction) {
        Object partitionValue = partitionValue(schema, column, value);
        Connection c = connection();
        try {
            // Read before copying: a write committed in between then fails the publication
            // instead of being lost.
            Optional<LayerRegistry.Published> base = registry.published(c, schema.name());
            if (base.isPresent()) {
                LayerSchema stored = registry.schemaOf(c, base.get().physicalTable());
                if (!stored.equals(schema)) {
                    throw new SchemaMismatchException(schema.name(), stored, schema);
                }
                return copyOnWritePartition(c, schema, base.get(), column, partitionValue, source, false, transaction);
            }
            checkLayerName(c, schema.name());
            return writerOnNewStaging(c, schema, physical -> new StagingLayerWriter(this, c, schema, source, physical, column,
                    partitionValue, null, 0, true, 0, false, transaction));
        } catch (SQLException e) {
            closeQuietly(c);
            throw failure("starting to write a partition of " + schema.name(), e);
        } catch (RuntimeException e) {
            closeQuietly(c);
            throw e;
        }
    }

    @Override
    public LayerWriter replacePartition(LayerSchema schema, String column, Object value, LayerInfo.Source source) {
        Object partitionValue = partitionValue(schema, column, value);
        boolean created = false;
        Optional<String> published = publishedTable(schema.name());
        if (published.isEmpty()) {
            try (LayerWriter empty = replaceLayer(schema, source)) {
                empty.commit();
            }
            created = true;
            published = publishedTable(schema.name());
        }
        Optional<String> physical = published;
        Connection c = connection();
        try {
            LayerSchema stored = registry.schemaOf(c, physical.orElseThrow());
            if (!stored.equals(schema)) {
                throw new SchemaMismatchException(schema.name(), stored, schema);
            }
            if (!dialect.partitionWritesInPlace()) {
                LayerRegistry.Published base = registry.published(c, schema.name())
                        .filter(p -> p.physicalTable().equals(physical.get()))
                        .orElseThrow(() -> new fr.carence.store.ConcurrentWriteException(schema.name()));
                return copyOnWritePartition(c, schema, base, column, partitionValue, source, created, null);
            }
            tables.indexPartitionColumn(c, physical.get(), schema, column);
            c.setAutoCommit(false);
            return new PartitionLayerWriter(this, c, schema, physical.get(), column, partitionValue, source, created);
        } catch (SQLException e) {
            closeQuietly(c);
            throw failure("starting to write a partition of " + schema.name(), e);
        } catch (RuntimeException e) {
            closeQuietly(c);
            throw e;
        }
    }

    /** Staging table holding every other partition of {@code base}; the writer adds the new partition. */
    private StagingLayerWriter copyOnWritePartition(Connection c, LayerSchema schema, LayerRegistry.Published base, String column,
                                                    Object value, LayerInfo.Source source, boolean created,
                                                    JdbcLayerTransaction transaction) throws SQLException {
        String physical = reserveStaging(c, schema);
        try {
            tables.create(c, physical, schema);
            long copied;
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + dialect.quote(physical) + " SELECT * FROM "
                    + dialect.quote(base.physicalTable()) + " WHERE " + dialect.quote(column) + " IS NULL OR " + dialect.quote(column) + " <> ?")) {
                AttributeValues.bind(ps, 1, schema.attribute(column).orElseThrow().type(), value);
                copied = ps.executeUpdate();
            }
            c.setAutoCommit(false);
            return new StagingLayerWriter(this, c, schema, source, physical, column, value, base.physicalTable(),
                    base.writeCount(), true, copied, created, transaction);
        } catch (SQLException | RuntimeException e) {
            discardStaging(c, physical);
            throw e;
        }
    }

    /** Drops a layer created for a partition write that was then aborted, unless someone published it meanwhile. */
    void dropLayerIfPublishedAs(String layer, String physical) {
        if (publishedTable(layer).filter(physical::equals).isPresent()) {
            dropLayer(layer);
        }
    }

    /** Called by the partition writer's close: rolls back unless committed, and drops a layer it created for nothing. */
    void releasePartitionWriter(Connection c, boolean committed, String createdLayer, String physical) {
        try {
            if (!committed) {
                c.rollback();
            }
            c.setAutoCommit(true);
        } catch (SQLException e) {
            LOG.warn("could not roll back a partition write: {}", e.getMessage());
        } finally {
            closeQuietly(c);
        }
        if (!committed && createdLayer != null && publishedTable(createdLayer).filter(physical::equals).isPresent()) {
            dropLayer(createdLayer);
        }
    }

    @Override
    public long deletePartition(String layer, String column, Object value) {
        if (!dialect.partitionWritesInPlace()) {
            // Copy-on-write (see SqlDialect#partitionWritesInPlace): publish the other partitions.
            LayerSchema schema = schema(layer).orElseThrow(() -> new LayerNotFoundException(layer));
            if (schema.attribute(column).isEmpty()) {
                throw new InvalidQueryException(column, "layer '" + layer + "' has no property '" + AttributeValues.shorten(column) + "'");
            }
            long before = info(layer).orElseThrow(() -> new LayerNotFoundException(layer)).featureCount();
            try (LayerWriter w = replacePartition(schema, column, value, info(layer).map(LayerInfo::source).orElse(null))) {
                w.commit();
            }
            return before - info(layer).orElseThrow(() -> new LayerNotFoundException(layer)).featureCount();
        }
        try (Connection c = connection()) {
            LayerRegistry.Published p = resolve(c, layer);
            LayerSchema schema = registry.schemaOf(c, p.physicalTable());
            Attribute a = schema.attribute(column).orElseThrow(() -> new InvalidQueryException(column,
                    "layer '" + layer + "' has no property '" + AttributeValues.shorten(column) + "'"));
            Object converted;
            try {
                converted = AttributeValues.convert(a.type(), value, true);
            } catch (IllegalArgumentException e) {
                throw new InvalidQueryException(column, "invalid value for property '" + column + "': " + e.getMessage());
            }
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + dialect.quote(p.physicalTable())
                    + " WHERE " + dialect.quote(column) + " = ?")) {
                AttributeValues.bind(ps, 1, a.type(), converted);
                long deleted = ps.executeUpdate();
                registry.recordPartitionWrite(c, layer, p.physicalTable(), null, -deleted);
                c.commit();
                return deleted;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw failure("deleting a partition of " + layer, e);
        }
    }

    @Override
    public void dropLayer(String layer) {
        if (!Identifiers.isValid(layer)) {
            return;
        }
        try (Connection c = connection()) {
            c.setAutoCommit(false);
            Optional<String> physical;
            try {
                physical = registry.unpublish(c, layer);
                if (physical.isPresent()) {
                    registry.release(c, physical.get());  // the current version goes; earlier retained ones stay
                }
                c.commit();
            } catch (SQLException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
            if (physical.isPresent()) {
                tables.dropView(c, layer);
                dropPhysical(c, physical.get());
            }
        } catch (SQLException e) {
            throw failure("dropping layer " + layer, e);
        }
    }

    private void dropPhysical(Connection c, String physical) {
        try (var st = c.createStatement()) {
            st.setQueryTimeout(CLEANUP_TIMEOUT_SECONDS);
            try {
                st.execute("DROP TABLE IF EXISTS " + dialect.quote(physical));
            } finally {
                // H2 applies a statement's timeout to its whole session, which goes back to the pool:
                // without this reset the next read on the connection (e.g. an extent) inherits the 2 s limit.
                st.setQueryTimeout(0);
            }
            registry.forget(c, physical);
        } catch (SQLException e) {
            LOG.warn("could not drop old table {} now (dropped at next start-up): {}", physical, e.getMessage());
        }
    }

    @Override
    public void pinVersions(String holder, Map<String, java.time.Instant> versions) {
        writePins(holder, Map.of(holder, versions));
    }

    @Override
    public void replaceAllPins(Map<String, Map<String, java.time.Instant>> byHolder) {
        writePins(null, byHolder);
    }

    private void writePins(String holder, Map<String, Map<String, java.time.Instant>> pins) {
        try (Connection c = connection()) {
            c.setAutoCommit(false);
            try {
                registry.replacePins(c, holder, pins);
                c.commit();
            } catch (SQLException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw failure("pinning layer versions", e);
        }
    }

    @Override
    public int purgeVersions() {
        try (Connection c = connection()) {
            return purgeVersions(c);
        } catch (SQLException e) {
            LOG.warn("purge of earlier layer versions failed: {}", e.getMessage());
            return 0;
        }
    }

    /**
     * Stops retaining the earlier versions {@link #retention} lets go and drops their tables (a
     * table a reader still holds is left to the orphan clean-up, which finds it unretained).
     */
    private int purgeVersions(Connection c) {
        try {
            List<String> candidates = registry.purgeable(c, retention.versions(),
                    java.time.Instant.now().minus(retention.afterReplacement()));
            List<String> purged = new java.util.ArrayList<>();
            for (String physical : candidates) {
                // Checked again under the version's row lock: a publication pinning it meanwhile has committed by then.
                if (!registry.releaseUnpinned(c, physical)) {
                    continue;
                }
                purged.add(physical);
                LOG.info("{}: earlier version {} purged (not read by any saved scenario, past the retention: {} versions, "
                        + "{} after replacement)", kind(), physical, retention.versions(), retention.afterReplacement());
                dropPhysical(c, physical);
            }
            return purged.size();
        } catch (SQLException e) {
            LOG.warn("purge of earlier layer versions failed: {}", e.getMessage());
            return 0;
        }
    }

    void dropOrphans(Duration grace) {
        synchronized (stagingLock) {
            dropOrphansLocked(grace);
        }
    }

    private void dropOrphansLocked(Duration grace) {
        try (Connection c = connection()) {
            dropOrphans(c, grace);
        } catch (SQLException e) {
            LOG.warn("clean-up of orphan tables failed: {}", e.getMessage());
        }
    }

    /** Drops the orphan physical tables; the caller holds {@code stagingLock}. */
    private void dropOrphans(Connection c, Duration grace) {
        try {
            Set<String> orphans = registry.orphans(c, tables.baseTables(c), dialect.exclusiveAccess(), grace);
            orphans.removeAll(activeStaging);
            for (String physical : orphans) {
                LOG.info("{}: dropping {} left by an aborted or interrupted write", kind(), physical);
                dropPhysical(c, physical);
            }
        } catch (SQLException e) {
            LOG.warn("clean-up of orphan tables failed: {}", e.getMessage());
        }
    }

    private void checkLayerName(Connection c, String layer) throws SQLException {
        if (layer.startsWith("carence_") || RESERVED.contains(layer)) {
            throw new IllegalArgumentException("layer name '" + layer + "' is reserved by the store");
        }
        if (tables.baseTables(c).contains(dialect.catalogName(layer).toLowerCase(java.util.Locale.ROOT))) {
            throw new IllegalArgumentException("layer name '" + layer + "' is already used by a table of this database");
        }
    }

    // ---------------------------------------------------------------- reads

    @Override
    public FeatureCursor query(String layer, FeatureQuery query) {
        Connection c = connection();
        try {
            c.setAutoCommit(false);
            LayerRegistry.Published p = resolve(c, layer);
            for (int attempt = 0; ; attempt++) {
                try {
                    return openCursor(c, p.physicalTable(), query);
                } catch (SQLException e) {
                    p = replacedOrThrow(c, layer, p, attempt, e);  // replaced between lookup and query: read the new version
                }
            }
        } catch (SQLException e) {
            closeQuietly(c);
            throw failure("querying layer " + layer, e);
        } catch (RuntimeException e) {
            closeQuietly(c);
            throw e;
        }
    }

    /**
     * A streaming cursor over one physical table, owning {@code c}; the statement is closed if it
     * cannot start. Where the database streams rows as they are fetched (H2's lazy execution),
     * the query's timeout is a {@link ReadTimeBudget} of time spent inside the database, so it
     * bounds the store's work and not the client's download; elsewhere it is the JDBC timeout.
     */
    private FeatureCursor openCursor(Connection c, String physical, FeatureQuery query) throws SQLException {
        QuerySql sql = QuerySql.select(dialect, filters, registry.schemaOf(c, physical), physical, query);
        boolean streaming = dialect.startStreamingRead(c);
        PreparedStatement ps = null;
        ReadTimeBudget budget = null;
        try {
            ps = c.prepareStatement(sql.fragment().sql());
            ps.setFetchSize(FETCH_SIZE);
            if (streaming && query.timeout() != null) {
                budget = new ReadTimeBudget(query.timeout().toNanos(), ps);
                readWatchdog.watch(budget);
            } else {
                ps.setQueryTimeout(query.timeoutSeconds());
            }
            bind(ps, sql.fragment().parameters());
            ResultSet rs;
            if (budget != null) {
                budget.enter();
            }
            try {
                rs = ps.executeQuery();
            } finally {
                if (budget != null) {
                    budget.exit();
                }
            }
            if (budget != null && budget.exceeded()) {
                rs.close();
                throw new QueryTimeoutException(kind() + " store: querying a layer exceeded its time limit");
            }
            return new JdbcFeatureCursor(this, c, ps, rs, sql.attributes(), sql.idIndex(), sql.geometry(), budget, streaming);
        } catch (SQLException | RuntimeException e) {
            if (budget != null) {
                readWatchdog.forget(budget);
            }
            closeQuietly(ps);
            if (streaming) {
                endStreamingRead(c);
            }
            throw e;
        }
    }

    /** Ends a cursor's streamed read on its session; a session that cannot is evicted by the pool. */
    void endStreamingRead(Connection c) {
        try {
            dialect.endStreamingRead(c);
        } catch (SQLException e) {
            // the connection is broken: the pool replaces it
        }
    }

    /** A cursor no longer needs watching (closed or exhausted). */
    void forget(ReadTimeBudget budget) {
        readWatchdog.forget(budget);
    }

    @Override
    public Optional<LayerSchema> schemaAt(String layer, java.time.Instant version) {
        if (!Identifiers.isValid(layer)) {
            return Optional.empty();
        }
        try (Connection c = connection()) {
            Optional<String> physical = registry.versionTable(c, layer, version);
            return physical.isEmpty() ? Optional.empty() : Optional.of(registry.schemaOf(c, physical.get()));
        } catch (SQLException e) {
            throw failure("resolving a version of " + layer, e);
        }
    }

    @Override
    public FeatureCursor queryAt(String layer, java.time.Instant version, FeatureQuery query) {
        Connection c = connection();
        try {
            c.setAutoCommit(false);
            String physical = Identifiers.isValid(layer) ? registry.versionTable(c, layer, version).orElse(null) : null;
            if (physical == null) {
                throw new LayerNotFoundException(layer + " (version du " + version + ")");
            }
            return openCursor(c, physical, query);
        } catch (SQLException e) {
            closeQuietly(c);
            throw failure("querying a version of layer " + layer, e);
        } catch (RuntimeException e) {
            closeQuietly(c);
            throw e;
        }
    }

    @Override
    public long count(String layer, FeatureQuery query) {
        try (Connection c = connection()) {
            LayerRegistry.Published p = resolve(c, layer);
            for (int attempt = 0; ; attempt++) {
                LayerSchema schema = registry.schemaOf(c, p.physicalTable());
                SqlFragment sql = QuerySql.count(dialect, filters, schema, p.physicalTable(), query);
                try (PreparedStatement ps = c.prepareStatement(sql.sql())) {
                    ps.setQueryTimeout(query.timeoutSeconds());
                    bind(ps, sql.parameters());
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        return rs.getLong(1);
                    }
                } catch (SQLException e) {
                    p = replacedOrThrow(c, layer, p, attempt, e);
                }
            }
        } catch (SQLException e) {
            throw failure("counting features of " + layer, e);
        }
    }

    @Override
    public OptionalLong estimatedCount(String layer) {
        try (Connection c = connection()) {
            LayerRegistry.Published p = resolve(c, layer);
            OptionalLong estimate = dialect.estimatedRowCount(c, p.physicalTable());
            if (estimate.isPresent()) {
                return estimate;
            }
        } catch (SQLException e) {
            throw failure("estimating the size of " + layer, e);
        }
        return OptionalLong.of(count(layer, FeatureQuery.all()));
    }

    @Override
    public Optional<Envelope> extent(String layer) {
        try (Connection c = connection()) {
            LayerRegistry.Published p = resolve(c, layer);
            LayerSchema schema = registry.schemaOf(c, p.physicalTable());
            if (!schema.hasGeometry()) {
                return Optional.empty();
            }
            // ST_Extent is an aggregate on both databases (a box2d in PostGIS, a polygon in
            // H2GIS); ST_XMin & co. read either.
            String sql = "SELECT ST_XMin(e), ST_YMin(e), ST_XMax(e), ST_YMax(e) FROM (SELECT ST_Extent("
                    + dialect.quote(LayerSchema.GEOMETRY_COLUMN) + ") AS e FROM " + dialect.quote(p.physicalTable()) + ") x";
            try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                double minX = rs.getDouble(1);
                if (rs.wasNull()) {
                    return Optional.empty();
                }
                return Optional.of(new Envelope(minX, rs.getDouble(3), rs.getDouble(2), rs.getDouble(4)));
            }
        } catch (SQLException e) {
            throw failure("computing the extent of " + layer, e);
        }
    }

    /** The query plan of what {@link #query} would run (tests check that the spatial index is used). */
    public String explain(String layer, FeatureQuery query) {
        try (Connection c = connection()) {
            LayerRegistry.Published p = resolve(c, layer);
            QuerySql sql = QuerySql.select(dialect, filters, registry.schemaOf(c, p.physicalTable()), p.physicalTable(), query);
            try (PreparedStatement ps = c.prepareStatement(dialect.explain(sql.fragment().sql()))) {
                bind(ps, sql.fragment().parameters());
                StringBuilder plan = new StringBuilder();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        plan.append(rs.getString(1)).append('\n');
                    }
                }
                return plan.toString();
            }
        } catch (SQLException e) {
            throw failure("explaining a query on " + layer, e);
        }
    }

    /** The physical table currently published for a layer (tests and diagnostics). */
    public Optional<String> publishedTable(String layer) {
        try (Connection c = connection()) {
            return registry.published(c, layer).map(LayerRegistry.Published::physicalTable);
        } catch (SQLException e) {
            throw failure("resolving layer " + layer, e);
        }
    }

    @Override
    public boolean isAvailable() {
        try (Connection c = dataSource.getConnection()) {
            return c.isValid(2);
        } catch (SQLException e) {
            return false;
        }
    }

    @Override
    public void close() {
        readWatchdog.close();
        dataSource.close();
    }

    @Override
    public String toString() {
        return kind();
    }

    // ---------------------------------------------------------------- helpers

    private LayerRegistry.Published resolve(Connection c, String layer) throws SQLException {
        if (!Identifiers.isValid(layer)) {
            throw new LayerNotFoundException(layer);
        }
        return registry.published(c, layer).orElseThrow(() -> new LayerNotFoundException(layer));
    }

    private static void bind(PreparedStatement ps, List<Object> parameters) throws SQLException {
        for (int i = 0; i < parameters.size(); i++) {
            AttributeValues.bindParameter(ps, i + 1, parameters.get(i));
        }
    }

    Connection connection() {
        Connection c;
        try {
            c = dataSource.getConnection();
        } catch (SQLException e) {
            throw new StoreUnavailableException("the " + kind() + " database is unavailable: " + e.getMessage(), e);
        }
        try {
            dialect.resetBorrowedSession(c); // a time limit the previous borrower set must not apply here (H2)
            return c;
        } catch (SQLException e) {
            closeQuietly(c);
            throw failure("preparing a pooled connection", e);
        }
    }

    /**
     * Wraps a database error. The message names what failed and the SQLState, never SQL text or
     * values (they stay in the cause, for the logs).
     */
    StoreException failure(String what, SQLException e) {
        if (QUERY_CANCELED.equals(e.getSQLState())) {
            // Both H2 and PostgreSQL report a statement cancelled by its query timeout as 57014.
            return new QueryTimeoutException(kind() + " store: " + what + " exceeded its time limit", e);
        }
        if (isUnavailable(e)) {
            return new StoreUnavailableException("the " + kind() + " database is unavailable (" + what + ")", e);
        }
        return new StoreException(kind() + " store: " + what + " failed (SQLState " + e.getSQLState() + ")", e);
    }

    /**
     * After a failed read: the layer's new version when it was replaced between lookup and query
     * (its old table dropped), for one more read; otherwise the read's own failure is rethrown. A
     * lost database is not re-checked, and a failing re-check never hides the original cause
     * (which decides between "unavailable" and a plain failure).
     */
    private LayerRegistry.Published replacedOrThrow(Connection c, String layer, LayerRegistry.Published read, int attempt,
                                                    SQLException failure) throws SQLException {
        if (attempt > 0 || isUnavailable(failure)) {
            throw failure;
        }
        Optional<LayerRegistry.Published> now;
        try {
            if (!c.getAutoCommit()) {
                c.rollback(); // PostgreSQL refuses every statement of an aborted transaction
            }
            now = registry.published(c, layer);
        } catch (SQLException recheck) {
            failure.addSuppressed(recheck);
            throw failure;
        }
        if (now.isEmpty() || now.get().physicalTable().equals(read.physicalTable())) {
            throw failure;
        }
        return now.get();
    }

    private static boolean isUnavailable(SQLException e) {
        return SqlFailures.isUnavailable(e);
    }

    private static void closeQuietly(AutoCloseable resource) {
        if (resource == null) {
            return;
        }
        try {
            resource.close();
        } catch (Exception e) {
            // nothing more can be done
        }
    }
}
