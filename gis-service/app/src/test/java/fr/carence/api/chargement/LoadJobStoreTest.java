package fr.carence.api.chargement;

import static org.assertj.core.api.Assertions.assertThat;

import fr.carence.cluster.SharedDatabase;
import fr.carence.store.testing.StoreKind;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The load jobs' life, with the store each deployment uses: in memory beside H2GIS (one
 * instance), in {@code carence_load_job} on PostGIS (several instances: any of them reads a job,
 * and a job whose instance died ends {@code echec}, never left {@code en_cours}).
 */
class LoadJobStoreTest {

    private static final Duration LEASE = Duration.ofSeconds(30);

    private static TravailChargement received(String id) {
        return TravailChargement.received(id, "lieux", List.of("lieux.csv"), "admin", "a", Instant.now());
    }

    private static RapportChargement report() {
        return new RapportChargement("lieux", 74, Map.of("lieux_existants", 73L), Map.of(), List.of(), List.of(), List.of(),
                List.of(), "Jeu « lieux »");
    }

    /** Runs {@code test} on a fresh store of the kind; the database one is instance "a". */
    private interface WithStore {
        void run(LoadJobStore a) throws Exception;
    }

    private static void with(StoreKind kind, WithStore test) throws Exception {
        if (kind == StoreKind.H2GIS) {
            test.run(new MemoryLoadJobStore());
            return;
        }
        try (SharedDatabase db = new SharedDatabase()) {
            test.run(new DatabaseLoadJobStore(db.dataSource(), "a", LEASE));
        }
    }

    @ParameterizedTest
    @MethodSource("fr.carence.store.testing.StoreTestSupport#kinds")
    void aJobGoesFromWaitingToRunningToFinishedAndThenNeverChanges(StoreKind kind) throws Exception {
        with(kind, store -> {
            TravailChargement job = received("j1");
            store.create(job);
            assertThat(store.get("j1").orElseThrow().statut()).isEqualTo(TravailChargement.EN_ATTENTE);
            assertThat(store.get("pas-la")).isEmpty();

            job = job.started(Instant.now());
            assertThat(store.update(job)).isTrue();
            job = job.progressed("lieux.csv", 40, 0.5);
            assertThat(store.update(job)).isTrue();
            TravailChargement running = store.get("j1").orElseThrow();
            assertThat(running.statut()).isEqualTo(TravailChargement.EN_COURS);
            assertThat(running.debutLe()).isNotNull();
            assertThat(running.etape()).isEqualTo("lieux.csv");
            assertThat(running.lignesTraitees()).isEqualTo(40);
            assertThat(running.progression()).isEqualTo(0.5);
            assertThat(running.fichiers()).containsExactly("lieux.csv");
            assertThat(running.auteur()).isEqualTo("admin");

            TravailChargement done = job.finished(report(), null, Instant.now());
            assertThat(store.update(done)).isTrue();
            TravailChargement read = store.get("j1").orElseThrow();
            assertThat(read.statut()).isEqualTo(TravailChargement.TERMINE);
            assertThat(read.progression()).isEqualTo(1.0);
            assertThat(read.finLe()).isNotNull();
            assertThat(read.rapport()).isEqualTo(report());
            assertThat(read.erreur()).isNull();

            assertThat(store.update(job.finished(null, ErreurChargement.internal(), Instant.now())))
                    .as("a finished job is final").isFalse();
            assertThat(store.get("j1").orElseThrow().statut()).isEqualTo(TravailChargement.TERMINE);
        });
    }

