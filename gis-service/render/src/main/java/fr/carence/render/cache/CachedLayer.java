package fr.carence.render.cache;

import fr.carence.crs.CrsTransforms;
import fr.carence.store.Feature;
import fr.carence.store.FeatureStore;
import fr.carence.store.LayerSchema;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.CoordinateSequenceFilter;
import java.util.Set;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.Polygonal;
import org.locationtech.jts.geom.Puntal;
import org.locationtech.jts.geom.util.GeometryFixer;
import org.locationtech.jts.index.strtree.STRtree;
import org.locationtech.jts.simplify.DouglasPeuckerSimplifier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One committed version of a layer held in memory: every feature (geometry in the storage CRS,
 * all attributes) in store order, an STR-tree on their envelopes, and pre-generalised copies of
 * the geometries built on first use per {@link GeneralisationLevels level}, and copies of those
 * projected to a map CRS (e.g. EPSG:3857 for web tiles) built on first use per CRS and level, so a
 * map in another CRS transforms only its bbox, not every stored vertex. Immutable once built,
 * except for the lazily added levels and projections, which are only added while the layer is
 * still cached (their bytes are reserved in the shared budget).
 */
public final class CachedLayer {

    private static final Logger LOG = LoggerFactory.getLogger(CachedLayer.class);

    private final String name;
    private final LayerVersion version;
    private final LayerSchema schema;
    private final List<Feature> features;
    private final STRtree index;
    private final MemoryBudget budget;
    private final long baseBytes;
    private final Geometry[][] levels = new Geometry[GeneralisationLevels.COUNT][];
    /** Projected copies, by {@link #projectionKey}; a null element = the transform failed, done per map. */
    private final Map<Long, Geometry[]> projected = new HashMap<>();
    /** Projections that did not fit in the budget: not retried for this layer version. */
    private final Set<Long> projectionRefused = new HashSet<>();
    /** Projected copies with the polygons their generalisation spoilt repaired ({@link #forEachValid}), by {@link #projectionKey}. */
    private final Map<Long, Geometry[]> validated = new HashMap<>();
    private final Set<Long> validatedRefused = new HashSet<>();
    private long levelBytes;
    private boolean evicted;
    private volatile long lastUsed = System.nanoTime();
    /** Content hashes of partitions, by column then value (see {@link #partitionHash}). */
    private final Map<String, Map<Object, Long>> partitionHashes = new ConcurrentHashMap<>();

    CachedLayer(String name, LayerVersion version, LayerSchema schema, List<Feature> features, long baseBytes,
                MemoryBudget budget) {
        this.name = name;
        this.version = version;
        this.schema = schema;
        this.features = List.copyOf(features);
        this.baseBytes = baseBytes;
        this.budget = budget;
        this.index = new STRtree();
        for (int i = 0; i < this.features.size(); i++) {
            index.insert(this.features.get(i).geometry().getEnvelopeInternal(), i);
        }
        index.build();
    }

    /** Receives each feature in the box: the feature (full geometry) and the geometry to draw. */
    @FunctionalInterface
    public interface Visitor {
        void visit(Feature feature, Geometry drawn);
    }

    public String name() {
        return name;
    }

    /**
     * The schema of the table the features were read from (read just before them), so that a
     * request served from memory need not ask the store for it again.
     */
    public LayerSchema schema() {
        return schema;
    }

    public int size() {
        return features.size();
    }

    /**
     * Visits, in store order, the features whose envelope intersects {@code box} (storage CRS),
     * with the coarsest generalised geometry that keeps every border within a quarter of a pixel
     * of {@code pixelSize} storage units.
     */
    public void forEach(Envelope box, double pixelSize, Visitor visitor) {
        lastUsed = System.nanoTime();
        int[] hits = hits(box);
        Geometry[] drawn = geometriesFor(GeneralisationLevels.forPixelSize(pixelSize));
        for (int i : hits) {
            Feature f = features.get(i);
            visitor.visit(f, drawn == null ? f.geometry() : drawn[i]);
        }
    }

