package fr.carence.store.jdbc;

import fr.carence.store.Feature;
import fr.carence.store.FeatureCursor;
import fr.carence.store.FeatureStore;
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
    private Feature next;
    private boolean closed;

    /**
     * @param attributes the selected attributes, in the order of the SELECT list, followed by
     *                   {@code ST_AsBinary(geom)} when {@code withGeometry}
     */
    JdbcFeatureCursor(JdbcFeatureStore store, Connection connection, PreparedStatement statement, ResultSet rs,
                      List<Attribute> attributes, int idIndex, boolean withGeometry) {
        this.store = store;
        this.connection = connection;
        this.statement = statement;
        this.rs = rs;
        this.attributes = attributes;
        this.idIndex = idIndex;
        this.withGeometry = withGeometry;
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
        try {
            rs.close();
            statement.close();
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
