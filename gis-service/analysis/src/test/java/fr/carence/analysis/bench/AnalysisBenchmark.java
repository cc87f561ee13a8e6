package fr.carence.analysis.bench;

import fr.carence.store.testing.SharedData;
import fr.carence.analysis.AnalysisInput;
import fr.carence.analysis.AnalysisResult;
import fr.carence.analysis.ProgressListener;
import fr.carence.analysis.ScenarioAnalysis;
import fr.carence.analysis.param.ParameterCatalog;
import fr.carence.analysis.param.ScenarioParameters;
import fr.carence.analysis.sample.SharedDataInputs;
import fr.carence.analysis.step.DetourTravelTimes;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Benchmark of steps 1–8 (bench/analysis-national.sh): reads the communes of the given régions
 * (or of all France) from shared/data, then runs the default scenario with modelled flows
 * (Millau observed flows where they cover their communes) and prints time per step and the peak
 * heap. Reading the files is timed apart: in the application the store does it.
 *
 * <p>With {@code -Dcarence.bench.tirages=N} (bench/robustness.sh) the run includes N robustness
 * draws, timed as step {@code 6b-robustesse}.
 *
 * <p>Arguments: region codes (e.g. {@code 76}), or {@code france} for every commune; several
 * arguments separated by spaces run one after the other in one JVM (the first run warms the JIT).
 */
public final class AnalysisBenchmark {

    private AnalysisBenchmark() {
    }

    public static void main(String[] args) {
        List<String> runs = args.length == 0 ? List.of("76", "france") : List.of(args);
        System.out.printf("cores=%d maxHeap=%d MB%n", Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20);
        for (String run : runs) {
            Set<String> regions = "france".equals(run) ? null : Set.of(run.split(","));
            resetPeaks();
            long t0 = System.nanoTime();
            AnalysisInput in = SharedDataInputs.read(f -> regions == null || regions.contains(f[f.length - 7]), true, true);
            long read = (System.nanoTime() - t0) / 1_000_000;
            ScenarioParameters p = ParameterCatalog.defaults().with(Map.of(ParameterCatalog.TIRAGES_ROBUSTESSE,
                    Integer.getInteger("carence.bench.tirages", 0)));
            long t1 = System.nanoTime();
            AnalysisResult r = ScenarioAnalysis.run(in, p, new DetourTravelTimes(p.number(ParameterCatalog.FACTEUR_DETOUR),
                    p.number(ParameterCatalog.VITESSE_KMH)), ProgressListener.NONE);
            long analysis = (System.nanoTime() - t1) / 1_000_000;
            System.out.printf("%s: communes=%d flows=%d venues=%d carence=%d zones=%d candidates=%d sites=%d method=%s gap=%.4f%n",
                    run, in.communes().size(), r.flows().size(), in.venues().size(), r.carenceCount(), r.zones().size(),
                    r.candidates().length, r.sites().size(), r.solution().method(), r.solution().gap());
            System.out.printf("%s: read files %d ms (not part of a run: the store does it) | analysis %d ms | steps %s | peak heap %d MB%n",
                    run, read, analysis, r.timingsMs(), peakHeapMb());
        }
    }

    private static void resetPeaks() {
        System.gc();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                pool.resetPeakUsage();
            }
        }
    }

    /** Sum of the heap pools' peaks since the last reset (an upper bound of the peak heap). */
    private static long peakHeapMb() {
        long sum = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                sum += pool.getPeakUsage().getUsed();
            }
        }
        return sum >> 20;
    }
}
