package fr.carence.store.jdbc;

import fr.carence.store.Feature;
import fr.carence.store.FeatureCursor;
import fr.carence.store.FeatureStore;
import fr.carence.store.QueryTimeoutException;
import fr.carence.store.LayerSchema.Attribute;
import fr.carence.store.StoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;

/**
 * Streams features from an open result set. It owns the connection (in a read transaction, so
 * PostgreSQL uses a server-side cursor with the statement's fetch size) and releases it on
 * close or when the rows run out.
 */
final class JdbcFeatureCursor implements FeatureCursor {

    private final JdbcFeatureStore store;
    private final Connection connection;
    private final PreparedStatement statement;
    private final ResultSet rs;
    private final List<Attribute> attributes;
    private final int idIndex;
    private final boolean withGeometry;
    private final WKBReader wkbReader = new WKBReader(
            new GeometryFactory(new PrecisionModel(), FeatureStore.STORAGE_SRID));
    /** The time left inside the database where the statement streams lazily (H2), else null. */
    private final ReadTimeBudget budget;
    /** Whether the session was set up for a streamed read, to be undone on close. */
    private final boolean streaming;
    private Feature next;
    private boolean closed;

    /**
     * @param attributes the selected attributes, in the order of the SELECT list, followed by
     *                   {@code ST_AsBinary(geom)} when {@code withGeometry}
     */
    JdbcFeatureCursor(JdbcFeatureStore store, Connection connection, PreparedStatement statement, ResultSet rs,
                      List<Attribute> attributes, int idIndex, boolean withGeometry, ReadTimeBudget budget,
                      boolean streaming) {
        this.store = store;
        this.connection = connection;
        this.statement = statement;
        this.rs = rs;
        this.attributes = attributes;
        this.idIndex = idIndex;
        this.withGeometry = withGeometry;
        this.budget = budget;
        this.streaming = streaming;
    }

    @Override
    public boolean hasNext() {
        if (next == null && !closed) {
            next = read();
            if (next == null) {
                close();
            }
        }
        return next != null;
    }

    @Override
    public Feature next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        Feature f = next;
        next = null;
        return f;
    }

    private Feature read() {
        if (budget == null) {
            return readRow();
        }
        budget.enter();
        Feature f;
        try {
            f = readRow();
        } finally {
            budget.exit();
        }
        if (budget.exceeded()) {
            close();
            throw new QueryTimeoutException(store.kind() + " store: reading features exceeded its time limit");
        }
        return f;
    }

    private Feature readRow() {
        try {
            if (!rs.next()) {
                return null;
            }
            Map<String, Object> properties = new LinkedHashMap<>();
            for (int i = 0; i < attributes.size(); i++) {
                Attribute a = attributes.get(i);
                properties.put(a.name(), AttributeValues.read(rs, i + 1, a.type()));
            }
            Geometry geometry = null;
            if (withGeometry) {
                byte[] wkb = rs.getBytes(attributes.size() + 1);
                if (wkb != null) {
                    geometry = wkbReader.read(wkb);
                    geometry.setSRID(FeatureStore.STORAGE_SRID);
                }
            }
            Object id = properties.get(attributes.get(idIndex).name());
            return new Feature(String.valueOf(id), geometry, properties);
        } catch (SQLException e) {
            close();
            throw store.failure("reading features", e);
        } catch (ParseException e) {
            close();
            throw new StoreException("unreadable geometry in the store", e);
        }
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (budget != null) {
            store.forget(budget);
        }
        try {
            rs.close();
            statement.close();
        } catch (SQLException e) {
            // a cancelled statement may fail to close: the session is still released below
        }
        try {
            if (streaming) {
                store.endStreamingRead(connection);
            }
            connection.rollback();
        } catch (SQLException e) {
            // releasing anyway; a broken connection is evicted by the pool
        } finally {
            try {
                connection.close();
            } catch (SQLException e) {
                // nothing more to release
            }
        }
    }
}
