package fr.carence.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import fr.carence.testing.RunningSampleService;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * Load test, bounded in count (not in time): {@value #CLIENTS} concurrent loopback clients share
 * {@value #REQUESTS} requests mixing WMS GetMap and WFS GetFeature while {@value #SCENARIO_RUNS}
 * scenario runs are computed. Asserts no error, every run finished, and a retained heap after a
 * forced GC that a leak proportional to the requests would exceed. Figures (no timing assertion)
 * are printed and written to {@code target/load-mixed.txt}; bench/load-mixed.sh runs the same
 * workload at a larger scale against the packaged jar.
 */
class MixedLoadTest extends RunningSampleService {

    static final int CLIENTS = 8;
    static final int REQUESTS = 1_500;
    static final int SCENARIO_RUNS = 3;
    /** The service, its H2 page cache and the test client together stay far below this after a GC. */
    static final long RETAINED_HEAP_BOUND = 1L << 30;

    @Test
    void mixedConcurrentRequestsAndScenarioRunsAllSucceedWithABoundedHeap() throws Exception {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long before = retainedHeap(memory);
        AtomicLong peak = new AtomicLong();
        Thread sampler = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "heap-sampler");
        sampler.setDaemon(true);
        sampler.start();

        MixedWorkload.Report report = new MixedWorkload(new ServiceClient(port),
                new MixedWorkload.Settings(CLIENTS, REQUESTS, SCENARIO_RUNS, 20261122L)).run();
        sampler.interrupt();
        long after = retainedHeap(memory);

        String figures = report.summary() + String.format(Locale.ROOT,
                "heap (service + clients, one JVM, -Xmx%d MiB): retained before %d MiB, peak used %d MiB, retained after %d MiB%n",
                Runtime.getRuntime().maxMemory() >> 20, before >> 20, peak.get() >> 20, after >> 20);
        System.out.print(figures);
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target", "load-mixed.txt"), figures);

        assertThat(report.errors()).as(figures).isEmpty();
        assertThat(report.requests()).isEqualTo(REQUESTS);
        assertThat(report.scenarioStatuses()).hasSize(SCENARIO_RUNS).allSatisfy(s -> assertThat(s).endsWith("=termine"));
        assertThat(after).as(figures).isLessThan(RETAINED_HEAP_BOUND);
    }

    /** Used heap after full collections: what the service keeps, not garbage waiting for the collector. */
    private static long retainedHeap(MemoryMXBean memory) throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(200);
        }
        return memory.getHeapMemoryUsage().getUsed();
    }
}
