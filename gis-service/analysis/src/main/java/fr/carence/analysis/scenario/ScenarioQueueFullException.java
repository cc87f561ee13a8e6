package fr.carence.analysis.scenario;

/** The bounded job queue is full; the client should retry later. */
public class ScenarioQueueFullException extends RuntimeException {
    public ScenarioQueueFullException(int capacity) {
        super("trop de scénarios en attente (" + capacity + ") : réessayer plus tard");
    }
}
