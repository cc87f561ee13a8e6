package fr.carence.analysis.store;

import fr.carence.store.Feature;
import fr.carence.store.FeatureCursor;
import fr.carence.store.FeatureQuery;
import fr.carence.store.FeatureStore;
import fr.carence.store.LayerInfo;
import fr.carence.store.LayerNotFoundException;
import fr.carence.store.LayerSchema;
import fr.carence.store.LayerTransaction;
import fr.carence.store.LayerWriter;
import fr.carence.store.testing.MemoryLayerTransaction;
import fr.carence.store.filter.Filter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.locationtech.jts.geom.Envelope;

/**
 * Test double of {@link FeatureStore} kept in memory, with the same commit/abort and partition
 * contract, and type checks against the schema. Supports the filters the analysis uses
 * (equality, And); the JDBC stores are tested on branch {@code store}.
 */
public class InMemoryFeatureStore implements FeatureStore {
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

    @Override
    public LayerWriter replaceLayer(LayerSchema schema, LayerInfo.Source source) {
        return new Writer(schema, source, f -> true);
    }

    @Override
    public LayerWriter replacePartition(LayerSchema schema, String column, Object value, LayerInfo.Source source) {
        if (schema.attribute(column).isEmpty()) {
            throw new IllegalArgumentException("no partition column " + column);
        }
        return new Writer(schema, source, f -> Objects.equals(f.get(column), value)) {
            @Override
            public void write(Feature feature) {
                if (!Objects.equals(feature.get(column), value)) {
                    throw new IllegalArgumentException("feature outside partition " + column + "=" + value);
                }
                super.write(feature);
            }
        };
    }

