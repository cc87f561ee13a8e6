package fr.carence.analysis.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import fr.carence.cluster.SharedDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The shared scenario queue on PostGIS (cluster tables migrated as the service does; the test
 * lives in the app module, which owns those migrations): a row locked by one instance's claim is
 * skipped, not waited for; a run whose lease expired is claimed by another instance, whose claim
 * the first can then no longer renew nor finish.
 */
class DatabaseRunQueueTest {

    private static ScenarioRecord waiting(String id) {
        return new ScenarioRecord(id, "Essai " + id, Map.of("nombre_sites", 10), ScenarioRecord.EN_ATTENTE, 0, null, null,
                Instant.now(), null, null, null, null, null, null, "planif", null, null, null);
    }

    @Test
    void claimsSkipLockedRowsAndAnExpiredLeaseIsTakenOver() throws Exception {
        try (SharedDatabase db = new SharedDatabase()) {
            DatabaseRunQueue a = new DatabaseRunQueue(db.dataSource(), "a", Duration.ofSeconds(30), Duration.ofSeconds(1));
            DatabaseRunQueue b = new DatabaseRunQueue(db.dataSource(), "b", Duration.ofSeconds(30), Duration.ofSeconds(1));
            assertThat(a.enqueue(waiting("r1"))).isTrue();
            Thread.sleep(20); // created_at orders the claims: r1 first
            assertThat(b.enqueue(waiting("r2"))).isTrue();
            assertThat(b.enqueue(waiting("r1"))).as("already queued, by any instance").isFalse();
            assertThat(a.waiting()).isEqualTo(2);

            // Another transaction holds r1 (as a claim in progress would): a claim skips it at once.
            try (Connection holder = db.dataSource().getConnection()) {
                holder.setAutoCommit(false);
                try (Statement st = holder.createStatement()) {
                    st.executeQuery("SELECT * FROM carence_run_queue WHERE scenario_id = 'r1' FOR UPDATE").close();
                }
                DatabaseRunQueue.Entry claimed = a.claim().orElseThrow();
                assertThat(claimed.id()).isEqualTo("r2");
                assertThat(claimed.attempts()).isEqualTo(1);
                assertThat(claimed.instance()).as("nobody held it before").isNull();
                assertThat(claimed.parametres()).containsEntry("nombre_sites", 10);
                holder.rollback();
            }
            DatabaseRunQueue.Entry r1 = b.claim().orElseThrow();
            assertThat(r1.id()).isEqualTo("r1");
            assertThat(a.claim()).as("both running, leases valid").isEmpty();
            assertThat(a.get("r2").orElseThrow().record().statut()).isEqualTo(ScenarioRecord.EN_COURS);
            assertThat(a.renew("r2", DatabaseRunQueue.CALCUL, 0.4, "accessibilite")).isTrue();
            assertThat(b.get("r2").orElseThrow().record().progression()).isEqualTo(0.4);

            // Instance a dies: its lease on r2 runs out; b takes the run over.
            try (Connection c = db.dataSource().getConnection(); PreparedStatement st = c.prepareStatement(
                    "UPDATE carence_run_queue SET lease_until = now() - interval '1 second' WHERE scenario_id = 'r2'")) {
                st.executeUpdate();
            }
            DatabaseRunQueue.Entry takenOver = b.claim().orElseThrow();
            assertThat(takenOver.id()).isEqualTo("r2");
            assertThat(takenOver.attempts()).isEqualTo(2);
            assertThat(takenOver.instance()).as("who held it before").isEqualTo("a");
            assertThat(a.renew("r2", DatabaseRunQueue.CALCUL, 0.5, "sites")).as("a's claim is gone").isFalse();
            a.finish("r2", DatabaseRunQueue.CALCUL);
            assertThat(b.get("r2")).as("a cannot remove b's run").isPresent();
            b.finish("r2", DatabaseRunQueue.CALCUL);
            b.finish("r1", DatabaseRunQueue.CALCUL);
            assertThat(a.all()).isEmpty();
        }
    }

    /** A recomputation is a job of its own kind: queued beside a run of the same scenario, claimed and finished apart. */
    @Test
    void aRecomputationIsQueuedBesideTheRunsOfItsScenario() throws Exception {
        try (SharedDatabase db = new SharedDatabase()) {
            DatabaseRunQueue a = new DatabaseRunQueue(db.dataSource(), "a", Duration.ofSeconds(30), Duration.ofSeconds(1));
            assertThat(a.enqueue(waiting("r1"), DatabaseRunQueue.RECALCUL)).isTrue();
            assertThat(a.enqueue(waiting("r1"), DatabaseRunQueue.RECALCUL)).as("one recomputation at a time").isFalse();
            assertThat(a.enqueue(waiting("r1"))).as("a run of the same scenario").isTrue();
            assertThat(a.all()).as("runs only").extracting(DatabaseRunQueue.Entry::travail).containsExactly(DatabaseRunQueue.CALCUL);
            assertThat(a.get("r1", DatabaseRunQueue.RECALCUL)).isPresent();
            DatabaseRunQueue.Entry first = a.claim().orElseThrow();
            assertThat(first.travail()).as("oldest first").isEqualTo(DatabaseRunQueue.RECALCUL);
            assertThat(a.renew("r1", DatabaseRunQueue.RECALCUL, 0.5, "comparaison")).isTrue();
            assertThat(a.get("r1", DatabaseRunQueue.RECALCUL).orElseThrow().progression()).isEqualTo(0.5);
            assertThat(a.get("r1").orElseThrow().statut()).as("the run still waits").isEqualTo(ScenarioRecord.EN_ATTENTE);
            a.finish("r1", DatabaseRunQueue.RECALCUL);
            assertThat(a.get("r1", DatabaseRunQueue.RECALCUL)).isEmpty();
            assertThat(a.get("r1")).isPresent();
        }
    }
}
