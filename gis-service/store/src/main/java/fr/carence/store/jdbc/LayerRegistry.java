package fr.carence.store.jdbc;

import fr.carence.store.LayerInfo;
import fr.carence.store.LayerSchema;
import fr.carence.store.LayerSchema.Attribute;
import fr.carence.store.LayerSchema.AttributeType;
import fr.carence.store.LayerSchema.GeometryType;
import fr.carence.store.ConcurrentWriteException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The store's own tables (see {@code db/migration/common/V1__layer_registry.sql}): which
 * versioned physical table each layer name points at, the schema each physical table was built
 * for, and load provenance. All methods run on a connection the caller owns, so several of them
 * can share one transaction.
 */
final class LayerRegistry {

    /** Prefix of every physical table; nothing else in the database may use it. */
    static final String TABLE_PREFIX = "carence_data_";

    private final SqlDialect dialect;
    /** A physical table's schema never changes, so it is cached for the life of the store. */
    private final Map<String, LayerSchema> schemas = new ConcurrentHashMap<>();

    LayerRegistry(SqlDialect dialect) {
        this.dialect = dialect;
    }

    /** The published version of a layer. */
    record Published(String physicalTable, LayerInfo info, long writeCount) {
    }

    List<String> layerNames(Connection c) throws SQLException {
        List<String> names = new ArrayList<>();
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT layer_name FROM carence_layer ORDER BY layer_name")) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        return names;
    }