    /**
     * As {@link #forEach(Envelope, double, Visitor)}, but the geometry given to the visitor is in
     * {@code epsg}: the generalised geometry projected once and kept (when the copy fits in the
     * budget; else it is projected for this call only, as an uncached map does). The visitor must
     * not modify it. {@code box} and {@code pixelSize} stay in the storage CRS.
     */
    public void forEach(Envelope box, double pixelSize, int epsg, Visitor visitor) {
        if (epsg == FeatureStore.STORAGE_SRID) {
            forEach(box, pixelSize, visitor);
            return;
        }
        lastUsed = System.nanoTime();
        int[] hits = hits(box);
        int level = builtLevel(GeneralisationLevels.forPixelSize(pixelSize));
        Geometry[] source = level < 0 ? null : levelIfBuilt(level);
        Geometry[] inCrs = projection(epsg, level, source);
        for (int i : hits) {
            Feature f = features.get(i);
            Geometry g = inCrs == null ? null : inCrs[i];
            if (g == null) {
                g = CrsTransforms.transform(source == null ? f.geometry() : source[i], FeatureStore.STORAGE_SRID, epsg);
            }
            visitor.visit(f, g);
        }
    }

    /**
     * As {@link #forEach(Envelope, double, int, Visitor)}, with valid polygons, for encoders that
     * need them (vector tiles): a generalised polygon that the generalisation left invalid (a ring
     * crossing itself or another; Douglas-Peucker runs ring by ring without repair) is repaired by
     * JTS {@link GeometryFixer}, once per level and CRS, and the repaired copy kept with the level
     * (only the repaired geometries take memory). Full-detail geometries are given as loaded (the
     * loaders repair invalid source geometries). When the copy does not fit in the budget, the
     * geometries of this call are checked and repaired one by one.
     */
    public void forEachValid(Envelope box, double pixelSize, int epsg, Visitor visitor) {
        lastUsed = System.nanoTime();
        int[] hits = hits(box);
        int level = builtLevel(GeneralisationLevels.forPixelSize(pixelSize));
        Geometry[] source = level < 0 ? null : levelIfBuilt(level);
        Geometry[] inCrs = epsg == FeatureStore.STORAGE_SRID ? source : projection(epsg, level, source);
        Geometry[] valid = source == null ? null : validated(epsg, level, source, inCrs);
        for (int i : hits) {
            Feature f = features.get(i);
            Geometry g = valid != null ? valid[i] : inCrs != null ? inCrs[i] : null;
            if (g == null) {
                Geometry s = source == null ? f.geometry() : source[i];
                g = epsg == FeatureStore.STORAGE_SRID ? s : CrsTransforms.transform(s, FeatureStore.STORAGE_SRID, epsg);
                if (valid == null && source != null) {
                    g = repaired(g, source[i] != f.geometry());
                }
            }
            visitor.visit(f, g);
        }
    }

    /** The level's geometries in the CRS, repaired where needed (built now), or null when it does not fit. */
    private synchronized Geometry[] validated(int epsg, int level, Geometry[] source, Geometry[] inCrs) {
        long key = projectionKey(epsg, level);
        Geometry[] out = validated.get(key);
        if (out != null || evicted || inCrs == null || validatedRefused.contains(key)) {
            return out;
        }
        long started = System.nanoTime();
        out = new Geometry[inCrs.length];
        long bytes = 16L + 4L * out.length;
        int fixed = 0;
        for (int i = 0; i < out.length; i++) {
            Geometry g = inCrs[i];
            if (g != null) {
                Geometry r = repaired(g, source[i] != features.get(i).geometry());
                if (r != g) {
                    r.getEnvelopeInternal(); // computed now, while no other thread sees the geometry
                    bytes += MemoryFootprint.of(r) + 48;
                    fixed++;
                }
                g = r;
            }
            out[i] = g;
        }
        if (!budget.tryReserve(bytes)) {
            validatedRefused.add(key);
            return null;
        }
        levelBytes += bytes;
        validated.put(key, out);
        LOG.info("Map cache: layer {} checked for valid polygons at {} in EPSG:{} in {} ms ({} repaired)", name,
                GeneralisationLevels.tolerance(level) + " m", epsg, (System.nanoTime() - started) / 1_000_000, fixed);
        return out;
    }

    /** The geometry, or its repair when it is a generalised polygon that is not valid. */
    private static Geometry repaired(Geometry g, boolean generalised) {
        if (!generalised || !(g instanceof Polygonal) || g.isValid()) {
            return g;
        }
        Geometry fixed = GeometryFixer.fix(g);
        fixed.setSRID(g.getSRID()); // the fixer builds with the factory's SRID, not the copy's
        return fixed;
    }

    /** Number of projected copies held (all CRSs and levels), for tests and logs. */
    public synchronized int projectionCount() {
        return projected.size();
    }

    private static long projectionKey(int epsg, int level) {
        return ((long) epsg << 8) | (level + 1);
    }

