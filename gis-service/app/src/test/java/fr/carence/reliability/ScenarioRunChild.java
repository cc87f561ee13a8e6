package fr.carence.reliability;

import fr.carence.analysis.scenario.ScenarioRecord;
import fr.carence.analysis.scenario.ScenarioService;
import fr.carence.store.FeatureStore;
import fr.carence.store.jdbc.FeatureStores;
import fr.carence.store.jdbc.StoreConfig;
import java.nio.file.Path;
import java.util.Map;

/**
 * Child process of {@link KilledScenarioRunTest}: the service's scenario machinery on a store,
 * running one scenario and printing each step it enters ({@code STEP <etape> <statut>}) so the
 * parent knows where it is when it kills this process.
 * Arguments: {@code h2gis DIR ID} or {@code postgis URL USER PASSWORD ID}.
 */
public final class ScenarioRunChild {

    private ScenarioRunChild() {
    }

    public static void main(String[] args) throws Exception {
        StoreConfig config = args[0].equals("h2gis")
                ? StoreConfig.h2gis(Path.of(args[1])).withH2AutoServer(true)
                : StoreConfig.postgis(args[1], args[2], args[3]);
        String id = args[args.length - 1];
        try (FeatureStore store = FeatureStores.open(config);
             ScenarioService service = new ScenarioService(store, 1, 4, null)) {
            service.submit(id, "Calcul interrompu", Map.of());
            String last = "";
            while (true) {
                // An active run is answered from memory: this loop never waits on the database.
                ScenarioRecord r = service.get(id).orElseThrow();
                String line = "STEP " + r.etape() + " " + r.statut();
                if (!line.equals(last)) {
                    System.out.println(line);
                    System.out.flush();
                    last = line;
                }
                if (!r.active()) {
                    return;
                }
                Thread.sleep(5);
            }
        }
    }
}
