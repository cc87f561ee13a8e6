package fr.carence.api.chargement;

import static org.assertj.core.api.Assertions.assertThat;

import fr.carence.cluster.LoadLock;
import fr.carence.cluster.SharedDatabase;
import fr.carence.store.testing.MemoryFeatureStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A process killed in the middle of an upload job leaves its staging directory and (jobs in the
 * database) its job {@code en_cours}: the next start deletes the one and ends the other in
 * {@code echec} with a French reason, without touching what a live process still uses.
 */
class InterruptedUploadCleanUpTest {

    @TempDir
    Path temp;

    private ChargementProperties limits() {
        return new ChargementProperties(8, 64, 20, 100, temp.toString(), 4, Duration.ofHours(24));
    }

    /** The id of a process that has ended (a real one, started and waited for). */
    private static long deadPid() throws Exception {
        Process p = new ProcessBuilder("true").start();
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return p.pid();
    }

    private static Path stagingDir(Path parent, String name) throws Exception {
        Path dir = Files.createDirectories(parent.resolve(name).resolve(".zip-1"));
        Files.writeString(dir.resolve("communes.csv"), "code;nom\n");
        Files.writeString(parent.resolve(name).resolve("lieux.csv"), "id;nom\n");
        return parent.resolve(name);
    }

    @Test
    void theStartDeletesTheStagingLeftByADeadProcessAndKeepsTheOthers() throws Exception {
        Path killed = stagingDir(temp, "carence-chargement-p" + deadPid() + "-4821");
        Path live = StagedUpload.create(temp).dir(); // this process's, as an upload in progress
        Path oldUnowned = stagingDir(temp, "carence-chargement-93017");
        Files.setLastModifiedTime(oldUnowned, FileTime.from(Instant.now().minus(StagedUpload.UNOWNED_GRACE).minusSeconds(60)));
        Path youngUnowned = stagingDir(temp, "carence-chargement-55502");
        Path unrelated = Files.createDirectories(temp.resolve("carence-chargement-notes"));

        try (UploadedDatasetLoads loads = new UploadedDatasetLoads(new MemoryFeatureStore(), limits(), new LoadLock(null),
                new MemoryLoadJobStore(), "a", Duration.ofMinutes(1))) {
            assertThat(killed).doesNotExist();
            assertThat(oldUnowned).doesNotExist();
            assertThat(live).isDirectory();
            assertThat(youngUnowned).as("may be another process's, younger than the grace").isDirectory();
            assertThat(unrelated).as("not a staging directory's name").isDirectory();
            assertThat(Files.list(temp).map(p -> p.getFileName().toString()).toList())
                    .containsExactlyInAnyOrder(live.getFileName().toString(), "carence-chargement-55502", "carence-chargement-notes");
        }
    }

    @Test
    void theStartEndsTheJobsItsInstanceLeftRunningInTheDatabase() throws Exception {
        try (SharedDatabase db = new SharedDatabase()) {
            // the previous process of instance "a" recorded a job, started it, and was killed
            DatabaseLoadJobStore before = new DatabaseLoadJobStore(db.dataSource(), "a", Duration.ofSeconds(30));
            TravailChargement job = TravailChargement.received("j-tue", "lieux", List.of("lieux.csv"), "admin", "a", Instant.now());
            before.create(job);
            before.update(job.started(Instant.now()).progressed("lieux.csv", 10, 0.2));
            // another instance's running job is not this start's business
            DatabaseLoadJobStore other = new DatabaseLoadJobStore(db.dataSource(), "b", Duration.ofSeconds(30));
            TravailChargement otherJob = TravailChargement.received("j-b", "lieux", List.of("lieux.csv"), "admin", "b", Instant.now());
            other.create(otherJob);
            other.update(otherJob.started(Instant.now()));

            DatabaseLoadJobStore jobs = new DatabaseLoadJobStore(db.dataSource(), "a", Duration.ofSeconds(30));
            try (UploadedDatasetLoads loads = new UploadedDatasetLoads(new MemoryFeatureStore(), limits(), new LoadLock(null),
                    jobs, "a", Duration.ofMinutes(1))) {
                TravailChargement ended = jobs.get("j-tue").orElseThrow();
                assertThat(ended.statut()).isEqualTo(TravailChargement.ECHEC);
                assertThat(ended.finLe()).isNotNull();
                assertThat(ended.erreur().erreur()).isEqualTo("chargement_interrompu");
                assertThat(ended.erreur().message()).startsWith(
                        "l'instance « a » qui exécutait ce chargement s'est arrêtée (constaté à son redémarrage) avant la fin");
                assertThat(jobs.get("j-b").orElseThrow().statut()).isEqualTo(TravailChargement.EN_COURS);
            }
        }
    }
}