    /** The level {@link #geometriesFor} draws from (built now if needed), or -1 for full detail. */
    private int builtLevel(int level) {
        for (int l = level; l >= 0; l--) {
            if (levelIfBuilt(l) != null || (l == level && build(l) != null)) {
                return l;
            }
        }
        return -1;
    }

    /** The projected copy of a level (built now if needed), or null when it does not fit in the budget. */
    private synchronized Geometry[] projection(int epsg, int level, Geometry[] source) {
        long key = projectionKey(epsg, level);
        Geometry[] out = projected.get(key);
        if (out != null || evicted || projectionRefused.contains(key)) {
            return out;
        }
        long started = System.nanoTime();
        out = new Geometry[features.size()];
        long bytes = 16L + 4L * out.length;
        for (int i = 0; i < out.length; i++) {
            try {
                Geometry g = CrsTransforms.transform(source == null ? features.get(i).geometry() : source[i],
                        FeatureStore.STORAGE_SRID, epsg);
                g.getEnvelopeInternal(); // computed now, while no other thread sees the geometry
                out[i] = g;
                bytes += MemoryFootprint.of(g) + 48;
            } catch (RuntimeException e) {
                out[i] = null; // left to each map, which fails or not as an uncached map would
            }
        }
        if (!budget.tryReserve(bytes)) {
            projectionRefused.add(key);
            LOG.info("Map cache: layer {} not projected to EPSG:{} (~{} MB do not fit in the budget): maps transform it each time",
                    name, epsg, bytes >> 20);
            return null;
        }
        levelBytes += bytes;
        projected.put(key, out);
        LOG.info("Map cache: layer {} projected to EPSG:{} at {} in {} ms (~{} MB); cache holds ~{} of {} MB", name, epsg,
                level < 0 ? "full detail" : GeneralisationLevels.tolerance(level) + " m",
                (System.nanoTime() - started) / 1_000_000, bytes >> 20, budget.used() >> 20, budget.limit() >> 20);
        return out;
    }

    private int[] hits(Envelope box) {
        List<?> items = index.query(box);
        int[] out = new int[items.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = (Integer) items.get(i);
        }
        Arrays.sort(out); // store order, as an uncached query draws them
        return out;
    }

    /** The geometries of a level (built now if needed), or null for full detail. */
    private Geometry[] geometriesFor(int level) {
        for (int l = level; l >= 0; l--) {
            Geometry[] built = levelIfBuilt(l);
            if (built != null) {
                return built;
            }
            if (l == level) {
                built = build(l);
                if (built != null) {
                    return built;
                }
            }
        }
        return null;
    }

    private synchronized Geometry[] levelIfBuilt(int level) {
        return levels[level];
    }

    /** Builds a level unless it does not fit in the budget (then the next finer level is used). */
    private synchronized Geometry[] build(int level) {
        if (levels[level] != null || evicted) {
            return levels[level];
        }
        double tolerance = GeneralisationLevels.tolerance(level);
        Geometry[] out = new Geometry[features.size()];
        long bytes = 0;
        for (int i = 0; i < out.length; i++) {
            Geometry full = features.get(i).geometry();
            Geometry g = simplify(full, tolerance);
            out[i] = g;
            if (g != full) {
                bytes += MemoryFootprint.of(g);
            }
        }
        bytes += 16L + 4L * out.length;
        if (!budget.tryReserve(bytes)) {
            LOG.info("Map cache: layer {} not generalised at {} m (~{} MB over the budget): finer copies are drawn",
                    name, tolerance, bytes >> 20);
            return null;
        }
        levelBytes += bytes;
        levels[level] = out;
        LOG.info("Map cache: layer {} generalised at {} m (~{} MB); cache holds ~{} of {} MB", name, tolerance,
                bytes >> 20, budget.used() >> 20, budget.limit() >> 20);
        return out;
    }

    /**
     * Douglas-Peucker without the validity repair (a buffer(0) per polygon that would cost more
     * than it saves; a sub-pixel self-intersection does not show). Geometries that collapse or
     * keep all their vertices stay the full one (no copy).
     */
    static Geometry simplify(Geometry full, double tolerance) {
        if (full instanceof Puntal) {
            return full;
        }
        Geometry g;
        if (full instanceof Polygonal) {
            g = simplifyPolygonal(full, tolerance);
        } else {
            DouglasPeuckerSimplifier simplifier = new DouglasPeuckerSimplifier(full);
            simplifier.setDistanceTolerance(tolerance);
            simplifier.setEnsureValid(false);
            g = simplifier.getResultGeometry();
        }
        if (g.isEmpty() || g.getNumPoints() >= full.getNumPoints()) {
            return full;
        }
        return g;
    }

