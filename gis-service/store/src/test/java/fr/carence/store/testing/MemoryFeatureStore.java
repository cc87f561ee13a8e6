package fr.carence.store.testing;

import fr.carence.store.Feature;
import fr.carence.store.FeatureCursor;
import fr.carence.store.FeatureQuery;
import fr.carence.store.FeatureStore;
import fr.carence.store.LayerInfo;
import fr.carence.store.LayerNotFoundException;
import fr.carence.store.LayerSchema;
import fr.carence.store.LayerTransaction;
import fr.carence.store.LayerWriter;
import fr.carence.store.SchemaMismatchException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.locationtech.jts.geom.Envelope;

/**
 * Test double of {@link FeatureStore} kept in memory, for the fast unit tests of other modules
 * (loaders, analysis). It keeps the contract of the JDBC stores: staged writes published by
 * commit and discarded by close, partitions, all-or-nothing transactions (through
 * {@link MemoryLayerTransaction}), and the write checks (types, nullability, id attribute,
 * SRID, unique ids, same schema for a partition). Bbox, sort, paging and the filters of
 * {@link MemoryFilter} are evaluated in memory.
 */
public final class MemoryFeatureStore implements FeatureStore {

    private final Map<String, LayerSchema> schemas = new TreeMap<>();
    private final Map<String, List<Feature>> rows = new TreeMap<>();
    private final Map<String, LayerInfo> infos = new TreeMap<>();

    @Override
    public String kind() {
        return "memory";
    }

    @Override
    public synchronized List<String> layerNames() {
        return List.copyOf(schemas.keySet());
    }

    @Override
    public synchronized Optional<LayerSchema> schema(String layer) {
        return Optional.ofNullable(schemas.get(layer));
    }

    @Override
    public synchronized Optional<LayerInfo> info(String layer) {
        return Optional.ofNullable(infos.get(layer));
    }

    /** Rows of a layer (all partitions), for assertions; empty when the layer does not exist. */
    public synchronized List<Feature> rows(String layer) {
        return rows.getOrDefault(layer, List.of());
    }

    @Override
    public LayerWriter replaceLayer(LayerSchema schema, LayerInfo.Source source) {
        return new Writer(schema, source, null, null);
    }

    @Override
    public LayerWriter replacePartition(LayerSchema schema, String column, Object value, LayerInfo.Source source) {
        if (schema.attribute(column).isEmpty()) {
            throw new IllegalArgumentException("layer '" + schema.name() + "' has no partition column " + column);
        }
        return new Writer(schema, source, column, value);
    }

    @Override
    public LayerTransaction transaction() {
        return new MemoryLayerTransaction(this, this, () -> {
            synchronized (this) {
                // The row lists are immutable, so copying the maps is a full snapshot.
                Map<String, LayerSchema> s = new TreeMap<>(schemas);
                Map<String, List<Feature>> r = new TreeMap<>(rows);
                Map<String, LayerInfo> i = new TreeMap<>(infos);
                return () -> {
                    synchronized (this) {
                        schemas.clear();
                        schemas.putAll(s);
                        rows.clear();
                        rows.putAll(r);
                        infos.clear();
                        infos.putAll(i);
                    }
                };
            }
        });
    }

    @Override
    public synchronized long deletePartition(String layer, String column, Object value) {
        List<Feature> all = rows.get(layer);
        if (all == null) {
            throw new LayerNotFoundException(layer);
        }
        List<Feature> kept = all.stream().filter(f -> !Objects.equals(f.get(column), value)).toList();
        rows.put(layer, kept);
        return all.size() - kept.size();
    }

    @Override
    public synchronized void dropLayer(String layer) {
        schemas.remove(layer);
        rows.remove(layer);
        infos.remove(layer);
    }

    @Override
    public FeatureCursor query(String layer, FeatureQuery q) {
        return FeatureCursor.of(matching(layer, q).stream()
                .skip(q.offset())
                .limit(q.limit() < 0 ? Long.MAX_VALUE : q.limit())
                .map(f -> project(f, q))
                .toList());
    }

    @Override
    public long count(String layer, FeatureQuery query) {
        return matching(layer, query).size();
    }

    /** The features matching bbox and filter, sorted; paging and projection are left to the caller. */
    private synchronized List<Feature> matching(String layer, FeatureQuery q) {
        List<Feature> all = rows.get(layer);
        if (all == null) {
            throw new LayerNotFoundException(layer);
        }
        List<Feature> result = new ArrayList<>();
        for (Feature f : all) {
            boolean inBox = q.bbox() == null
                    || f.geometry() != null && q.bbox().intersects(f.geometry().getEnvelopeInternal());
            if (inBox && (q.filter() == null || MemoryFilter.matches(q.filter(), f))) {
                result.add(f);
            }
        }
        Comparator<Feature> order = null;
        for (FeatureQuery.SortKey k : q.sortBy()) {
            @SuppressWarnings({"unchecked", "rawtypes"})
            Comparator<Feature> one = Comparator.comparing(f -> (Comparable) f.get(k.property()),
                    Comparator.nullsLast(Comparator.naturalOrder()));
            one = k.ascending() ? one : one.reversed();
            order = order == null ? one : order.thenComparing(one);
        }
        if (order != null) {
            result.sort(order);
        }
        return result;
    }

