package fr.carence.analysis.scenario;

/** No scenario with that id. */
public class ScenarioNotFoundException extends RuntimeException {
    public ScenarioNotFoundException(String id) {
        super("scénario inconnu : '" + id + "'");
    }

    private ScenarioNotFoundException(String message, boolean ignored) {
        super(message);
    }

    /** The scenario exists and was never recomputed (or its last recomputation was deleted with it). */
    public static ScenarioNotFoundException noRecomputation(String id) {
        return new ScenarioNotFoundException("aucun recalcul du scénario '" + id + "' : le demander par POST /api/scenarios/"
                + id + "/recalcul", true);
    }
}
