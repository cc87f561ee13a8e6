package fr.carence.analysis.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.carence.cluster.SharedDatabase;
import fr.carence.loaders.core.Progress;
import fr.carence.loaders.sample.OccitanieSample;
import fr.carence.store.testing.StoreKind;
import fr.carence.store.testing.StoreTestSupport;
import fr.carence.store.testing.TestStore;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A recomputation queued in the database shared by several instances (PostGIS): submitted on one
 * instance, claimed from {@code carence_run_queue} by a worker (the other instance's or its own),
 * its state and its result readable from both; the Occitanie sample recomputes identically.
 */
class ClusterRecalculTest {

    @Test
    void aRecomputationGoesThroughTheSharedQueueAndAnyInstanceReadsItsResult() throws Exception {
        try (TestStore t = StoreTestSupport.open(StoreKind.POSTGIS); SharedDatabase db = new SharedDatabase()) {
            OccitanieSample.loadInto(t.store(), Progress.silent());
            DatabaseRunQueue qa = new DatabaseRunQueue(db.dataSource(), "a", Duration.ofSeconds(30), Duration.ofMillis(500));
            DatabaseRunQueue qb = new DatabaseRunQueue(db.dataSource(), "b", Duration.ofSeconds(30), Duration.ofMillis(500));
            try (ScenarioService a = new ScenarioService(t.store(), 1, 4, null, qa);
                 ScenarioService b = new ScenarioService(t.store(), 1, 4, null, qb)) {
                a.submit("grappe", null, Map.of());
                assertThat(a.await("grappe", 600_000)).isTrue();
                assertThat(a.get("grappe").orElseThrow().statut()).isEqualTo(ScenarioRecord.TERMINE);

                RecalculJob queued = a.submitRecompute("grappe", "planif");
                assertThat(queued.statut()).isEqualTo(ScenarioRecord.EN_ATTENTE);
                assertThatThrownBy(() -> b.submitRecompute("grappe", "autre")).as("one at a time, across instances")
                        .isInstanceOf(ScenarioConflictException.class);
                assertThat(b.awaitRecompute("grappe", 600_000)).isTrue();
                for (ScenarioService instance : new ScenarioService[] {a, b}) {
                    RecalculJob done = instance.recomputation("grappe").orElseThrow();
                    assertThat(done.statut()).as(done.message()).isEqualTo(ScenarioRecord.TERMINE);
                    assertThat(done.resultat().identique()).as(done.resultat().differences().toString()).isTrue();
                    assertThat(done.resultat().entitesComparees()).isPositive();
                    assertThat(done.auteur()).isEqualTo("planif");
                }
                assertThat(qa.get("grappe", DatabaseRunQueue.RECALCUL)).as("left the queue").isEmpty();
            }
        }
    }
}
