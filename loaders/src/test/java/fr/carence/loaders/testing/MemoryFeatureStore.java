package fr.carence.loaders.testing;

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
import fr.carence.store.StoreException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;
import org.locationtech.jts.geom.Envelope;

/**
 * A test-only in-memory {@link FeatureStore} with the replaceLayer contract (staging, commit,
 * abort) and the write checks (types, nullability, unique ids) of the JDBC stores, for the fast
 * loader unit tests. Queries support no filter, bbox or paging: loaders only read whole layers.
 */
public final class MemoryFeatureStore implements FeatureStore {

    private final Map<String, LayerSchema> schemas = new TreeMap<>();
    private final Map<String, List<Feature>> layers = new TreeMap<>();
    private final Map<String, LayerInfo> infos = new TreeMap<>();

    @Override
    public String kind() {
        return "memory";
    }

    @Override
    public synchronized List<String> layerNames() {
        return List.copyOf(layers.keySet());
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
        return new Writer(schema, source);
    }

    @Override
    public LayerWriter replacePartition(LayerSchema schema, String column, Object value, LayerInfo.Source source) {
        throw new UnsupportedOperationException("not used by the loaders");
    }

    @Override
    public LayerTransaction transaction() {
        return new MemoryLayerTransaction(this, this, () -> {
            synchronized (this) {
                Map<String, LayerSchema> s = new TreeMap<>(schemas);
                Map<String, List<Feature>> r = new TreeMap<>(layers);
                Map<String, LayerInfo> i = new TreeMap<>(infos);
                return () -> {
                    synchronized (this) {
                        schemas.clear();
                        schemas.putAll(s);
                        layers.clear();
                        layers.putAll(r);
                        infos.clear();
                        infos.putAll(i);
                    }
                };
            }
        });
    }

    @Override
    public long deletePartition(String layer, String column, Object value) {
        throw new UnsupportedOperationException("not used by the loaders");
    }

    @Override
    public synchronized void dropLayer(String layer) {
        schemas.remove(layer);
        layers.remove(layer);
        infos.remove(layer);
    }

    @Override
    public synchronized FeatureCursor query(String layer, FeatureQuery query) {
        List<Feature> features = layers.get(layer);
        if (features == null) {
            throw new LayerNotFoundException(layer);
        }
        if (query.bbox() != null || query.filter() != null || query.offset() > 0 || query.limit() >= 0) {
            throw new UnsupportedOperationException("the memory store only reads whole layers");
        }
        Iterator<Feature> it = List.copyOf(features).iterator();
        return new FeatureCursor() {
            @Override
            public boolean hasNext() {
                return it.hasNext();
            }

            @Override
            public Feature next() {
                return it.next();
            }

            @Override
            public void close() {
            }
        };
    }

    @Override
    public synchronized long count(String layer, FeatureQuery query) {
        List<Feature> features = layers.get(layer);
        if (features == null) {
            throw new LayerNotFoundException(layer);
        }
        return features.size();
    }

    @Override
    public OptionalLong estimatedCount(String layer) {
        return OptionalLong.of(count(layer, FeatureQuery.all()));
    }

    @Override
    public synchronized Optional<Envelope> extent(String layer) {
        Envelope env = new Envelope();
        layers.getOrDefault(layer, List.of()).forEach(f -> {
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

    private synchronized void publish(LayerSchema schema, List<Feature> features, LayerInfo.Source source) {
        schemas.put(schema.name(), schema);
        layers.put(schema.name(), List.copyOf(features));
        infos.put(schema.name(), new LayerInfo(schema.name(), source, features.size(), Instant.now()));
    }

    private final class Writer implements LayerWriter {
        private final LayerSchema schema;
        private final LayerInfo.Source source;
        private final Map<String, Feature> staged = new LinkedHashMap<>();
        private boolean done;

        Writer(LayerSchema schema, LayerInfo.Source source) {
            this.schema = schema;
            this.source = source;
        }

        @Override
        public void write(Feature feature) {
            if (done) {
                throw new IllegalStateException("writer closed");
            }
            for (LayerSchema.Attribute a : schema.attributes()) {
                Object v = feature.properties().get(a.name());
                if (v == null && !a.nullable()) {
                    throw new StoreException("layer " + schema.name() + ": null value for required attribute " + a.name());
                }
                if (v != null && !a.type().javaType().isInstance(v)) {
                    throw new StoreException("layer " + schema.name() + ": attribute " + a.name() + " expects "
                            + a.type() + ", got " + v.getClass().getSimpleName());
                }
            }
            if (!feature.id().equals(String.valueOf(feature.properties().get(schema.idAttribute())))) {
                throw new StoreException("feature id differs from its id attribute");
            }
            if (schema.hasGeometry() && feature.geometry() != null && feature.geometry().getSRID() != STORAGE_SRID) {
                throw new StoreException("geometry SRID " + feature.geometry().getSRID() + " instead of " + STORAGE_SRID);
            }
            if (staged.putIfAbsent(feature.id(), feature) != null) {
                throw new StoreException("layer " + schema.name() + ": duplicate id " + feature.id());
            }
        }

        @Override
        public long written() {
            return staged.size();
        }

        @Override
        public void commit() {
            if (done) {
                throw new IllegalStateException("writer closed");
            }
            publish(schema, new ArrayList<>(staged.values()), source);
            done = true;
        }

        @Override
        public void close() {
            done = true;
            staged.clear();
        }
    }
}
