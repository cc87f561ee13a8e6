package fr.carence.analysis.scenario;

import java.time.Instant;

/**
 * A recomputation of a finished scenario ({@code POST /api/scenarios/{id}/recalcul}), queued and
 * run like a scenario run; the last one of each scenario stays readable with its result.
 *
 * @param scenario scenario id
 * @param statut en_attente, en_cours, termine or echec (as a run's)
 * @param progression 0–1
 * @param etape current step label while running
 * @param message why it failed (French), null otherwise
 * @param demandeLe when it was asked for
 * @param debutLe when it started, null while waiting
 * @param finLe when it ended, null until then
 * @param auteur login of whoever asked for it
 * @param resultat identical or not, and what differs; null until {@code termine}
 */
public record RecalculJob(String scenario, String statut, double progression, String etape, String message,
                          Instant demandeLe, Instant debutLe, Instant finLe, String auteur, Recalcul resultat) {

    static RecalculJob queued(String scenario, String auteur, Instant at) {
        return new RecalculJob(scenario, ScenarioRecord.EN_ATTENTE, 0, null, null, at, null, null, auteur, null);
    }

    public boolean active() {
        return ScenarioRecord.EN_ATTENTE.equals(statut) || ScenarioRecord.EN_COURS.equals(statut);
    }

    RecalculJob progressed(double p, String step) {
        return new RecalculJob(scenario, ScenarioRecord.EN_COURS, p, step, null, demandeLe,
                debutLe == null ? Instant.now() : debutLe, null, auteur, null);
    }

    RecalculJob finished(Recalcul r) {
        return new RecalculJob(scenario, ScenarioRecord.TERMINE, 1, null, null, demandeLe, debutLe, Instant.now(), auteur, r);
    }

    RecalculJob failed(String why) {
        return new RecalculJob(scenario, ScenarioRecord.ECHEC, progression, etape, why, demandeLe, debutLe, Instant.now(),
                auteur, null);
    }

    /** As a caller sees it: the author hidden unless {@code auteurReadable}, differences filtered by the caller. */
    public RecalculJob withResult(Recalcul visible, boolean auteurReadable) {
        return new RecalculJob(scenario, statut, progression, etape, message, demandeLe, debutLe, finLe,
                auteurReadable ? auteur : null, visible);
    }
}