    /**
     * Polygons ring by ring, with the rings JTS's polygon simplifier gives (a shell that collapses
     * drops its polygon, a hole that collapses is dropped): that simplifier also runs isValid() on
     * every result even when told not to repair, which was 60 % of the CPU of building a level.
     */
    private static Geometry simplifyPolygonal(Geometry full, double tolerance) {
        GeometryFactory factory = full.getFactory();
        List<Polygon> out = new ArrayList<>(full.getNumGeometries());
        for (int i = 0; i < full.getNumGeometries(); i++) {
            Polygon p = (Polygon) full.getGeometryN(i);
            LinearRing shell = p.isEmpty() ? null : simplifyRing(p.getExteriorRing(), tolerance);
            if (shell == null) {
                continue;
            }
            List<LinearRing> holes = new ArrayList<>(p.getNumInteriorRing());
            for (int h = 0; h < p.getNumInteriorRing(); h++) {
                LinearRing hole = simplifyRing(p.getInteriorRingN(h), tolerance);
                if (hole != null) {
                    holes.add(hole);
                }
            }
            out.add(factory.createPolygon(shell, holes.toArray(new LinearRing[0])));
        }
        return factory.buildGeometry(out);
    }

    /** The simplified ring, or null when it collapses (fewer than four points, or empty). */
    private static LinearRing simplifyRing(LinearRing ring, double tolerance) {
        DouglasPeuckerSimplifier simplifier = new DouglasPeuckerSimplifier(ring);
        simplifier.setDistanceTolerance(tolerance);
        simplifier.setEnsureValid(false);
        Geometry g = simplifier.getResultGeometry();
        return g instanceof LinearRing r && !r.isEmpty() ? r : null;
    }

    /** The committed version of the layer these features were read from. */
    public LayerVersion version() {
        return version;
    }

    long lastUsed() {
        return lastUsed;
    }

    /** Bytes reserved for this layer (features, index, built levels). */
    synchronized long bytes() {
        return baseBytes + levelBytes;
    }

    /** Gives the layer's bytes back to the budget; no level is added afterwards. */
    synchronized void evict() {
        if (!evicted) {
            evicted = true;
            budget.release(baseBytes + levelBytes);
        }
    }

    /**
     * A 64-bit hash of the content of one partition: every feature whose {@code column} holds
     * {@code value} (id, attributes, geometry coordinates, in store order). The store's registry
     * versions a layer as a whole, so a new run of one scenario changes the version of every
     * scenario of a result layer; this hash lets a cache keep what did not change (tiles of the
     * other scenarios). Computed once per partition and layer version.
     */
    public long partitionHash(String column, Object value) {
        return partitionHashes.computeIfAbsent(column, c -> new ConcurrentHashMap<>())
                .computeIfAbsent(value == null ? NULL_VALUE : value, v -> hashPartition(column, value));
    }

    private static final Object NULL_VALUE = new Object();

    private long hashPartition(String column, Object value) {
        long[] h = {0xcbf29ce484222325L};
        for (Feature f : features) {
            if (!Objects.equals(f.get(column), value)) {
                continue;
            }
            h[0] = mix(h[0], Objects.hashCode(f.id()));
            h[0] = mix(h[0], f.properties().hashCode());
            Geometry g = f.geometry();
            h[0] = mix(h[0], g.getGeometryType().hashCode() * 31L + g.getNumGeometries());
            g.apply(new CoordinateSequenceFilter() {
                @Override
                public void filter(CoordinateSequence seq, int i) {
                    if (i == 0) {
                        h[0] = mix(h[0], seq.size()); // ring and part boundaries
                    }
                    h[0] = mix(h[0], Double.doubleToLongBits(seq.getX(i)));
                    h[0] = mix(h[0], Double.doubleToLongBits(seq.getY(i)));
                }

                @Override
                public boolean isDone() {
                    return false;
                }

                @Override
                public boolean isGeometryChanged() {
                    return false;
                }
            });
        }
        return h[0];
    }

    /** One step of a 64-bit multiply-xorshift mix (SplitMix64's finaliser over the running hash). */
    private static long mix(long h, long v) {
        long z = h ^ (v + 0x9e3779b97f4a7c15L + (h << 6) + (h >>> 2));
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
