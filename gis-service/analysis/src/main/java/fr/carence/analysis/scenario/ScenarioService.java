package fr.carence.analysis.scenario;

import fr.carence.analysis.MethodVersion;
import fr.carence.analysis.ProgressListener;
import fr.carence.analysis.param.InvalidParameterException;
import fr.carence.analysis.param.ParameterCatalog;
import fr.carence.analysis.param.ParameterSpec;
import fr.carence.analysis.param.ScenarioParameters;
import fr.carence.analysis.result.ResultColumns;
import fr.carence.analysis.store.InputVersion;
import fr.carence.analysis.store.MissingLayerException;
import fr.carence.analysis.store.ResultLayers;
import fr.carence.analysis.store.ScenarioRunner;
import fr.carence.store.Feature;
import fr.carence.store.FeatureCursor;
import fr.carence.store.FeatureQuery;
import fr.carence.store.FeatureStore;
import fr.carence.store.LayerInfo;
import fr.carence.store.ScenarioIds;
import fr.carence.store.StoreException;
import fr.carence.store.StoreUnavailableException;
import fr.carence.store.filter.Filter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Scenario lifecycle: submission (validated), asynchronous runs on a small bounded executor with
 * progress, listing, comparison and deletion. Independent of HTTP; the REST controller and the
 * application's first-start hook call it.
 *
 * <p>One instance keeps its queue in memory. Several instances on one PostgreSQL database share
 * a {@link DatabaseRunQueue}: a submission becomes a row there, each instance's workers claim
 * rows (their own or another instance's), renew the claim's lease while running, and a run whose
 * instance died is taken over once its lease expires (run again from the start, at most
 * {@link #MAX_ATTEMPTS} times in all, then marked {@code echec}).
 */
public class ScenarioService implements AutoCloseable {
    public static final int DEFAULT_ROBUSTNESS_DRAWS = 100;
    private static final Logger LOG = LoggerFactory.getLogger(ScenarioService.class);
    /** Runs of one scenario started in all (the first and one take-over) before it is marked failed. */
    static final int MAX_ATTEMPTS = 2;
    /** Paths of the API under /api/scenarios/ that a scenario id would hide. */
    private static final Set<String> RESERVED_IDS = Set.of("parameters", "colonnes");

    private final FeatureStore store;
    private final ScenarioTable table;
    private final ScenarioRunner runner;
    private final ThreadPoolExecutor executor;
    private final int queueCapacity;
    private final Map<String, ScenarioRecord> active = new ConcurrentHashMap<>();
    /** Recomputations queued or running on this instance (their record is also in {@link #recalculs}). */
    private final Map<String, RecalculJob> activeRecalculs = new ConcurrentHashMap<>();
    private final RecalculTable recalculs;
    /**
     * Failed runs whose record could not be written because the database was down: still shown
     * by {@link #get}/{@link #list}, and written as soon as the database answers again.
     */
    private final Map<String, ScenarioRecord> unsaved = new ConcurrentHashMap<>();
    /** Shared queue (several instances), or null: the in-memory executor above. */
    private final DatabaseRunQueue queue;
    /** Cluster mode: renews the leases of this instance's runs. */
    private final ScheduledExecutorService leases;
    /**
     * Cluster mode: runs this instance was running whose claim another instance took (stop them);
     * recomputations under {@link #RECALCUL_KEY} + id.
     */
    private final Set<String> lost = ConcurrentHashMap.newKeySet();
    /** Prefix of a recomputation in {@link #lost} (a colon: never in a scenario id). */
    private static final String RECALCUL_KEY = "recalcul:";
    private volatile boolean closed;

    /**
     * @param workers concurrent runs (1–2 on a 2-core machine: a run is already parallel inside)
     * @param queueCapacity queued runs beyond which submissions are refused
     * @param matricesDir directory of travel-time matrices, or null
     */
    public ScenarioService(FeatureStore store, int workers, int queueCapacity, Path matricesDir) {
        this(store, workers, queueCapacity, matricesDir, null);
    }

    /**
     * @param queue the queue shared with other instances on the same database, or null for the
     *              in-memory queue of a single instance
     */
    public ScenarioService(FeatureStore store, int workers, int queueCapacity, Path matricesDir, DatabaseRunQueue queue) {
        this.store = store;
        this.queue = queue;
        this.table = new ScenarioTable(store);
        this.recalculs = new RecalculTable(store);
        this.runner = new ScenarioRunner(store, matricesDir);
        this.queueCapacity = queueCapacity;
        this.executor = new ThreadPoolExecutor(workers, workers, 0, TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(queueCapacity), r -> {
                    Thread t = new Thread(r, "scenario-run");
                    t.setDaemon(true);
                    return t;
                });
        upgradeTable();
        markInterruptedRuns();
        markInterruptedRecalculs();
        dropOutdatedResults();
        pinScenarioInputs();
        if (queue == null) {
            this.leases = null;
        } else {
            this.leases = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "scenario-lease");
                t.setDaemon(true);
                return t;
            });
            long every = Math.max(500, queue.lease().toMillis() / 3);
            leases.scheduleWithFixedDelay(this::renewLeases, every, every, TimeUnit.MILLISECONDS);
            for (int i = 0; i < workers; i++) {
                executor.execute(this::claimLoop);
            }
        }
    }

    /** Parameter catalogue (defaults, bounds, units, sources). */
    public List<ParameterSpec> parameters() {
        return ParameterCatalog.specs();
    }

    /** Published columns of the result layers, per layer (label, unit, definition, source). */
    public Map<String, List<ResultColumns.ColumnDescription>> columns() {
        return ResultColumns.descriptions();
    }

    /**
     * Validates and queues a run. A finished scenario with the same id is recomputed (its result
     * partitions are replaced when the new run commits).
     *
     * @param id requested id, or null to derive one
     * @throws InvalidParameterException naming the offending parameter (or "id"/"nom")
     * @throws ScenarioConflictException when that scenario is already queued or running
     * @throws ScenarioQueueFullException when the queue is full
     */
    public synchronized ScenarioRecord submit(String id, String nom, Map<String, ?> parametres) {
        return submit(id, nom, parametres, null);
    }

    /**
     * Same as {@link #submit(String, String, Map)}, recording who launched the run.
     *
     * @param auteur the caller's login, kept in the record; null when the server starts the run itself
     */
    public synchronized ScenarioRecord submit(String id, String nom, Map<String, ?> parametres, String auteur) {
        String scenarioId = id == null || id.isBlank() ? newId() : id;
        if (!ScenarioIds.isValid(scenarioId)) {
            throw new InvalidParameterException("id", "id de scénario invalide '" + scenarioId + "' : " + ScenarioIds.RULE);
        }
        if (RESERVED_IDS.contains(scenarioId)) {
            throw new InvalidParameterException("id", "id de scénario réservé '" + scenarioId
                    + "' : c'est une adresse de l'API, choisissez un autre id");
        }
        String name = nom == null || nom.isBlank() ? scenarioId : nom.strip();
        if (name.length() > 200) {
            throw new InvalidParameterException("nom", "nom trop long (200 caractères au plus)");
        }
        ScenarioParameters p = ParameterCatalog.validate(parametres == null ? Map.of() : parametres);
        runner.travelTimes(p); // a missing or malformed matrix is a submission error, not a failed run
        if (active.containsKey(scenarioId)) {
            throw new ScenarioConflictException("le scénario '" + scenarioId + "' est déjà en cours de calcul");
        }
        flushUnsaved();
        unsaved.remove(scenarioId); // superseded by this run
        ScenarioRecord queued = new ScenarioRecord(scenarioId, name, p.asMap(), ScenarioRecord.EN_ATTENTE, 0, null, null,
                Instant.now(), null, null, null, null, null, null, auteur, null, null, null);
        if (queue != null) {
            return enqueueShared(queued);
        }
        active.put(scenarioId, queued);
        try {
            executor.execute(() -> execute(queued, p));
        } catch (RejectedExecutionException e) {
            active.remove(scenarioId);
            throw new ScenarioQueueFullException(queueCapacity);
        }
        return queued;
    }

    /** Runs the default scenario when it has never finished (first start of the application). */
    public Optional<ScenarioRecord> ensureDefault() {
        Optional<ScenarioRecord> existing = get(ScenarioIds.DEFAULT_ID);
        if (existing.isPresent() && (existing.get().active() || ScenarioRecord.TERMINE.equals(existing.get().statut()))) {
            return Optional.empty();
        }
        try {
            // the default scenario carries the robustness analysis (docs/analysis.md)
            return Optional.of(submit(ScenarioIds.DEFAULT_ID, "Scénario par défaut", Map.of(ParameterCatalog.TIRAGES_ROBUSTESSE,
                    DEFAULT_ROBUSTNESS_DRAWS)));
        } catch (ScenarioConflictException e) {
            return get(ScenarioIds.DEFAULT_ID); // another instance sharing the database queued it meanwhile
        }
    }

    public List<ScenarioRecord> list() {
        flushUnsaved();
        Map<String, ScenarioRecord> byId = new LinkedHashMap<>();
        Map<String, Optional<LayerInfo>> current = new HashMap<>();
        table.all().forEach(r -> byId.put(r.id(), withInputCheck(r, current)));
        byId.putAll(unsaved);
        if (queue != null) {
            queue.all().forEach(e -> byId.put(e.id(), e.record()));
        }
        byId.putAll(active);
        List<ScenarioRecord> out = new ArrayList<>(byId.values());
        out.sort(Comparator.comparing(ScenarioRecord::createdAt, Comparator.nullsLast(Comparator.naturalOrder())));
        return out;
    }

    public Optional<ScenarioRecord> get(String id) {
        ScenarioRecord a = active.get(id);
        if (a != null) {
            return Optional.of(a);
        }
        if (queue != null) {
            Optional<DatabaseRunQueue.Entry> shared = queue.get(id);
            if (shared.isPresent()) {
                return Optional.of(shared.get().record());
            }
        }
        // A failure kept while the database was away (list() writes it once it is back).
        ScenarioRecord failed = unsaved.get(id);
        return failed != null ? Optional.of(failed) : table.get(id).map(r -> withInputCheck(r, new HashMap<>()));
    }

    /**
     * Marks a finished record whose input layers were republished since its run
     * ({@code entreesModifiees}); {@code current} caches the layers' current versions.
     */
    private ScenarioRecord withInputCheck(ScenarioRecord r, Map<String, Optional<LayerInfo>> current) {
        if (r.provenance() == null) {
            return r;
        }
        List<String> changed = new ArrayList<>();
        for (InputVersion v : r.provenance()) {
            Optional<LayerInfo> now = current.computeIfAbsent(v.couche(), store::info);
            if (now.isEmpty() || !v.sameAs(now.get())) {
                changed.add(v.couche());
            }
        }
        return r.withInputsChanged(changed);
    }

    /**
     * Recomputes a finished scenario on exactly the input versions it recorded (kept by the store
     * when layers are reloaded), publishing nothing, and compares with its published results.
     *
     * @throws ScenarioConflictException when it is not finished, has no recorded provenance, or
     *         one of its input versions is no longer kept
     */
    public Recalcul recompute(String id) {
        return recompute(id, ProgressListener.NONE);
    }

    private ScenarioRecord recomputable(String id) {
        ScenarioRecord r = finished(id);
        if (r.provenance() == null) {
            throw new ScenarioConflictException("le scénario '" + id + "' a été calculé avant l'enregistrement de sa "
                    + "provenance : ses entrées exactes sont inconnues, relancez-le");
        }
        return r;
    }

    private Recalcul recompute(String id, ProgressListener progress) {
        ScenarioRecord r = recomputable(id);
        ScenarioParameters p = ParameterCatalog.validate(r.parametres());
        Map<String, List<Feature>> recomputed;
        try {
            recomputed = runner.recompute(id, p, r.provenance(), (f, step) -> progress.progress(0.9 * f, step));
        } catch (MissingLayerException e) {
            throw new ScenarioConflictException(e.getMessage());
        }
        progress.progress(0.9, "comparaison");
        java.util.SortedMap<String, java.util.SortedSet<String>> columns = new java.util.TreeMap<>();
        List<Recalcul.Difference> differences = new ArrayList<>();
        int[] count = new int[2];  // features compared, differences
        for (Map.Entry<String, List<Feature>> e : recomputed.entrySet()) {
            Map<String, Feature> published = new LinkedHashMap<>();
            if (store.schema(e.getKey()).isPresent()) {
                try (FeatureCursor c = store.query(e.getKey(), FeatureQuery.all().withFilter(
                        new Filter.Compare(ResultLayers.PARTITION, Filter.ComparisonOperator.EQ, id)))) {
                    while (c.hasNext()) {
                        Feature f = c.next();
                        published.put(f.id(), f);
                    }
                }
            }
            for (Feature now : e.getValue()) {
                count[0]++;
                Feature before = published.remove(now.id());
                if (before == null) {
                    difference(differences, count, columns, new Recalcul.Difference(e.getKey(), now.id(), "(entité)", null, "présente"));
                    continue;
                }
                for (Map.Entry<String, Object> v : now.properties().entrySet()) {
                    if (!sameValue(before.get(v.getKey()), v.getValue())) {
                        difference(differences, count, columns, new Recalcul.Difference(e.getKey(), now.id(), v.getKey(),
                                String.valueOf(before.get(v.getKey())), String.valueOf(v.getValue())));
                    }
                }
                if (!sameGeometry(before.geometry(), now.geometry())) {
                    difference(differences, count, columns, new Recalcul.Difference(e.getKey(), now.id(), "geom", "…", "…"));
                }
            }
            for (String missing : published.keySet()) {
                difference(differences, count, columns, new Recalcul.Difference(e.getKey(), missing, "(entité)", "présente", null));
            }
        }
        Map<String, List<String>> differing = new LinkedHashMap<>();
        columns.forEach((layer, cols) -> differing.put(layer, List.copyOf(cols)));
        return new Recalcul(id, count[1] == 0, count[0], count[1], differing, differences, r.provenance(),
                r.versionMethode(), MethodVersion.current());
    }

    /**
     * Queues the recomputation of a finished scenario ({@link #recompute(String)}) as a job, like
     * a run: on this instance's executor, or in the shared queue with several instances. Its state
     * and, once done, its result are read with {@link #recomputation}.
     *
     * @param auteur login of whoever asks for it
     * @throws ScenarioNotFoundException when the scenario does not exist
     * @throws ScenarioConflictException when it is not finished, has no recorded provenance, or a
     *         recomputation of it is already queued or running
     * @throws ScenarioQueueFullException when the queue is full
     */
    public synchronized RecalculJob submitRecompute(String id, String auteur) {
        ScenarioRecord r = recomputable(id);
        if (activeRecalculs.containsKey(id)
                || (queue != null && queue.get(id, DatabaseRunQueue.RECALCUL).isPresent())) {
            throw new ScenarioConflictException("un recalcul du scénario '" + id + "' est déjà en cours");
        }
        RecalculJob queued = RecalculJob.queued(id, auteur, Instant.now());
        if (queue != null) {
            if (queue.waiting() >= queueCapacity) {
                throw new ScenarioQueueFullException(queueCapacity);
            }
            ScenarioRecord job = new ScenarioRecord(id, r.nom(), r.parametres(), ScenarioRecord.EN_ATTENTE, 0, null, null,
                    queued.demandeLe(), null, null, null, null, null, null, auteur, null, null, null);
            recalculs.save(queued); // before the queue row: a worker may take it at once
            if (!queue.enqueue(job, DatabaseRunQueue.RECALCUL)) {
                throw new ScenarioConflictException("un recalcul du scénario '" + id + "' est déjà en cours");
            }
            synchronized (queue) {
                queue.notifyAll();
            }
            return queued;
        }
        activeRecalculs.put(id, queued);
        try {
            executor.execute(() -> executeRecompute(queued));
        } catch (RejectedExecutionException e) {
            activeRecalculs.remove(id);
            throw new ScenarioQueueFullException(queueCapacity);
        }
        return queued;
    }

    /** The scenario's last recomputation (queued, running, or ended with its result); empty when there was none. */
    public Optional<RecalculJob> recomputation(String id) {
        RecalculJob local = activeRecalculs.get(id);
        if (local != null) {
            return Optional.of(local);
        }
        if (queue != null) {
            Optional<DatabaseRunQueue.Entry> shared = queue.get(id, DatabaseRunQueue.RECALCUL);
            if (shared.isPresent()) {
                DatabaseRunQueue.Entry e = shared.get();
                return Optional.of(new RecalculJob(id, e.statut(), e.progression(), e.etape(), null, e.createdAt(),
                        e.startedAt(), null, e.auteur(), null));
            }
        }
        return recalculs.get(id);
    }

    /** Waits for a queued or running recomputation (tests); false on timeout. */
    public boolean awaitRecompute(String id, long timeoutMillis) throws InterruptedException {
        long end = System.currentTimeMillis() + timeoutMillis;
        while (recomputation(id).map(RecalculJob::active).orElse(false)) {
            if (System.currentTimeMillis() > end) {
                return false;
            }
            Thread.sleep(queue == null ? 50 : 250);
        }
        return true;
    }

    /** Runs a recomputation on this instance; its end (result or French reason) is recorded in {@link #recalculs}. */
    private void executeRecompute(RecalculJob queued) {
        String id = queued.scenario();
        activeRecalculs.put(id, queued.progressed(0, "lecture des versions conservées"));
        RecalculJob last = activeRecalculs.get(id);
        saveQuietly(last);
        RecalculJob end;
        try {
            Recalcul r = recompute(id, (fraction, step) -> {
                if (lost.contains(RECALCUL_KEY + id)) {
                    throw new ClaimLostException(id);
                }
                activeRecalculs.computeIfPresent(id, (k, j) -> j.progressed(fraction, step));
            });
            end = activeRecalculs.getOrDefault(id, queued).finished(r);
            LOG.info("scenario {} recomputed: {}", id, r.identique() ? "identical" : r.nbDifferences() + " differences");
        } catch (ClaimLostException e) {
            LOG.warn("scenario {}: recomputation stopped, another instance runs it now", id);
            lost.remove(RECALCUL_KEY + id);
            activeRecalculs.remove(id);
            return;
        } catch (RuntimeException e) {
            LOG.warn("scenario {}: recomputation failed", id, e);
            end = activeRecalculs.getOrDefault(id, queued).failed(userMessage(e));
        }
        try {
            saveQuietly(end);
            if (queue != null) {
                try {
                    queue.finish(id, DatabaseRunQueue.RECALCUL);
                } catch (RuntimeException e) {
                    LOG.warn("scenario {}: cannot leave the queue after its recomputation: {}", id, e.getMessage());
                }
            }
        } finally {
            activeRecalculs.remove(id);
        }
    }

    private void saveQuietly(RecalculJob j) {
        try {
            recalculs.save(j);
        } catch (RuntimeException e) {
            LOG.warn("cannot record the recomputation of scenario {} ({}): {}", j.scenario(), j.statut(), e.getMessage());
        }
    }

    /** Recomputations left queued or running by a previous process (one instance): they will never end. */
    private void markInterruptedRecalculs() {
        if (queue != null) {
            return; // the shared queue's rows are taken over, as runs are
        }
        try {
            for (ScenarioRecord r : table.all()) {
                recalculs.get(r.id()).filter(RecalculJob::active).ifPresent(j ->
                        recalculs.save(j.failed("recalcul interrompu par un redémarrage du serveur ; le redemander")));
            }
        } catch (RuntimeException e) {
            LOG.warn("cannot check interrupted recomputations", e);
        }
    }

    private static void difference(List<Recalcul.Difference> listed, int[] count,
                                   Map<String, java.util.SortedSet<String>> columns, Recalcul.Difference d) {
        count[1]++;
        columns.computeIfAbsent(d.couche(), k -> new java.util.TreeSet<>()).add(d.colonne());
        if (listed.size() < Recalcul.LISTED) {
            listed.add(d);
        }
    }

    /** Equal values; numbers compared exactly (same inputs, same code: same bits), whatever their boxing. */
    private static boolean sameValue(Object a, Object b) {
        if (a instanceof Number x && b instanceof Number y) {
            return Double.compare(x.doubleValue(), y.doubleValue()) == 0;
        }
        return java.util.Objects.equals(a, b);
    }

    /** Same coordinates in the same order (the store keeps them exactly). */
    private static boolean sameGeometry(org.locationtech.jts.geom.Geometry a, org.locationtech.jts.geom.Geometry b) {
        if (a == null || b == null) {
            return a == b;
        }
        return a.equalsExact(b);
    }

    /** Waits for a queued or running scenario (tests and first start); false on timeout. */
    public boolean await(String id, long timeoutMillis) throws InterruptedException {
        long end = System.currentTimeMillis() + timeoutMillis;
        while (active.containsKey(id) || (queue != null && queue.get(id).isPresent())) {
            if (System.currentTimeMillis() > end) {
                return false;
            }
            Thread.sleep(queue == null ? 50 : 250);
        }
        return true;
    }

    /** Drops the scenario's result partitions and its row. */
    public synchronized void delete(String id) {
        if (active.containsKey(id) || (queue != null && queue.get(id).isPresent())) {
            throw new ScenarioConflictException("le scénario '" + id + "' est en cours de calcul : attendre sa fin");
        }
        flushUnsaved();
        if (table.get(id).isEmpty() && unsaved.remove(id) == null) {
            throw new ScenarioNotFoundException(id);
        }
        if (activeRecalculs.containsKey(id) || (queue != null && queue.get(id, DatabaseRunQueue.RECALCUL).isPresent())) {
            throw new ScenarioConflictException("le scénario '" + id + "' est en cours de recalcul : attendre sa fin");
        }
        for (String layer : ResultLayers.RESULT_LAYERS) {
            if (store.schema(layer).isPresent()) {
                store.deletePartition(layer, ResultLayers.PARTITION, id);
            }
        }
        recalculs.delete(id);
        table.delete(id);
        unpinQuietly(id); // its inputs' earlier versions may now be purged
    }

    public ScenarioComparison compare(String reference, String other) {
        ScenarioRecord a = finished(reference);
        ScenarioRecord b = finished(other);
        Map<String, Object[]> ra = indicators(a.id());
        Map<String, Object[]> rb = indicators(b.id());
        List<ScenarioComparison.CommuneRef> entering = new ArrayList<>();
        List<ScenarioComparison.CommuneRef> leaving = new ArrayList<>();
        for (Map.Entry<String, Object[]> e : rb.entrySet()) {
            Object[] va = ra.get(e.getKey());
            boolean inA = va != null && (Boolean) va[1];
            if ((Boolean) e.getValue()[1] && !inA) {
                entering.add(ref(e.getKey(), e.getValue()));
            }
        }
        for (Map.Entry<String, Object[]> e : ra.entrySet()) {
            Object[] vb = rb.get(e.getKey());
            boolean inB = vb != null && (Boolean) vb[1];
            if ((Boolean) e.getValue()[1] && !inB) {
                leaving.add(ref(e.getKey(), e.getValue()));
            }
        }
        entering.sort(Comparator.comparing(ScenarioComparison.CommuneRef::code));
        leaving.sort(Comparator.comparing(ScenarioComparison.CommuneRef::code));
        return new ScenarioComparison(a.id(), b.id(), entering, leaving, count(ra), count(rb), carenceDemand(ra),
                carenceDemand(rb), coveredDemand(ra), coveredDemand(rb));
    }

    @Override
    public void close() {
        closed = true;
        if (leases != null) {
            leases.shutdownNow();
        }
        executor.shutdownNow();
    }

    // ------------------------------------------------------------ shared queue (several instances)

    private ScenarioRecord enqueueShared(ScenarioRecord queued) {
        if (queue.waiting() >= queueCapacity) {
            throw new ScenarioQueueFullException(queueCapacity);
        }
        if (!queue.enqueue(queued)) {
            throw new ScenarioConflictException("le scénario '" + queued.id() + "' est déjà en cours de calcul");
        }
        synchronized (queue) {
            queue.notifyAll(); // a local worker takes it at once if it is idle
        }
        return queue.get(queued.id()).map(DatabaseRunQueue.Entry::record).orElse(queued);
    }

    /** A worker of this instance: claims waiting or abandoned runs from the shared queue, one at a time. */
    private void claimLoop() {
        while (!closed && !Thread.currentThread().isInterrupted()) {
            Optional<DatabaseRunQueue.Entry> claimed;
            try {
                claimed = queue.claim();
            } catch (RuntimeException e) {
                LOG.warn("cannot read the scenario queue: {}", e.getMessage());
                claimed = Optional.empty();
            }
            if (claimed.isPresent()) {
                runClaimed(claimed.get());
                continue;
            }
            synchronized (queue) {
                try {
                    queue.wait(queue.poll().toMillis());
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }

    private void runClaimed(DatabaseRunQueue.Entry e) {
        if (DatabaseRunQueue.RECALCUL.equals(e.travail())) {
            runClaimedRecompute(e);
            return;
        }
        ScenarioRecord queued = new ScenarioRecord(e.id(), e.nom(), e.parametres(), ScenarioRecord.EN_ATTENTE, 0, null,
                null, e.createdAt(), null, null, null, null, null, null, e.auteur(), null, null, null);
        if (e.attempts() > 1) {
            LOG.warn("scenario {}: taking over a run abandoned by instance {} (attempt {})", e.id(), e.instance(), e.attempts());
        }
        if (e.attempts() > MAX_ATTEMPTS) {
            Instant now = Instant.now();
            saveQuietly(new ScenarioRecord(e.id(), e.nom(), e.parametres(), ScenarioRecord.ECHEC, e.progression(),
                    e.etape(), "calcul interrompu " + MAX_ATTEMPTS + " fois par l'arrêt de l'instance qui le menait : "
                    + "abandonné, rien n'a été publié ; relancer le scénario", e.createdAt(), null, now, null, null,
                    null, null, e.auteur(), null, null, null));
            finishQuietly(e.id());
            return;
        }
        ScenarioParameters p;
        try {
            p = ParameterCatalog.validate(e.parametres());
        } catch (RuntimeException invalid) {
            Instant now = Instant.now();
            saveQuietly(new ScenarioRecord(e.id(), e.nom(), e.parametres(), ScenarioRecord.ECHEC, 0, null,
                    "paramètres refusés à la reprise : " + invalid.getMessage(), e.createdAt(), null, now, null, null,
                    null, null, e.auteur(), null, null, null));
            finishQuietly(e.id());
            return;
        }
        active.put(e.id(), queued);
        execute(queued, p);
    }

    private void runClaimedRecompute(DatabaseRunQueue.Entry e) {
        RecalculJob queued = recalculs.get(e.id()).filter(RecalculJob::active)
                .orElse(RecalculJob.queued(e.id(), e.auteur(), e.createdAt()));
        if (e.attempts() > MAX_ATTEMPTS) {
            saveQuietly(queued.failed("recalcul interrompu " + MAX_ATTEMPTS + " fois par l'arrêt de l'instance qui le "
                    + "menait : abandonné ; le redemander"));
            try {
                queue.finish(e.id(), DatabaseRunQueue.RECALCUL);
            } catch (RuntimeException failure) {
                LOG.warn("scenario {}: cannot leave the queue: {}", e.id(), failure.getMessage());
            }
            return;
        }
        executeRecompute(queued);
    }

    /** Renews the lease of every run this instance is computing; a run whose claim was taken is stopped. */
    private void renewLeases() {
        for (RecalculJob j : activeRecalculs.values()) {
            try {
                if (!queue.renew(j.scenario(), DatabaseRunQueue.RECALCUL, j.progression(), j.etape())) {
                    lost.add(RECALCUL_KEY + j.scenario());
                }
            } catch (RuntimeException e) {
                LOG.warn("scenario {}: cannot renew the lease of its recomputation: {}", j.scenario(), e.getMessage());
            }
        }
        for (ScenarioRecord r : active.values()) {
            try {
                if (!queue.renew(r.id(), DatabaseRunQueue.CALCUL, r.progression(), r.etape())) {
                    LOG.warn("scenario {}: this instance lost its claim (lease expired, another instance took the run)", r.id());
                    lost.add(r.id());
                }
            } catch (RuntimeException e) {
                LOG.warn("scenario {}: cannot renew the lease: {}", r.id(), e.getMessage());
            }
        }
    }

    private void finishQuietly(String id) {
        try {
            queue.finish(id, DatabaseRunQueue.CALCUL);
        } catch (RuntimeException e) {
            // The row stays; its lease expires and another instance finds the final record or runs it again.
            LOG.warn("scenario {}: cannot leave the queue: {}", id, e.getMessage());
        }
    }

    /** Thrown from a run's progress callback when another instance has taken the run over. */
    private static final class ClaimLostException extends RuntimeException {
        ClaimLostException(String id) {
            super("le calcul du scénario '" + id + "' a été repris par une autre instance");
        }
    }

    private void execute(ScenarioRecord queued, ScenarioParameters p) {
        String id = queued.id();
        Instant started = Instant.now();
        ScenarioRecord running = new ScenarioRecord(id, queued.nom(), queued.parametres(), ScenarioRecord.EN_COURS, 0,
                "lecture", null, queued.createdAt(), started, null, null, null, null, null, queued.auteur(), null, null, null);
        active.put(id, running);
        try {
            saveQuietly(running);
            // The "terminé" record and the pins on the input versions it read are published in the
            // same transaction as the result layers: no purge can take a version in between.
            ScenarioRunner.Summary s = runner.run(id, p, (fraction, step) -> {
                if (lost.contains(id)) {
                    throw new ClaimLostException(id);
                }
                active.computeIfPresent(id, (k, r) -> r.withProgress(ScenarioRecord.EN_COURS, fraction, step));
            },
                    (tx, summary) -> {
                        table.stage(tx, finishedRecord(queued, started, summary));
                        tx.pinVersions(pinHolder(id), versions(summary.provenance()));
                    });
            LOG.info("scenario {} finished in {} ms: {} communes in carence, {} zones", id,
                    Instant.now().toEpochMilli() - started.toEpochMilli(), s.carenceCommunes(), s.zones());
            if (queue != null) {
                finishQuietly(id);
            }
        } catch (ClaimLostException e) {
            LOG.warn("scenario {}: stopped, another instance runs it now", id);
        } catch (RuntimeException e) {
            LOG.warn("scenario {} failed", id, e);
            Instant finished = Instant.now();
            ScenarioRecord failed = new ScenarioRecord(id, queued.nom(), queued.parametres(), ScenarioRecord.ECHEC,
                    active.get(id).progression(), active.get(id).etape(), userMessage(e), queued.createdAt(), started,
                    finished, finished.toEpochMilli() - started.toEpochMilli(), null, null, null, queued.auteur(), null, null, null);
            if (!saveQuietly(failed)) {
                unsaved.put(id, failed); // before leaving 'active', so the run never vanishes from get()
            } else if (queue != null) {
                finishQuietly(id);
            }
        } finally {
            lost.remove(id);
            active.remove(id);
        }
    }

    private static ScenarioRecord finishedRecord(ScenarioRecord queued, Instant started, ScenarioRunner.Summary s) {
        Instant finished = Instant.now();
        return new ScenarioRecord(queued.id(), queued.nom(), queued.parametres(), ScenarioRecord.TERMINE, 1, null, null,
                queued.createdAt(), started, finished, finished.toEpochMilli() - started.toEpochMilli(),
                s.timingsMs(), s.warnings(), new ScenarioRecord.Resume(s.flowSource(), s.communes(),
                s.modelledFlowCommunes(), s.carenceCommunes(), s.zones(), s.totalDemand(), s.carenceDemand(),
                s.coveredDemand(), s.thresholdApplied(), s.siteMethod(), s.optimalityGap(), s.kmAvoidedYearly(),
                s.kgCo2eYearly()), queued.auteur(), s.provenance(), MethodVersion.current(), List.of());
    }

    private static String userMessage(RuntimeException e) {
        if (e instanceof StoreUnavailableException) {
            return "la base de données ne répond pas : calcul abandonné, rien n'a été publié ; relancer le scénario quand elle sera revenue";
        }
        String m = e.getMessage();
        return m == null || m.isBlank() ? "erreur interne (" + e.getClass().getSimpleName() + "), voir les journaux" : m;
    }

    /** False when the record could not be written (the run goes on, or its failure is kept in memory). */
    private boolean saveQuietly(ScenarioRecord r) {
        try {
            table.save(r);
            return true;
        } catch (RuntimeException e) {
            LOG.warn("cannot record scenario {} status {}: {}", r.id(), r.statut(), e.getMessage());
            return false;
        }
    }

    /** Writes the failures recorded while the database was down; quiet while it still is. */
    private synchronized void flushUnsaved() {
        for (ScenarioRecord r : unsaved.values()) {
            if (active.containsKey(r.id())) {
                continue;
            }
            try {
                table.save(r);
                unsaved.remove(r.id(), r);
            } catch (StoreException e) {
                return;
            }
        }
    }

    /** Holder of a scenario's pins on the input versions it read (the store keeps them while pinned). */
    private static String pinHolder(String id) {
        return "scenario:" + id;
    }

    private static Map<String, Instant> versions(List<InputVersion> provenance) {
        Map<String, Instant> out = new LinkedHashMap<>();
        if (provenance != null) {
            provenance.forEach(v -> out.put(v.couche(), Instant.parse(v.chargement())));
        }
        return out;
    }

    /** Ends a deleted scenario's pins; a failure is logged: the next start states every pin again. */
    private void unpinQuietly(String id) {
        try {
            store.pinVersions(pinHolder(id), Map.of());
        } catch (RuntimeException e) {
            LOG.warn("scenario {}: cannot unpin its input versions (stated again at the next start): {}", id, e.getMessage());
        }
    }

    /**
     * At start: the store's pins become exactly the input versions of the saved scenarios (those
     * with a provenance), then the retention rule runs; a version no saved scenario read may go.
     */
    private void pinScenarioInputs() {
        try {
            Map<String, Map<String, Instant>> pins = new LinkedHashMap<>();
            for (ScenarioRecord r : table.all()) {
                if (r.provenance() != null) {
                    pins.put(pinHolder(r.id()), versions(r.provenance()));
                }
            }
            store.replaceAllPins(pins);
            int purged = store.purgeVersions();
            if (purged > 0) {
                LOG.info("{} earlier layer versions purged (read by no saved scenario, past the retention rule)", purged);
            }
        } catch (RuntimeException e) {
            LOG.warn("cannot pin the saved scenarios' input versions; earlier versions stay as they are", e);
        }
    }

    /** Records kept by an older version stay readable: their table gets the current columns. */
    private void upgradeTable() {
        try {
            if (table.upgrade()) {
                LOG.info("scenarios table upgraded to the current columns (author of each run)");
            }
        } catch (RuntimeException e) {
            LOG.warn("cannot upgrade the scenarios table; records stay readable, new runs cannot be recorded", e);
        }
    }

    /**
     * Result layers written by a version with other columns cannot take new partitions (one
     * schema per layer): they are dropped, and the scenarios that had results there say so and
     * must be run again (the default scenario is, at start-up, by {@link #ensureDefault}).
     */
    private void dropOutdatedResults() {
        try {
            boolean outdated = ResultColumns.TABLES.stream().anyMatch(t ->
                    store.schema(t.layer()).map(stored -> !stored.equals(t.schema())).orElse(false));
            if (!outdated) {
                return;
            }
            for (String layer : ResultLayers.RESULT_LAYERS) {
                store.dropLayer(layer);
            }
            for (ScenarioRecord r : table.all()) {
                if (ScenarioRecord.TERMINE.equals(r.statut())) {
                    table.save(new ScenarioRecord(r.id(), r.nom(), r.parametres(), ScenarioRecord.ECHEC, r.progression(),
                            r.etape(), "résultats calculés par une version antérieure (colonnes des couches de résultats "
                            + "changées) : effacés, relancer le scénario", r.createdAt(), r.startedAt(), r.finishedAt(),
                            r.dureeMs(), r.tempsEtapesMs(), r.avertissements(), r.resume(), r.auteur(), r.provenance(),
                            r.versionMethode(), null));
                }
            }
            LOG.info("result layers written with other columns dropped; their scenarios are marked to be run again");
        } catch (RuntimeException e) {
            LOG.warn("cannot check the result layers' columns; new runs may fail until they are dropped", e);
        }
    }

    /**
     * Runs left queued or running by a previous process will never finish: say so. With a shared
     * queue, a run still in it belongs to the queue (another instance may be running it, or will
     * take it over); only records older than a lease and absent from the queue are left-overs.
     */
    private void markInterruptedRuns() {
        try {
            Set<String> queued = new HashSet<>();
            Instant before = Instant.now().minus(queue == null ? Duration.ZERO : queue.lease());
            if (queue != null) {
                queue.all().forEach(e -> queued.add(e.id()));
            }
            for (ScenarioRecord r : table.all()) {
                Instant since = r.startedAt() != null ? r.startedAt() : r.createdAt();
                boolean leftOver = queue == null
                        || (!queued.contains(r.id()) && since != null && since.isBefore(before) && queue.get(r.id()).isEmpty());
                if (r.active() && leftOver) {
                    table.save(new ScenarioRecord(r.id(), r.nom(), r.parametres(), ScenarioRecord.ECHEC, r.progression(),
                            r.etape(), "calcul interrompu par un redémarrage du serveur", r.createdAt(), r.startedAt(),
                            Instant.now(), null, null, null, null, r.auteur(), r.provenance(), r.versionMethode(), null));
                }
            }
        } catch (RuntimeException e) {
            LOG.warn("cannot check interrupted scenarios", e);
        }
    }

    private ScenarioRecord finished(String id) {
        ScenarioRecord r = get(id).orElseThrow(() -> new ScenarioNotFoundException(id));
        if (!ScenarioRecord.TERMINE.equals(r.statut())) {
            throw new ScenarioConflictException("le scénario '" + id + "' n'est pas terminé (statut " + r.statut() + ")");
        }
        return r;
    }

    /** code → {nom, carence, demande, served} */
    private Map<String, Object[]> indicators(String id) {
        Map<String, Object[]> out = new HashMap<>();
        FeatureQuery q = FeatureQuery.all().withoutGeometry()
                .withProperties(List.of("code", "nom", "carence", "demande", "site_desservant"))
                .withFilter(new Filter.Compare(ResultLayers.PARTITION, Filter.ComparisonOperator.EQ, id));
        try (FeatureCursor c = store.query(ResultLayers.INDICATEURS, q)) {
            while (c.hasNext()) {
                Feature f = c.next();
                out.put((String) f.get("code"), new Object[] {f.get("nom"), Boolean.TRUE.equals(f.get("carence")),
                        ((Number) f.get("demande")).doubleValue(), f.get("site_desservant") != null});
            }
        }
        return out;
    }

    private static ScenarioComparison.CommuneRef ref(String code, Object[] v) {
        return new ScenarioComparison.CommuneRef(code, (String) v[0], (Double) v[2]);
    }

    private static int count(Map<String, Object[]> m) {
        return (int) m.values().stream().filter(v -> (Boolean) v[1]).count();
    }

    private static double carenceDemand(Map<String, Object[]> m) {
        return m.values().stream().filter(v -> (Boolean) v[1]).mapToDouble(v -> (Double) v[2]).sum();
    }

    private static double coveredDemand(Map<String, Object[]> m) {
        return m.values().stream().filter(v -> (Boolean) v[3]).mapToDouble(v -> (Double) v[2]).sum();
    }

    /** A database that does not answer cannot hold the id: the run will fail and say why. */
    private boolean storedIdTaken(String candidate) {
        try {
            return table.get(candidate).isPresent();
        } catch (StoreUnavailableException e) {
            return false;
        }
    }

    private String newId() {
        String base = "s-" + Long.toString(System.currentTimeMillis(), 36);
        String candidate = base;
        int k = 1;
        while (active.containsKey(candidate) || unsaved.containsKey(candidate) || storedIdTaken(candidate)) {
            candidate = base + "-" + (k++);
        }
        return candidate;
    }
}