    @ParameterizedTest
    @MethodSource("fr.carence.store.testing.StoreTestSupport#kinds")
    void stoppingEndsTheActiveJobsInEchecAndRetentionForgetsFinishedOnes(StoreKind kind) throws Exception {
        with(kind, store -> {
            store.create(received("waiting"));
            TravailChargement running = received("running").started(Instant.now());
            store.create(received("running"));
            store.update(running);
            TravailChargement done = received("done").finished(report(), null, Instant.now());
            store.create(received("done"));
            store.update(done);

            store.abandonOwn("le service (instance « a ») s'est arrêté");
            for (String id : List.of("waiting", "running")) {
                TravailChargement j = store.get(id).orElseThrow();
                assertThat(j.statut()).as(id).isEqualTo(TravailChargement.ECHEC);
                assertThat(j.finLe()).as(id).isNotNull();
                assertThat(j.erreur().statut()).isEqualTo(503);
                assertThat(j.erreur().erreur()).isEqualTo("chargement_interrompu");
                assertThat(j.erreur().message()).startsWith("le service (instance « a ») s'est arrêté avant la fin du chargement")
                        .contains("/api/couches");
            }
            assertThat(store.get("done").orElseThrow().statut()).isEqualTo(TravailChargement.TERMINE);

            store.create(received("new"));
            store.maintain(LEASE); // kept: finished a moment ago
            assertThat(store.get("done")).isPresent();
            Thread.sleep(50);
            store.maintain(Duration.ofMillis(10));
            assertThat(store.get("done")).as("finished over 10 ms ago").isEmpty();
            assertThat(store.get("waiting")).isEmpty();
            assertThat(store.get("new")).as("active jobs are never forgotten").isPresent();
        });
    }

    @Test
    void anyInstanceReadsAJobAndAJobWhoseInstanceDiedEndsInEchec() throws Exception {
        try (SharedDatabase db = new SharedDatabase()) {
            DatabaseLoadJobStore a = new DatabaseLoadJobStore(db.dataSource(), "a", LEASE);
            DatabaseLoadJobStore b = new DatabaseLoadJobStore(db.dataSource(), "b", LEASE);
            TravailChargement job = received("j1");
            a.create(job);
            job = job.started(Instant.now());
            a.update(job);
            assertThat(b.get("j1").orElseThrow().statut()).as("read from the other instance").isEqualTo(TravailChargement.EN_COURS);
            assertThat(b.get("j1").orElseThrow().instance()).isEqualTo("a");
            assertThat(b.update(job.finished(report(), null, Instant.now()))).as("only its instance writes a job").isFalse();

            // a's maintenance renews a lease about to run out
            setLease(db, "j1", "now() + interval '200 milliseconds'");
            a.maintain(LEASE);
            Thread.sleep(400);
            assertThat(b.get("j1").orElseThrow().statut()).isEqualTo(TravailChargement.EN_COURS);
            b.maintain(LEASE); // b's maintenance leaves a's valid jobs alone
            assertThat(b.get("j1").orElseThrow().statut()).isEqualTo(TravailChargement.EN_COURS);

            // a dies: nobody renews; past the lease, the next look by b ends the job
            setLease(db, "j1", "now() - interval '1 second'");
            TravailChargement ended = b.get("j1").orElseThrow();
            assertThat(ended.statut()).isEqualTo(TravailChargement.ECHEC);
            assertThat(ended.finLe()).isNotNull();
            assertThat(ended.erreur().erreur()).isEqualTo("chargement_interrompu");
            assertThat(ended.erreur().message()).startsWith("l'instance « a » qui exécutait ce chargement s'est arrêtée");
            assertThat(a.update(job.progressed("lieux.csv", 10, 0.1))).as("a, back, cannot revive it").isFalse();
            a.maintain(LEASE);
            assertThat(a.get("j1").orElseThrow().statut()).isEqualTo(TravailChargement.ECHEC);

            // the same by b's maintenance, without any GET
            TravailChargement other = received("j2");
            a.create(other);
            setLease(db, "j2", "now() - interval '1 second'");
            b.maintain(LEASE);
            try (Connection c = db.dataSource().getConnection(); PreparedStatement st = c.prepareStatement(
                    "SELECT statut FROM carence_load_job WHERE job_id = 'j2'"); var rs = st.executeQuery()) {
                rs.next();
                assertThat(rs.getString(1)).isEqualTo(TravailChargement.ECHEC);
            }
        }
    }

    private static void setLease(SharedDatabase db, String id, String when) throws Exception {
        try (Connection c = db.dataSource().getConnection(); PreparedStatement st = c.prepareStatement(
                "UPDATE carence_load_job SET lease_until = " + when + " WHERE job_id = ?")) {
            st.setString(1, id);
            assertThat(st.executeUpdate()).isEqualTo(1);
        }
    }
}