    Optional<Published> published(Connection c, String layer) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT physical_table, source_dataset, source_files, "
                + "source_vintage, feature_count, committed_at, write_count, source_loaded_by, source_sha256 FROM carence_layer "
                + "WHERE layer_name = ?")) {
            ps.setString(1, layer);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                LayerInfo.Source source = new LayerInfo.Source(rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(8),
                        rs.getString(9));
                Instant committed = rs.getObject(6, OffsetDateTime.class).toInstant();
                return Optional.of(new Published(rs.getString(1), new LayerInfo(layer, source, rs.getLong(5), committed),
                        rs.getLong(7)));
            }
        }
    }

    /**
     * The physical table of the version of {@code layer} published at {@code committedAt}: the
     * current one, or a retained earlier one; empty when that version is gone.
     */
    Optional<String> versionTable(Connection c, String layer, Instant committedAt) throws SQLException {
        Optional<Published> current = published(c, layer);
        if (current.isPresent() && current.get().info().committedAt().equals(committedAt)) {
            return Optional.of(current.get().physicalTable());
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT physical_table, committed_at FROM carence_layer_history "
                + "WHERE layer_name = ? AND retained")) {
            ps.setString(1, layer);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (rs.getObject(2, OffsetDateTime.class).toInstant().equals(committedAt)) {
                        return Optional.of(rs.getString(1));
                    }
                }
            }
        }
        return Optional.empty();
    }

    /** Stops retaining a physical table (its layer is being dropped): it can then be dropped. */
    void release(Connection c, String physical) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE carence_layer_history SET retained = FALSE WHERE physical_table = ?")) {
            ps.setString(1, physical);
            ps.executeUpdate();
        }
    }

    /**
     * Locks the history rows of these versions (layer → publication time) until the caller's
     * transaction ends, in one order (layer, time) so that two publications cannot deadlock: a
     * purge must take the same row lock before releasing a version ({@link #releaseUnpinned}).
     */
    void lockVersions(Connection c, java.util.Collection<Map<String, Instant>> versions) throws SQLException {
        java.util.SortedSet<String> keys = new java.util.TreeSet<>();
        Map<String, Map.Entry<String, Instant>> byKey = new java.util.HashMap<>();
        for (Map<String, Instant> m : versions) {
            for (Map.Entry<String, Instant> v : m.entrySet()) {
                String key = v.getKey() + "@" + v.getValue();
                keys.add(key);
                byKey.put(key, v);
            }
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT physical_table FROM carence_layer_history "
                + "WHERE layer_name = ? AND committed_at = ? FOR UPDATE")) {
            for (String key : keys) {
                Map.Entry<String, Instant> v = byKey.get(key);
                ps.setString(1, v.getKey());
                ps.setObject(2, OffsetDateTime.ofInstant(v.getValue(), ZoneOffset.UTC));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        // locked; nothing to read
                    }
                }
            }
        }
    }

    /**
     * Stops retaining an earlier version unless a pin names it, in a transaction of its own: the
     * version's history row is locked first, so a publication that pins it (and holds that lock,
     * {@link #lockVersions}) has committed before the pins are read again here. Returns whether
     * the version was released (its table may then be dropped).
     */
    boolean releaseUnpinned(Connection c, String physical) throws SQLException {
        boolean autoCommit = c.getAutoCommit();
        c.setAutoCommit(false);
        try {
            String layer = null;
            OffsetDateTime at = null;
            try (PreparedStatement ps = c.prepareStatement("SELECT layer_name, committed_at FROM carence_layer_history "
                    + "WHERE physical_table = ? AND retained FOR UPDATE")) {
                ps.setString(1, physical);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        layer = rs.getString(1);
                        at = rs.getObject(2, OffsetDateTime.class);
                    }
                }
            }
            boolean release = layer != null;
            if (release) {
                try (PreparedStatement ps = c.prepareStatement(
                        "SELECT COUNT(*) FROM carence_layer_pin WHERE layer_name = ? AND committed_at = ?")) {
                    ps.setString(1, layer);
                    ps.setObject(2, at);
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        release = rs.getLong(1) == 0;
                    }
                }
            }
            if (release) {
                release(c, physical);
            }
            c.commit();
            return release;
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(autoCommit);
        }
    }

    /** Replaces the pins of {@code holder}, or of every holder when {@code holder} is null, by {@code pins}. */
    void replacePins(Connection c, String holder, Map<String, Map<String, Instant>> pins) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(holder == null ? "DELETE FROM carence_layer_pin"
                : "DELETE FROM carence_layer_pin WHERE holder = ?")) {
            if (holder != null) {
                ps.setString(1, holder);
            }
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO carence_layer_pin (holder, layer_name, committed_at) VALUES (?, ?, ?)")) {
            for (Map.Entry<String, Map<String, Instant>> h : pins.entrySet()) {
                for (Map.Entry<String, Instant> v : h.getValue().entrySet()) {
                    ps.setString(1, h.getKey());
                    ps.setString(2, v.getKey());
                    ps.setObject(3, OffsetDateTime.ofInstant(v.getValue(), ZoneOffset.UTC));
                    ps.addBatch();
                }
            }
            ps.executeBatch();
        }
    }

    /**
     * Retained earlier versions the rule lets go: not pinned, outside the layer's most recent
     * {@code versions} publications, and replaced (by the next publication) before {@code replacedBefore}.
     */
    List<String> purgeable(Connection c, int versions, Instant replacedBefore) throws SQLException {
        Set<String> pinned = new HashSet<>();
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT layer_name, committed_at FROM carence_layer_pin")) {
            while (rs.next()) {
                pinned.add(rs.getString(1) + "@" + rs.getObject(2, OffsetDateTime.class).toInstant());
            }
        }
        Set<String> current = new HashSet<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT physical_table FROM carence_layer")) {
            while (rs.next()) {
                current.add(rs.getString(1));
            }
        }
        List<String> out = new ArrayList<>();
        // Newest first per layer: rank 0 is the latest publication, and each row was replaced when the previous one was published.
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT layer_name, physical_table, committed_at, "
                + "retained FROM carence_layer_history ORDER BY layer_name, committed_at DESC, physical_table DESC")) {
            String layer = null;
            int rank = 0;
            Instant newer = null;
            while (rs.next()) {
                String name = rs.getString(1);
                Instant at = rs.getObject(3, OffsetDateTime.class).toInstant();
                if (!name.equals(layer)) {
                    layer = name;
                    rank = 0;
                    newer = null;
                }
                String physical = rs.getString(2);
                if (rs.getBoolean(4) && rank >= versions && newer != null && newer.isBefore(replacedBefore)
                        && !current.contains(physical) && !pinned.contains(name + "@" + at)) {
                    out.add(physical);
                }
                rank++;
                newer = at;
            }
        }
        return out;
    }

    /** Whether a physical table is a retained earlier version (never dropped as an old version or orphan). */
    boolean retained(Connection c, String physical) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT COUNT(*) FROM carence_layer_history WHERE physical_table = ? AND retained")) {
            ps.setString(1, physical);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1) > 0;
            }
        }
    }

    List<LayerInfo> history(Connection c, String layer) throws SQLException {
        List<LayerInfo> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT source_dataset, source_files, source_vintage, "
                + "source_loaded_by, source_sha256, feature_count, committed_at FROM carence_layer_history "
                + "WHERE layer_name = ? ORDER BY committed_at, physical_table")) {
            ps.setString(1, layer);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new LayerInfo(layer, new LayerInfo.Source(rs.getString(1), rs.getString(2), rs.getString(3),
                            rs.getString(4), rs.getString(5)), rs.getLong(6), rs.getObject(7, OffsetDateTime.class).toInstant()));
                }
            }
        }
        return out;
    }

    LayerSchema schemaOf(Connection c, String physicalTable) throws SQLException {
        LayerSchema cached = schemas.get(physicalTable);
        if (cached != null) {
            return cached;
        }
        String layer;
        GeometryType geometryType;
        String idAttribute;
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT layer_name, geometry_type, id_attribute FROM carence_table WHERE physical_table = ?")) {
            ps.setString(1, physicalTable);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new SQLException("physical table " + physicalTable + " is not registered");
                }
                layer = rs.getString(1);
                geometryType = GeometryType.valueOf(rs.getString(2));
                idAttribute = rs.getString(3);
            }
        }
        List<Attribute> attributes = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT attribute_name, attribute_type, nullable "
                + "FROM carence_table_attribute WHERE physical_table = ? ORDER BY attribute_position")) {
            ps.setString(1, physicalTable);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    attributes.add(new Attribute(rs.getString(1), AttributeType.valueOf(rs.getString(2)), rs.getBoolean(3)));
                }
            }
        }
        LayerSchema schema = new LayerSchema(layer, attributes, geometryType, idAttribute);
        schemas.put(physicalTable, schema);
        return schema;
    }

    /**
     * Allocates a new physical table name and records it with its schema, committed, before the
     * table exists: whatever happens next, start-up clean-up can find and drop it.
     */
    String reserveTable(Connection c, LayerSchema schema) throws SQLException {
        String physical;
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT " + dialect.nextValue("carence_table_seq"))) {
            rs.next();
            physical = TABLE_PREFIX + rs.getLong(1);
        }
        boolean autoCommit = c.getAutoCommit();
        c.setAutoCommit(false);
        try {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO carence_table "
                    + "(physical_table, layer_name, geometry_type, id_attribute, created_at) VALUES (?, ?, ?, ?, ?)")) {
                ps.setString(1, physical);
                ps.setString(2, schema.name());
                ps.setString(3, schema.geometryType().name());
                ps.setString(4, schema.idAttribute());
                ps.setObject(5, now());
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO carence_table_attribute "
                    + "(physical_table, attribute_position, attribute_name, attribute_type, nullable) VALUES (?, ?, ?, ?, ?)")) {
                int position = 0;
                for (Attribute a : schema.attributes()) {
                    ps.setString(1, physical);
                    ps.setInt(2, position++);
                    ps.setString(3, a.name());
                    ps.setString(4, a.type().name());
                    ps.setBoolean(5, a.nullable());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            c.commit();
        } catch (SQLException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(autoCommit);
        }
        schemas.put(physical, schema);
        return physical;
    }

    /**
     * Points the layer at a new physical table, in the caller's transaction: this one statement
     * is the atomic publication. Returns the physical table it replaced, if any. With
     * {@code checkPrevious}, fails unless {@code expectedPrevious} (null: no layer yet) with
     * {@code expectedWriteCount} writes is the version being replaced (copy-on-write partition writes must not overwrite a concurrent
     * publication).
     */
    Optional<String> publish(Connection c, String layer, String physical, LayerInfo.Source source, long count,
                             boolean checkPrevious, String expectedPrevious, long expectedWriteCount)
            throws SQLException {
        Optional<String> previous;
        long writeCount = 0;
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT physical_table, write_count FROM carence_layer WHERE layer_name = ? FOR UPDATE")) {
            ps.setString(1, layer);
            try (ResultSet rs = ps.executeQuery()) {
                previous = rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
                if (previous.isPresent()) {
                    writeCount = rs.getLong(2);
                }
            }
        }
        if (checkPrevious && (!previous.equals(Optional.ofNullable(expectedPrevious))
                || (previous.isPresent() && writeCount != expectedWriteCount))) {
            throw new ConcurrentWriteException(layer);
        }
        String sql = previous.isPresent()
                ? "UPDATE carence_layer SET physical_table = ?, source_dataset = ?, source_files = ?, "
                        + "source_vintage = ?, source_loaded_by = ?, source_sha256 = ?, feature_count = ?, committed_at = ?, "
                        + "write_count = write_count + 1 WHERE layer_name = ?"
                : "INSERT INTO carence_layer (physical_table, source_dataset, source_files, source_vintage, "
                        + "source_loaded_by, source_sha256, feature_count, committed_at, layer_name) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";
        OffsetDateTime at = now();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, physical);
            bindSource(ps, 2, source);
            ps.setLong(7, count);
            ps.setObject(8, at);
            ps.setString(9, layer);
            ps.executeUpdate();
        }
        // every published version stays in the history, in the same transaction (provenance of loads)
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO carence_layer_history (physical_table, "
                + "source_dataset, source_files, source_vintage, source_loaded_by, source_sha256, feature_count, "
                + "committed_at, layer_name, retained) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, physical);
            bindSource(ps, 2, source);
            ps.setLong(7, count);
            ps.setObject(8, at);
            ps.setString(9, layer);
            // loaded files (they have a digest) are kept when replaced; computed layers are not
            ps.setBoolean(10, source != null && source.sha256() != null);
            ps.executeUpdate();
        }
        return previous;
    }

    /**
     * Records a partition write in the caller's transaction. Returns false when the layer no
     * longer points at the physical table written (replaced meanwhile): the caller rolls back.
     */
    boolean recordPartitionWrite(Connection c, String layer, String physical, LayerInfo.Source source, long delta)
            throws SQLException {
        String sql = "UPDATE carence_layer SET feature_count = feature_count + ?, committed_at = ?, write_count = write_count + 1"
                + (source != null ? ", source_dataset = ?, source_files = ?, source_vintage = ?, source_loaded_by = ?, source_sha256 = ?" : "")
                + " WHERE layer_name = ? AND physical_table = ?";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            int i = 1;
            ps.setLong(i++, delta);
            ps.setObject(i++, now());
            if (source != null) {
                bindSource(ps, i, source);
                i += 5;
            }
            ps.setString(i++, layer);
            ps.setString(i, physical);
            return ps.executeUpdate() == 1;
        }
    }

    /** Removes the layer's registry row in the caller's transaction; returns its physical table. */
    Optional<String> unpublish(Connection c, String layer) throws SQLException {
        Optional<String> physical;
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT physical_table FROM carence_layer WHERE layer_name = ? FOR UPDATE")) {
            ps.setString(1, layer);
            try (ResultSet rs = ps.executeQuery()) {
                physical = rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        }
        if (physical.isPresent()) {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM carence_layer WHERE layer_name = ?")) {
                ps.setString(1, layer);
                ps.executeUpdate();
            }
        }
        return physical;
    }

    /** Forgets a physical table that has been dropped. */
    void forget(Connection c, String physical) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "DELETE FROM carence_table WHERE physical_table = ? AND physical_table NOT IN "
                        + "(SELECT physical_table FROM carence_layer) AND physical_table NOT IN "
                        + "(SELECT physical_table FROM carence_layer_history WHERE retained)")) {
            ps.setString(1, physical);
            ps.executeUpdate();
        }
        schemas.remove(physical);
    }

    /**
     * Physical tables no layer points at: staging tables of aborted or crashed writes, and old
     * versions whose drop failed. With shared access only those older than the grace period are
     * returned, since a younger one may be another process's write in progress.
     */
    Set<String> orphans(Connection c, Set<String> existingTables, boolean exclusive, Duration grace) throws SQLException {
        Set<String> published = new HashSet<>();
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT physical_table FROM carence_layer UNION "
                     + "SELECT physical_table FROM carence_layer_history WHERE retained")) {
            while (rs.next()) {
                published.add(rs.getString(1));
            }
        }
        Set<String> young = new HashSet<>();
        if (!exclusive) {
            try (PreparedStatement ps = c.prepareStatement("SELECT physical_table FROM carence_table WHERE created_at > ?")) {
                ps.setObject(1, OffsetDateTime.now(ZoneOffset.UTC).minus(grace));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        young.add(rs.getString(1));
                    }
                }
            }
        }
        Set<String> orphans = new HashSet<>();
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT physical_table FROM carence_table")) {
            while (rs.next()) {
                orphans.add(rs.getString(1));
            }
        }
        for (String table : existingTables) {
            if (table.startsWith(TABLE_PREFIX)) {
                orphans.add(table);
            }
        }
        orphans.removeAll(published);
        orphans.removeAll(young);
        return orphans;
    }

    private static void bindSource(PreparedStatement ps, int index, LayerInfo.Source source) throws SQLException {
        ps.setString(index, source == null ? null : source.dataset());
        ps.setString(index + 1, source == null ? null : source.files());
        ps.setString(index + 2, source == null ? null : source.vintage());
        ps.setString(index + 3, source == null ? null : source.loadedBy());
        ps.setString(index + 4, source == null ? null : source.sha256());
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}
