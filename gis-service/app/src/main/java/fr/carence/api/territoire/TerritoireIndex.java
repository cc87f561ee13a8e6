package fr.carence.api.territoire;

import fr.carence.store.Feature;
import fr.carence.store.FeatureCursor;
import fr.carence.store.FeatureQuery;
import fr.carence.store.FeatureStore;
import fr.carence.store.LayerInfo;
import java.text.Normalizer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.locationtech.jts.geom.Envelope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The territories a planner can pick (régions, départements, EPCI, communes) with their extent
 * and their communes, built from the store's {@code communes} layer (code, nom, dep, reg, epci,
 * population, geometry) and the names of the administrative lists ({@code regions_insee},
 * {@code departements_insee}, {@code epci}; the {@code regions} / {@code departements} geometry
 * layers as a fallback). A territory exists only when at least one of its communes is loaded,
 * so its extent and its communes always come from the same layer as the map.
 *
 * <p>Built in the background ({@link #refresh()}: at start, then whenever one of those layers has
 * been reloaded, their commit times being the key), one build at a time on one thread. A caller
 * that finds the index missing or out of date waits for the build at most {@code maxWait}; past
 * that it gets the previous index if there is one (consistent, one load behind), else
 * {@link TerritoireIndexNotReadyException} (a French 503). Only the current index is kept: its
 * size follows the communes loaded (national base: figures in docs/web-map.md).
 */
public final class TerritoireIndex implements AutoCloseable {

    /** Kinds of territory, from the largest; the order ranks equally good matches. */
    public enum Type {
        region("région"), departement("département"), epci("intercommunalité"), commune("commune");

        private final String libelle;

        Type(String libelle) {
            this.libelle = libelle;
        }

        public String libelle() {
            return libelle;
        }

        /** The type of a name given by a caller, or empty. */
        public static Optional<Type> of(String name) {
            return Arrays.stream(values()).filter(t -> t.name().equals(name)).findFirst();
        }
    }

    /**
     * One territory as the API answers it.
     *
     * @param type region, departement, epci or commune
     * @param code INSEE code (SIREN for an EPCI)
     * @param nom official name
     * @param libelle what it is, in plain French ("département de l'Aveyron" is not attempted: "département")
     * @param etendue envelope of its loaded communes in Lambert-93 (minx, miny, maxx, maxy)
     * @param population municipal population of its loaded communes
     * @param nbCommunes loaded communes
     */
    public record Territoire(String type, String code, String nom, String libelle, double[] etendue,
                             long population, int nbCommunes) {
    }

    private record Entry(Type type, Territoire territoire, String key, List<String> names, Set<String> communes) {
    }

    private record Snapshot(String version, List<Entry> entries, Map<String, Entry> byKey) {
    }

    /** The build under way (or last started) and the layer version it reads. */
    private record Build(String version, CompletableFuture<Snapshot> result) {
    }

    private static final Logger LOG = LoggerFactory.getLogger(TerritoireIndex.class);
    /** How long a search waits for a build by default before answering from the previous index or 503. */
    public static final Duration DEFAULT_MAX_WAIT = Duration.ofSeconds(10);

    static final String COMMUNES = "communes";
    private static final List<String> COMMUNE_COLUMNS = List.of("code", "nom", "dep", "reg", "epci", "population");
    private static final List<String> NAME_LAYERS = List.of("regions_insee", "regions", "departements_insee", "departements", "epci");
    /** Legal-form prefixes of EPCI names ("CA Rodez Agglomération"): a name is also matched without them. */
    private static final Pattern EPCI_FORM = Pattern.compile(
            "^(ca|cc|cu|metropole|communaute (de communes|d agglomeration|urbaine))( (de|du|des|d|de la|de l))? ");

    private final FeatureStore store;
    private final Duration maxWait;
    private final ScheduledExecutorService builder = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "carence-territoires");
        t.setDaemon(true);
        return t;
    });
    private volatile Snapshot snapshot;
    private Build pending;

    public TerritoireIndex(FeatureStore store) {
        this(store, DEFAULT_MAX_WAIT);
    }

    /** @param maxWait longest time a caller waits for a build under way */
    public TerritoireIndex(FeatureStore store, Duration maxWait) {
        this.store = store;
        this.maxWait = maxWait;
    }

    /**
     * Starts a build in the background when the index is missing or its layers have changed since
     * it was built; returns at once. Called at start and periodically (TerritoireConfiguration).
     */
    public void refresh() {
        String version = version();
        Snapshot s = snapshot;
        if (s == null || !s.version().equals(version)) {
            buildFor(version);
        }
    }

    /**
     * Builds now in the background, then checks every {@code every} whether the layers changed
     * (an upload, the command line or another instance may reload them) and rebuilds if so.
     */
    public void startBackgroundBuilds(Duration every) {
        refresh();
        if (!every.isZero() && !every.isNegative()) {
            builder.scheduleWithFixedDelay(() -> {
                try {
                    refresh();
                } catch (RuntimeException e) {
                    LOG.warn("Index des territoires : couches non lues ({})", e.getMessage());
                }
            }, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /** True when the index is built and follows the layers as they are now. */
    public boolean ready() {
        Snapshot s = snapshot;
        return s != null && s.version().equals(version());
    }

    @Override
    public void close() {
        builder.shutdownNow();
    }

    /** Territories whose name (accents, case and hyphens ignored) or code matches, best first. */
    public List<Territoire> search(String text, int limit) {
        String q = normalize(text);
        if (q.isEmpty()) {
            return List.of();
        }
        String[] tokens = q.split(" ");
        record Hit(Entry e, int score) {
        }
        String code = text.trim();
        List<Hit> hits = new ArrayList<>();
        for (Entry e : current().entries()) {
            int best = Integer.MAX_VALUE;
            if (e.territoire().code().equalsIgnoreCase(code)) {
                best = 0;
            }
            for (String n : e.names()) {
                best = Math.min(best, match(n, q, tokens));
            }
            if (best < Integer.MAX_VALUE) {
                hits.add(new Hit(e, best));
            }
        }
        return hits.stream()
                .sorted(Comparator.comparingInt(Hit::score)
                        .thenComparing(h -> h.e().type())
                        .thenComparing(h -> -h.e().territoire().population())
                        .thenComparing(h -> h.e().territoire().nom()))
                .limit(limit).map(h -> h.e().territoire()).toList();
    }

    /** 1 same name, 2 name starting with the text, 3 every word starting a word of the name, 4 name containing the text. */
    static int match(String name, String q, String[] tokens) {
        if (name.equals(q)) {
            return 1;
        }
        if (name.startsWith(q)) {
            return 2;
        }
        if (everyTokenStartsAWord(name, tokens)) {
            return 3;
        }
        return name.contains(q) ? 4 : Integer.MAX_VALUE;
    }

    /** Names are normalised (words separated by one space): a word starts at 0 or after a space. */
    private static boolean everyTokenStartsAWord(String name, String[] tokens) {
        for (String t : tokens) {
            boolean found = name.startsWith(t);
            for (int at = name.indexOf(t, 1); !found && at > 0; at = name.indexOf(t, at + 1)) {
                found = name.charAt(at - 1) == ' ';
            }
            if (!found) {
                return false;
            }
        }
        return true;
    }

    public Optional<Territoire> get(Type type, String code) {
        return Optional.ofNullable(current().byKey().get(type.name() + ":" + code)).map(Entry::territoire);
    }

    /** The codes of the loaded communes of a territory (empty when unknown). */
    public Set<String> communes(Type type, String code) {
        Entry e = current().byKey().get(type.name() + ":" + code);
        return e == null ? Set.of() : e.communes();
    }

    /** Lower case, no accents, every run of other characters one space ("Saint-Affrique" → "saint affrique"). */
    static String normalize(String s) {
        if (s == null) {
            return "";
        }
        String t = Normalizer.normalize(s.replace("œ", "oe").replace("Œ", "OE").replace("æ", "ae"), Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
        return t.replaceAll("[^a-z0-9]+", " ").trim();
    }

    private Snapshot current() {
        String version = version();
        Snapshot s = snapshot;
        if (s != null && s.version().equals(version)) {
            return s;
        }
        CompletableFuture<Snapshot> build = buildFor(version);
        try {
            return build.get(maxWait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            if (s != null) {
                return s; // the previous layers' index, consistent, until the new one is there
            }
            throw new TerritoireIndexNotReadyException();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r; // e.g. the store unavailable: answered as such
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TerritoireIndexNotReadyException();
        }
    }

    /** The build of this layer version: the one under way, or a new one queued on the builder thread. */
    private synchronized CompletableFuture<Snapshot> buildFor(String version) {
        Build b = pending;
        if (b != null && b.version().equals(version) && !b.result().isCompletedExceptionally()) {
            return b.result();
        }
        CompletableFuture<Snapshot> result = CompletableFuture.supplyAsync(() -> {
            long start = System.nanoTime();
            Snapshot built = build(version);
            snapshot = built; // builds run one after the other in the order asked: the last is the newest
            LOG.info("Index des territoires construit : {} territoires en {} ms", built.entries().size(),
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
            return built;
        }, builder);
        result.whenComplete((x, e) -> {
            if (e != null) {
                LOG.warn("Index des territoires non construit : {}", e.getMessage());
            }
        });
        pending = new Build(version, result);
        return result;
    }

    private String version() {
        StringBuilder v = new StringBuilder();
        for (String layer : concat(COMMUNES, NAME_LAYERS)) {
            v.append(layer).append('=').append(store.info(layer).map(LayerInfo::committedAt).map(Object::toString).orElse("-")).append(';');
        }
        return v.toString();
    }

    private static List<String> concat(String first, List<String> rest) {
        List<String> out = new ArrayList<>(rest.size() + 1);
        out.add(first);
        out.addAll(rest);
        return out;
    }

    private Snapshot build(String version) {
        Map<String, String> regionNames = names("regions_insee", "regions");
        Map<String, String> depNames = names("departements_insee", "departements");
        Map<String, String> epciNames = names("epci", null);
        Map<String, Builder> groups = new LinkedHashMap<>();
        List<Entry> communes = new ArrayList<>();
        Optional<fr.carence.store.LayerSchema> schema = store.schema(COMMUNES);
        if (schema.isPresent()) {
            // Only the columns used (the layer also carries source codes, areas…), geometry for the envelope.
            List<String> columns = COMMUNE_COLUMNS.stream().filter(a -> schema.get().attribute(a).isPresent()).toList();
            try (FeatureCursor c = store.query(COMMUNES, FeatureQuery.all().withProperties(columns))) {
                while (c.hasNext()) {
                    Feature f = c.next();
                    String code = text(f.get("code"));
                    if (code == null || f.geometry() == null || f.geometry().isEmpty()) {
                        continue;
                    }
                    Envelope env = f.geometry().getEnvelopeInternal();
                    long pop = f.get("population") instanceof Number n ? n.longValue() : 0L;
                    String nom = Optional.ofNullable(text(f.get("nom"))).orElse(code);
                    communes.add(entry(Type.commune, code, nom, env, pop, Set.of(code)));
                    add(groups, Type.region, text(f.get("reg")), code, env, pop);
                    add(groups, Type.departement, text(f.get("dep")), code, env, pop);
                    add(groups, Type.epci, text(f.get("epci")), code, env, pop);
                }
            }
        }
        List<Entry> entries = new ArrayList<>();
        groups.values().forEach(b -> {
            Map<String, String> names = switch (b.type) {
                case region -> regionNames;
                case departement -> depNames;
                default -> epciNames;
            };
            String nom = names.getOrDefault(b.code, b.type.libelle() + " " + b.code);
            entries.add(entry(b.type, b.code, nom, b.envelope, b.population, Set.copyOf(b.communes)));
        });
        entries.addAll(communes);
        Map<String, Entry> byKey = new HashMap<>();
        entries.forEach(e -> byKey.put(e.key(), e));
        return new Snapshot(version, List.copyOf(entries), byKey);
    }

    private static Entry entry(Type type, String code, String nom, Envelope env, long population, Set<String> communes) {
        Territoire t = new Territoire(type.name(), code, nom, type.libelle(),
                new double[] {env.getMinX(), env.getMinY(), env.getMaxX(), env.getMaxY()}, population, communes.size());
        Set<String> names = new LinkedHashSet<>();
        String n = normalize(nom);
        names.add(n);
        if (type == Type.epci) {
            names.add(EPCI_FORM.matcher(n).replaceFirst(""));
        }
        return new Entry(type, t, type.name() + ":" + code, List.copyOf(names), communes);
    }

    private static void add(Map<String, Builder> groups, Type type, String code, String commune, Envelope env, long pop) {
        if (code == null) {
            return;
        }
        Builder b = groups.computeIfAbsent(type.name() + ":" + code, k -> new Builder(type, code));
        b.envelope.expandToInclude(env);
        b.population += pop;
        b.communes.add(commune);
    }

    private static final class Builder {
        final Type type;
        final String code;
        final Envelope envelope = new Envelope();
        final Set<String> communes = new LinkedHashSet<>();
        long population;

        Builder(Type type, String code) {
            this.type = type;
            this.code = code;
        }
    }

    /** code → nom of the first of the two layers that is loaded. */
    private Map<String, String> names(String layer, String fallback) {
        for (String l : fallback == null ? List.of(layer) : List.of(layer, fallback)) {
            if (store.schema(l).isPresent()) {
                try (FeatureCursor c = store.query(l, FeatureQuery.all().withoutGeometry())) {
                    List<Feature> rows = new ArrayList<>();
                    c.forEachRemaining(rows::add);
                    Map<String, String> m = rows.stream().filter(f -> text(f.get("code")) != null && text(f.get("nom")) != null)
                            .collect(Collectors.toMap(f -> text(f.get("code")), f -> text(f.get("nom")), (a, b) -> a));
                    if (!m.isEmpty()) {
                        return m;
                    }
                }
            }
        }
        return Map.of();
    }

    private static String text(Object v) {
        return v == null || v.toString().isBlank() ? null : v.toString().trim();
    }
}
