package fr.carence.analysis.scenario;

/** No scenario with that id. */
public class ScenarioNotFoundException extends RuntimeException {
    public ScenarioNotFoundException(String id) {
        super("scénario inconnu : '" + id + "'");
    }
}
