package fr.carence.ogc.wms;

import fr.carence.store.testing.StoreTestSupport;
import fr.carence.store.testing.TestStore;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;

/**
 * Not a test: CPU time of the truecolour PNG encoder on the real tiles of
 * {@link PngEncoderRealTilesTest} (24 tiles of 256×256), measured with the thread's CPU clock so a
 * busy shared machine does not skew it. Run from gis-service/ogc after test-compile:
 * {@code java -cp target/classes:target/test-classes:$(cat target/cp.txt) fr.carence.ogc.wms.PngEncoderCpuHarness}
 * (cp.txt from {@code mvn dependency:build-classpath -Dmdep.outputFile=target/cp.txt}).
 */
public final class PngEncoderCpuHarness {

    private PngEncoderCpuHarness() {
    }

    public static void main(String[] args) throws Exception {
        List<BufferedImage> tiles;
        try (TestStore store = StoreTestSupport.openH2gis()) {
            tiles = PngEncoderRealTilesTest.render(store.store());
        }
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        PngEncoder encoder = new PngEncoder(1);
        long bytes = 0;
        for (int warm = 0; warm < rounds / 4; warm++) {
            for (BufferedImage t : tiles) {
                encoder.write(t, new ByteArrayOutputStream());
            }
        }
        long start = cpu.getCurrentThreadCpuTime();
        for (int r = 0; r < rounds; r++) {
            for (BufferedImage t : tiles) {
                ByteArrayOutputStream out = new ByteArrayOutputStream(16 * 1024);
                encoder.write(t, out);
                bytes += out.size();
            }
        }
        long ns = cpu.getCurrentThreadCpuTime() - start;
        long n = (long) rounds * tiles.size();
        System.out.printf("%d encodes: %.3f ms CPU per 256x256 tile, %.0f bytes per tile%n", n, ns / 1e6 / n, (double) bytes / n);
    }
}
