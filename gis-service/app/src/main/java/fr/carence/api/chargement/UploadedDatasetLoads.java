package fr.carence.api.chargement;

import fr.carence.cluster.LoadLock;
import fr.carence.loaders.core.DatasetLoader;
import fr.carence.loaders.core.DatasetLoaders;
import fr.carence.loaders.core.LoadContext;
import fr.carence.loaders.core.LoadException;
import fr.carence.loaders.core.LoadReport;
import fr.carence.loaders.core.Progress;
import fr.carence.security.AuditLog;
import fr.carence.store.FeatureStore;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads by upload, asynchronously: {@link #submit} checks the request and stages its files (every
 * refusal that can be made on receipt: dataset, size, type, archive, content), records a job and
 * returns it; one worker thread then runs the jobs in order, each under the {@link LoadLock} (one
 * load at a time, also across instances and with the first start's sample load), with the same
 * {@link LoadContext} as {@code carence load}. Loaders publish all their layers in one commit, so a
 * failing load leaves the store as it was; the staged files are deleted in every case.
 */
public class UploadedDatasetLoads implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(UploadedDatasetLoads.class);
    /** How long the worker waits for the lock between two checks that it is not being stopped. */
    private static final Duration LOCK_WAIT_STEP = Duration.ofSeconds(5);
    /** Progress is written to the job at most this often (loaders report every row). */
    private static final long PROGRESS_EVERY_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final FeatureStore store;
    private final UploadStager stager;
    private final Map<String, DatasetLoader> loaders = DatasetLoaders.all();
    private final LoadLock lock;
    private final LoadJobStore jobs;
    private final String instance;
    private final ChargementProperties limits;
    /** Jobs received and not finished on this instance; bounds the disk held by waiting uploads. */
    private final Semaphore slots;
    /** Staged files of the jobs not started yet, deleted if the service stops first. */
    private final Map<String, StagedUpload> waiting = new ConcurrentHashMap<>();
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> daemon(r, "carence-chargement"));
    private final ScheduledExecutorService maintenance = Executors.newSingleThreadScheduledExecutor(
            r -> daemon(r, "carence-chargement-bail"));

    /**
     * @param lock serialises loads (with the first start's sample load, and other instances')
     * @param jobs where the jobs are recorded (memory, or the database shared by the instances)
     * @param instance this instance's name, shown on its jobs
     * @param every how often this instance renews its jobs' leases and ends abandoned ones
     */
    public UploadedDatasetLoads(FeatureStore store, ChargementProperties limits, LoadLock lock, LoadJobStore jobs,
                                String instance, Duration every) {
        this.store = store;
        this.stager = new UploadStager(limits);
        this.lock = lock;
        this.jobs = jobs;
        this.instance = instance;
        this.limits = limits;
        this.slots = new Semaphore(limits.maxPending());
        cleanUpAfterAnEarlierProcess();
        maintenance.scheduleWithFixedDelay(this::maintain, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * A process killed mid-job leaves its staged files and, with a stable instance name in the
     * database, its jobs {@code en_cours}: delete the one, end the other in {@code echec} now
     * (jobs of another name end once their lease runs out, see {@link DatabaseLoadJobStore}).
     */
    private void cleanUpAfterAnEarlierProcess() {
        StagedUpload.sweepOrphans(limits.tempDir().isBlank() ? null : java.nio.file.Path.of(limits.tempDir()));
        try {
            jobs.abandonOwn("l'instance « " + instance + " » qui exécutait ce chargement s'est arrêtée (constaté à son redémarrage)");
        } catch (RuntimeException e) {
            LOG.warn("Travaux de chargement laissés par un arrêt non vérifiés : {}", e.toString());
        }
    }

    /** The loaders that accept uploads (those declaring the kinds of file they read), by key. */
    public Map<String, DatasetLoader> loaders() {
        Map<String, DatasetLoader> uploadable = new TreeMap<>(loaders);
        uploadable.values().removeIf(l -> l.inputKinds().isEmpty());
        return uploadable;
    }

    /**
     * Accepts an upload: the job returned is {@code en_attente}, its files staged.
     *
     * @throws UnknownDatasetException  no such dataset (or not loadable by upload)
     * @throws LoadBusyException        too many jobs already wait on this instance
     * @throws UploadRejectedException  a file is refused on receipt
     */
    TravailChargement submit(String key, List<? extends UploadPart> parts, Map<String, String> options, String operator) {
        DatasetLoader loader = loaders().get(key);
        if (loader == null) {
            throw new UnknownDatasetException(key, loaders().keySet());
        }
        if (!slots.tryAcquire()) {
            throw new LoadBusyException(limits.maxPending());
        }
        StagedUpload staged = null;
        try {
            staged = stager.stage(loader, parts);
            List<String> names = parts.stream().map(p -> String.valueOf(p.originalName())).toList();
            TravailChargement job = TravailChargement.received(UUID.randomUUID().toString(), key, names, operator, instance,
                    Instant.now());
            jobs.create(job);
            waiting.put(job.id(), staged);
            StagedUpload files = staged;
            worker.execute(() -> run(job, loader, files, options, operator));
            return job;
        } catch (RuntimeException e) {
            if (staged != null) {
                staged.close();
            }
            slots.release();
            throw e;
        }
    }

    /** The job, from any instance when the jobs are in the database. */
    Optional<TravailChargement> job(String id) {
        return jobs.get(id);
    }

    private void run(TravailChargement received, DatasetLoader loader, StagedUpload staged, Map<String, String> options,
                     String operator) {
        if (waiting.remove(received.id()) == null) {
            return; // the service is stopping: close() already deleted the files and ended the job
        }
        TravailChargement job = received;
        try (staged) {
            Optional<LoadLock.Held> held = Optional.empty();
            try {
                while (held.isEmpty() && !Thread.currentThread().isInterrupted()) {
                    held = lock.acquire(job.jeu(), LOCK_WAIT_STEP);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (held.isEmpty()) {
                return; // interrupted: the service stops, close() ends the job
            }
            try (LoadLock.Held ignored = held.get()) {
                job = job.started(Instant.now());
                jobs.update(job);
                LOG.info("Chargement {} du jeu « {} » : {}", job.id(), job.jeu(),
                        staged.loaderFiles().stream().map(p -> p.getFileName().toString()).toList());
                JobProgress progress = new JobProgress(job);
                LoadReport report = loader.load(staged.loaderFiles(), new LoadContext(store, progress, options, operator)
                        .forFiles(staged.loaderFiles()));
                LOG.info("{}", report.summary());
                job = progress.job.finished(RapportChargement.of(report), null, Instant.now());
            }
        } catch (LoadException e) {
            LOG.info("Chargement {} refusé : {}", job.id(), e.getMessage());
            job = job.finished(null, ErreurChargement.of(e), Instant.now());
        } catch (RuntimeException e) {
            LOG.error("Échec inattendu du chargement " + job.id(), e);
            job = job.finished(null, ErreurChargement.internal(), Instant.now());
        } finally {
            slots.release();
        }
        if (!job.active()) {
            finish(job);
        }
    }

    private void finish(TravailChargement job) {
        AuditLog audit = AuditLog.event("chargement_termine").with("login", job.auteur()).with("travail", job.id())
                .with("jeu", job.jeu());
        if (job.rapport() != null) {
            audit.with("resultat", "ok").with("entites", job.rapport().entitesEcrites());
        } else {
            audit.with("resultat", "echec").with("erreur", job.erreur().erreur());
        }
        audit.log();
        if (!jobs.update(job)) {
            LOG.warn("Chargement {} : fini ({}) après avoir été déclaré abandonné (bail non renouvelé)", job.id(), job.statut());
        }
    }

    private void maintain() {
        try {
            jobs.maintain(limits.jobRetention());
        } catch (RuntimeException e) {
            LOG.warn("Entretien des travaux de chargement impossible : {}", e.toString());
        }
    }

    /** Stops the worker; jobs not finished end {@code echec} and their files are deleted. */
    @Override
    public void close() {
        maintenance.shutdownNow();
        worker.shutdownNow();
        try {
            if (!worker.awaitTermination(10, TimeUnit.SECONDS)) {
                LOG.warn("Le chargement en cours ne s'est pas interrompu en 10 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        waiting.values().forEach(StagedUpload::close);
        waiting.clear();
        jobs.abandonOwn("le service (instance « " + instance + " ») s'est arrêté");
    }

    /** Records the loader's progress on the job, at most once a second. */
    private final class JobProgress implements Progress {
        private TravailChargement job;
        private String step;
        private long total;
        private long last = System.nanoTime();

        JobProgress(TravailChargement job) {
            this.job = job;
        }

        @Override
        public void start(String label, long totalBytes) {
            step = label;
            total = totalBytes;
            record(0, 0, true);
        }

        @Override
        public void update(long rows, long bytesRead) {
            record(rows, total > 0 ? Math.min(1.0, (double) bytesRead / total) : 0, false);
        }

        @Override
        public void done(long rows) {
            record(rows, 1, true);
        }

        private void record(long rows, double fraction, boolean now) {
            job = job.progressed(step, rows, fraction);
            if (now || System.nanoTime() - last >= PROGRESS_EVERY_NANOS) {
                last = System.nanoTime();
                jobs.update(job);
            }
        }
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }
}
