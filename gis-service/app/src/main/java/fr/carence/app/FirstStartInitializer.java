package fr.carence.app;

import fr.carence.analysis.scenario.ScenarioRecord;
import fr.carence.analysis.scenario.ScenarioService;
import fr.carence.cluster.LoadLock;
import fr.carence.loaders.core.LoadReport;
import fr.carence.loaders.core.Progress;
import fr.carence.loaders.sample.OccitanieSample;
import fr.carence.store.FeatureStore;
import fr.carence.store.ScenarioIds;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * On an empty store, loads the committed Occitanie sample and computes the default scenario
 * before the service announces itself ready, so a newcomer's first map already shows carence
 * zones and candidate sites. A store that already holds data is left as it is.
 */
@Component
@Order(0)
class FirstStartInitializer implements ApplicationRunner {
    private static final Logger LOG = LoggerFactory.getLogger(FirstStartInitializer.class);
    private static final long SCENARIO_TIMEOUT_MS = 15 * 60 * 1000L;
    private static final Duration SAMPLE_LOCK_WAIT = Duration.ofMinutes(15);

    private final FeatureStore store;
    private final ScenarioService scenarios;
    private final StartupProperties properties;
    private final LoadLock loadLock;

    FirstStartInitializer(FeatureStore store, ScenarioService scenarios, StartupProperties properties, LoadLock loadLock) {
        this.store = store;
        this.loadLock = loadLock;
        this.scenarios = scenarios;
        this.properties = properties;
    }

    @Override
    public void run(ApplicationArguments args) throws InterruptedException {
        if (properties.loadSample() && store.schema("communes").isEmpty()) {
            // The upload lock: never beside an upload, nor beside another instance's first start.
            Optional<LoadLock.Held> held = loadLock.acquire("echantillon", SAMPLE_LOCK_WAIT);
            if (held.isEmpty()) {
                throw new IllegalStateException("premier démarrage : le verrou des chargements est resté pris "
                        + SAMPLE_LOCK_WAIT.toMinutes() + " min (un autre chargement en cours ?) ; relancer le service");
            }
            try (LoadLock.Held ignored = held.get()) {
                if (store.schema("communes").isEmpty()) { // another instance may have loaded it meanwhile
                    LOG.info("Premier démarrage : chargement de l'échantillon Occitanie dans le magasin {}", store.kind());
                    long t0 = System.nanoTime();
                    List<LoadReport> reports = OccitanieSample.loadInto(store, Progress.silent());
                    reports.forEach(r -> LOG.info("  {}", r.summary()));
                    LOG.info("Échantillon chargé en {} s", (System.nanoTime() - t0) / 1_000_000_000L);
                }
            }
        }
        if (properties.defaultScenario() && store.schema("communes").isPresent()) {
            Optional<ScenarioRecord> submitted = scenarios.ensureDefault();
            if (submitted.isPresent()) {
                LOG.info("Calcul du scénario par défaut « {} »…", ScenarioIds.DEFAULT_ID);
                if (!scenarios.await(ScenarioIds.DEFAULT_ID, SCENARIO_TIMEOUT_MS)) {
                    LOG.warn("Le scénario par défaut n'est pas terminé après 15 min ; il continue en arrière-plan.");
                }
                scenarios.get(ScenarioIds.DEFAULT_ID)
                        .ifPresent(r -> LOG.info("Scénario par défaut : {}", r.statut()));
            }
        }
    }
}
