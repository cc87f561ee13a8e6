package fr.carence.api.dossier;

/** No zone of that id in the scenario (404). */
public class ZoneNotFoundException extends RuntimeException {

    public ZoneNotFoundException(String scenario, String zone) {
        super("zone « " + zone + " » inconnue dans le scénario « " + scenario
                + " » : la liste des zones est donnée par /api/scenarios/" + scenario + "/zones");
    }
}
