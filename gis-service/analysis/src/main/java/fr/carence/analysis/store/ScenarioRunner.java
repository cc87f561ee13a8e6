package fr.carence.analysis.store;

import fr.carence.analysis.AnalysisInput;
import fr.carence.analysis.AnalysisResult;
import fr.carence.analysis.ProgressListener;
import fr.carence.analysis.ScenarioAnalysis;
import fr.carence.analysis.param.InvalidParameterException;
import fr.carence.analysis.param.ParameterCatalog;
import fr.carence.analysis.param.ScenarioParameters;
import fr.carence.analysis.step.DetourTravelTimes;
import fr.carence.analysis.step.MatrixTravelTimes;
import fr.carence.analysis.step.TravelTimes;
import fr.carence.store.ConcurrentWriteException;
import fr.carence.store.FeatureStore;
import fr.carence.store.LayerTransaction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One scenario run against the store: read the layers, run steps 1–8, write the result partitions. */
public final class ScenarioRunner {

    /** What the run produced, for the scenarios table. */
    public record Summary(int communes, int modelledFlowCommunes, int carenceCommunes, int zones, double totalDemand,
                          double carenceDemand, double coveredDemand, double thresholdApplied, String siteMethod,
                          double optimalityGap, double kmAvoidedYearly, double kgCo2eYearly, String flowSource,
                          Map<String, Long> timingsMs, List<String> warnings, List<InputVersion> provenance) {
    }

    private final FeatureStore store;
    private final Path matricesDir;

    /**
     * @param matricesDir directory holding the travel-time matrices users may name in
     *        {@code matrice_temps}, or null when the server offers none
     */
    public ScenarioRunner(FeatureStore store, Path matricesDir) {
        this.store = store;
        this.matricesDir = matricesDir;
    }

    /**
     * Stages what must be published with the results (the scenario's record in {@code scenarios})
     * in the run's transaction, from the run's summary.
     */
    @FunctionalInterface
    public interface Completion {
        void stage(LayerTransaction tx, Summary summary);
    }

    /** Publications attempted when another write to a result layer slips in between staging and commit. */
    static final int PUBLICATION_ATTEMPTS = 3;

    /** Runs without recording anything beside the result layers. */
    public Summary run(String scenario, ScenarioParameters p, ProgressListener progress) {
        return run(scenario, p, progress, (tx, summary) -> { });
    }

    /**
     * Runs the scenario and publishes its result partitions and whatever {@code completion}
     * stages in ONE store transaction: all visible together, or none (failure, killed process).
     */
    public Summary run(String scenario, ScenarioParameters p, ProgressListener progress, Completion completion) {
        Map<String, Long> timings = new LinkedHashMap<>();
        long t = System.nanoTime();
        progress.progress(0.0, "lecture");
        TravelTimes times = travelTimes(p);
        AnalysisInputReader reader = new AnalysisInputReader(store);
        AnalysisInput in = reader.read();
        timings.put("0-lecture", (System.nanoTime() - t) / 1_000_000);
        AnalysisResult r = ScenarioAnalysis.run(in, p, times, progress);
        timings.putAll(r.timingsMs());
        t = System.nanoTime();
        ResultLayerWriter results = new ResultLayerWriter(scenario, in, r, p.integer(ParameterCatalog.FLUX_OD_MAX));
        for (int attempt = 1; ; attempt++) {
            try (LayerTransaction tx = store.transaction()) {
                results.stage(tx);
                timings.put("9-ecriture", (System.nanoTime() - t) / 1_000_000);
                Summary summary = summarise(in, r, timings, reader.provenance());
                completion.stage(tx, summary);
                tx.commit();
                progress.progress(1.0, "termine");
                return summary;
            } catch (ConcurrentWriteException e) {
                // Another scenario's write reached a shared layer between our copy and our commit:
                // nothing was published, so stage again from the new version.
                if (attempt == PUBLICATION_ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    /**
     * Recomputes a scenario on exactly the input versions it recorded, publishing nothing: the
     * result features per layer, to compare with what was published.
     *
     * @throws MissingLayerException when one of those versions is no longer kept
     */
    public Map<String, List<fr.carence.store.Feature>> recompute(String scenario, ScenarioParameters p,
                                                                  List<InputVersion> versions, ProgressListener progress) {
        progress.progress(0.0, "lecture");
        AnalysisInput in = new AnalysisInputReader(store, versions).read();
        AnalysisResult r = ScenarioAnalysis.run(in, p, travelTimes(p), progress);
        return new ResultLayerWriter(scenario, in, r, p.integer(ParameterCatalog.FLUX_OD_MAX)).features();
    }

    static Summary summarise(AnalysisInput in, AnalysisResult r, Map<String, Long> timings, List<InputVersion> provenance) {
        int modelled = 0;
        double total = 0;
        double carence = 0;
        for (int i = 0; i < in.communes().size(); i++) {
            modelled += r.modelledFlows()[i] ? 1 : 0;
            total += r.demand().demand()[i];
            carence += r.carence()[i] ? r.study().carenceDemand()[i] : 0;
        }
        List<String> warnings = new ArrayList<>(in.warnings());
        warnings.addAll(r.study().warnings());
        if (in.venues().isEmpty()) {
            warnings.add("aucun lieu existant : l'accessibilité est nulle partout");
        }
        return new Summary(in.communes().size(), modelled, r.carenceCount(), r.zones().size(), total, carence,
                r.totalImpact().demandCovered(), r.accessibilityThreshold(), r.solution().method(), r.solution().gap(),
                r.totalImpact().kmAvoidedYearly(), r.totalImpact().kgCo2eYearly(), in.flowSource(), timings, warnings,
                provenance);
    }

    /** The travel times a parameter set asks for; also used to check {@code matrice_temps} at submission. */
    public TravelTimes travelTimes(ScenarioParameters p) {
        DetourTravelTimes estimate = new DetourTravelTimes(p.number(ParameterCatalog.FACTEUR_DETOUR),
                p.number(ParameterCatalog.VITESSE_KMH));
        String matrix = p.text(ParameterCatalog.MATRICE_TEMPS);
        if (matrix == null) {
            return estimate;
        }
        if (matricesDir == null) {
            throw new InvalidParameterException(ParameterCatalog.MATRICE_TEMPS,
                    "ce serveur n'a pas de répertoire de matrices de temps (carence.analysis.matrices-dir)");
        }
        Path file = matricesDir.resolve(matrix).normalize();
        if (!file.startsWith(matricesDir.normalize()) || !Files.isRegularFile(file)) {
            throw new InvalidParameterException(ParameterCatalog.MATRICE_TEMPS, "matrice de temps '" + matrix
                    + "' introuvable dans le répertoire des matrices");
        }
        try {
            return MatrixTravelTimes.read(file, estimate);
        } catch (IllegalArgumentException e) {
            throw new InvalidParameterException(ParameterCatalog.MATRICE_TEMPS, e.getMessage());
        }
    }
}