    private static Feature project(Feature f, FeatureQuery q) {
        Map<String, Object> p = new LinkedHashMap<>(f.properties());
        if (q.properties() != null) {
            p.keySet().removeIf(k -> !q.properties().contains(k));
        }
        return new Feature(f.id(), q.includeGeometry() ? f.geometry() : null, p);
    }

    @Override
    public synchronized OptionalLong estimatedCount(String layer) {
        List<Feature> all = rows.get(layer);
        return all == null ? OptionalLong.empty() : OptionalLong.of(all.size());
    }

    @Override
    public synchronized Optional<Envelope> extent(String layer) {
        Envelope env = new Envelope();
        rows.getOrDefault(layer, List.of()).forEach(f -> {
            if (f.geometry() != null) {
                env.expandToInclude(f.geometry().getEnvelopeInternal());
            }
        });
        return env.isNull() ? Optional.empty() : Optional.of(env);
    }

    @Override
    public boolean isAvailable() {
        return true;
    }

    @Override
    public void close() {
    }

    /** Stages features; commit swaps them in for the whole layer, or for one partition when column is set. */
    private final class Writer implements LayerWriter {
        private final LayerSchema schema;
        private final LayerInfo.Source source;
        private final String column;
        private final Object value;
        private final Map<String, Feature> staged = new LinkedHashMap<>();
        private boolean done;

        Writer(LayerSchema schema, LayerInfo.Source source, String column, Object value) {
            this.schema = schema;
            this.source = source;
            this.column = column;
            this.value = value;
        }

        @Override
        public void write(Feature feature) {
            if (done) {
                throw new IllegalStateException("writer for " + schema.name() + " already closed");
            }
            String where = "layer '" + schema.name() + "', feature '" + feature.id() + "'";
            for (String k : feature.properties().keySet()) {
                if (schema.attribute(k).isEmpty()) {
                    throw new IllegalArgumentException(where + ": unknown attribute '" + k + "'");
                }
            }
            for (LayerSchema.Attribute a : schema.attributes()) {
                Object v = feature.get(a.name());
                if (v == null && !a.nullable()) {
                    throw new IllegalArgumentException(where + ": attribute '" + a.name() + "' is required");
                }
                if (v != null && !a.type().javaType().isInstance(v)) {
                    throw new IllegalArgumentException(where + ": attribute '" + a.name() + "' expects " + a.type()
                            + ", got " + v.getClass().getSimpleName());
                }
                if (v instanceof Double d && (d.isNaN() || d.isInfinite())) {
                    throw new IllegalArgumentException(where + ": attribute '" + a.name() + "' is " + d);
                }
            }
            if (!feature.id().equals(String.valueOf(feature.get(schema.idAttribute())))) {
                throw new IllegalArgumentException(where + ": id differs from its attribute '"
                        + schema.idAttribute() + "'");
            }
            if (column != null && !Objects.equals(feature.get(column), value)) {
                throw new IllegalArgumentException(where + ": attribute '" + column + "' is " + feature.get(column)
                        + " but this write replaces the partition " + column + " = " + value);
            }
            if (feature.geometry() != null) {
                int srid = feature.geometry().getSRID();
                if (!schema.hasGeometry()) {
                    throw new IllegalArgumentException(where + ": layer has no geometry but the feature has one");
                }
                if (srid != 0 && srid != STORAGE_SRID) {
                    throw new IllegalArgumentException(where + ": geometry in EPSG:" + srid + " instead of " + STORAGE_SRID);
                }
            }
            if (staged.putIfAbsent(feature.id(), feature) != null) {
                throw new IllegalArgumentException("layer '" + schema.name() + "': duplicate id " + feature.id());
            }
        }

        @Override
        public long written() {
            return staged.size();
        }

        @Override
        public void commit() {
            if (done) {
                throw new IllegalStateException("writer for " + schema.name() + " already closed");
            }
            synchronized (MemoryFeatureStore.this) {
                List<Feature> kept = new ArrayList<>();
                if (column != null) {
                    LayerSchema existing = schemas.get(schema.name());
                    if (existing != null && !existing.equals(schema)) {
                        throw new SchemaMismatchException(schema.name(), existing, schema);
                    }
                    Predicate<Feature> otherPartition = f -> !Objects.equals(f.get(column), value);
                    rows.getOrDefault(schema.name(), List.of()).stream().filter(otherPartition).forEach(kept::add);
                }
                Set<String> ids = new HashSet<>();
                kept.forEach(f -> ids.add(f.id()));
                for (Feature f : staged.values()) {
                    if (!ids.add(f.id())) {
                        throw new IllegalArgumentException("layer '" + schema.name() + "': duplicate id " + f.id()
                                + " (already in another partition)");
                    }
                }
                kept.addAll(staged.values());
                schemas.put(schema.name(), schema);
                rows.put(schema.name(), List.copyOf(kept));
                infos.put(schema.name(), new LayerInfo(schema.name(), source, kept.size(), Instant.now()));
            }
            done = true;
        }

        @Override
        public void close() {
            done = true;
            staged.clear();
        }
    }
}
