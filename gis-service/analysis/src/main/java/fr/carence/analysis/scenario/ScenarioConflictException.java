package fr.carence.analysis.scenario;

/** The request conflicts with the scenario's state (e.g. deleting or resubmitting a running scenario). */
public class ScenarioConflictException extends RuntimeException {
    public ScenarioConflictException(String message) {
        super(message);
    }
}