    @Override
    public LayerTransaction transaction() {
        return new MemoryLayerTransaction(this, this, () -> {
            synchronized (this) {
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
        List<Feature> l = rows.get(layer);
        if (l == null) {
            throw new LayerNotFoundException(layer);
        }
        int before = l.size();
        l.removeIf(f -> Objects.equals(f.get(column), value));
        return before - l.size();
    }

    @Override
    public synchronized void dropLayer(String layer) {
        schemas.remove(layer);
        rows.remove(layer);
        infos.remove(layer);
    }

    @Override
    public synchronized FeatureCursor query(String layer, FeatureQuery q) {
        LayerSchema schema = schemas.get(layer);
        if (schema == null) {
            throw new LayerNotFoundException(layer);
        }
        List<Feature> result = new ArrayList<>();
        for (Feature f : rows.get(layer)) {
            if (q.filter() == null || matches(q.filter(), f)) {
                result.add(project(f, q));
            }
        }
        if (!q.sortBy().isEmpty()) {
            Comparator<Feature> c = null;
            for (FeatureQuery.SortKey k : q.sortBy()) {
                @SuppressWarnings({"unchecked", "rawtypes"})
                Comparator<Feature> one = Comparator.comparing(f -> (Comparable) f.get(k.property()),
                        Comparator.nullsLast(Comparator.naturalOrder()));
                one = k.ascending() ? one : one.reversed();
                c = c == null ? one : c.thenComparing(one);
            }
            result.sort(c);
        }
        Iterator<Feature> it = result.stream().skip(q.offset()).limit(q.limit() < 0 ? Long.MAX_VALUE : q.limit()).iterator();
        return new FeatureCursor() {
            @Override
            public void close() {
            }

            @Override
            public boolean hasNext() {
                return it.hasNext();
            }

            @Override
            public Feature next() {
                return it.next();
            }
        };
    }

    private static Feature project(Feature f, FeatureQuery q) {
        Map<String, Object> p = new LinkedHashMap<>(f.properties());
        if (q.properties() != null) {
            p.keySet().removeIf(k -> !q.properties().contains(k));
        }
        return new Feature(f.id(), q.includeGeometry() ? f.geometry() : null, p);
    }

    private static boolean matches(Filter filter, Feature f) {
        if (filter instanceof Filter.Compare c && c.operator() == Filter.ComparisonOperator.EQ) {
            return Objects.equals(f.get(c.property()), c.value());
        }
        if (filter instanceof Filter.And a) {
            return a.operands().stream().allMatch(o -> matches(o, f));
        }
        throw new UnsupportedOperationException("filter not supported by the test store: " + filter);
    }

    @Override
    public long count(String layer, FeatureQuery query) {
        long n = 0;
        try (FeatureCursor c = query(layer, query)) {
            while (c.hasNext()) {
                c.next();
                n++;
            }
        }
        return n;
    }

    @Override
    public synchronized OptionalLong estimatedCount(String layer) {
        List<Feature> l = rows.get(layer);
        return l == null ? OptionalLong.empty() : OptionalLong.of(l.size());
    }

    @Override
    public synchronized Optional<Envelope> extent(String layer) {
        Envelope e = new Envelope();
        rows.getOrDefault(layer, List.of()).forEach(f -> {
            if (f.geometry() != null) {
                e.expandToInclude(f.geometry().getEnvelopeInternal());
            }
        });
        return e.isNull() ? Optional.empty() : Optional.of(e);
    }

    @Override
    public boolean isAvailable() {
        return true;
    }

    @Override
    public void close() {
    }

    /** Rows of a layer (all partitions), for assertions. */
    public synchronized List<Feature> rows(String layer) {
        return List.copyOf(rows.getOrDefault(layer, List.of()));
    }

    private class Writer implements LayerWriter {
        private final LayerSchema schema;
        private final LayerInfo.Source source;
        private final Predicate<Feature> replaced;
        private final List<Feature> staged = new ArrayList<>();
        private boolean done;

        Writer(LayerSchema schema, LayerInfo.Source source, Predicate<Feature> replaced) {
            this.schema = schema;
            this.source = source;
            this.replaced = replaced;
        }

        @Override
        public void write(Feature feature) {
            for (LayerSchema.Attribute a : schema.attributes()) {
                Object v = feature.get(a.name());
                if (v == null && !a.nullable()) {
                    throw new IllegalArgumentException(schema.name() + "." + a.name() + " is null");
                }
                if (v != null && !a.type().javaType().isInstance(v)) {
                    throw new IllegalArgumentException(schema.name() + "." + a.name() + ": " + v.getClass().getSimpleName()
                            + " is not " + a.type());
                }
                if (v instanceof Double d && (d.isNaN() || d.isInfinite())) {
                    throw new IllegalArgumentException(schema.name() + "." + a.name() + " is " + d);
                }
            }
            for (String k : feature.properties().keySet()) {
                if (schema.attribute(k).isEmpty()) {
                    throw new IllegalArgumentException(schema.name() + ": unknown attribute " + k);
                }
            }
            staged.add(feature);
        }

        @Override
        public long written() {
            return staged.size();
        }

        @Override
        public void commit() {
            synchronized (InMemoryFeatureStore.this) {
                LayerSchema existing = schemas.get(schema.name());
                if (existing != null && !existing.equals(schema)) {
                    throw new IllegalArgumentException("schema change on " + schema.name());
                }
                List<Feature> kept = new ArrayList<>(rows.getOrDefault(schema.name(), List.of()));
                kept.removeIf(replaced);
                kept.addAll(staged);
                java.util.Set<String> ids = new java.util.HashSet<>();
                for (Feature f : kept) {
                    if (!ids.add(f.id())) {
                        throw new IllegalArgumentException("duplicate id " + f.id() + " in " + schema.name());
                    }
                }
                schemas.put(schema.name(), schema);
                rows.put(schema.name(), kept);
                infos.put(schema.name(), new LayerInfo(schema.name(), source, kept.size(), Instant.now()));
                done = true;
            }
        }

        @Override
        public void close() {
            if (!done) {
                staged.clear();
            }
        }
    }
}
