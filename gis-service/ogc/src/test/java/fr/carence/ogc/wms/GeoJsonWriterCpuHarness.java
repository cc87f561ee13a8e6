package fr.carence.ogc.wms;

import fr.carence.crs.CrsTransforms;
import fr.carence.ogc.crs.CrsNameParser;
import fr.carence.ogc.format.FeatureCollectionResult;
import fr.carence.ogc.format.GeoJsonFeatureCollectionWriter;
import fr.carence.ogc.format.LayerFeatures;
import fr.carence.store.Feature;
import fr.carence.store.FeatureCursor;
import fr.carence.store.FeatureStore;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.OptionalLong;

/**
 * Not a test: CPU time of the WFS GeoJSON writer alone on the 683 real communes of
 * {@link WmsTestData} already in CRS84 (the store read and the reprojection are left out), measured
 * with the thread's CPU clock. Run like {@link PngEncoderCpuHarness}.
 */
public final class GeoJsonWriterCpuHarness {

    private GeoJsonWriterCpuHarness() {
    }

    public static void main(String[] args) throws Exception {
        List<Feature> communes = WmsTestData.communes().stream()
                .map(f -> new Feature(f.id(), CrsTransforms.transform(f.geometry(), FeatureStore.STORAGE_SRID, 4326), f.properties()))
                .toList();
        List<String> attributes = List.of("code", "nom", "dep", "reg", "epci", "population");
        LayerFeatures layer = new LayerFeatures("communes", null, attributes, true, () -> cursor(communes.iterator()));
        FeatureCollectionResult r = new FeatureCollectionResult("carence", "urn:carence", Instant.EPOCH, OptionalLong.empty(),
                communes.size(), null, null, CrsNameParser.parse("OGC:CRS84"), null, List.of(layer));
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 40;
        GeoJsonFeatureCollectionWriter writer = new GeoJsonFeatureCollectionWriter();
        long[] bytes = {0};
        OutputStream sink = new OutputStream() {
            @Override
            public void write(int b) {
                bytes[0]++;
            }

            @Override
            public void write(byte[] b, int off, int len) {
                bytes[0] += len;
            }
        };
        for (int i = 0; i < rounds / 4; i++) {
            writer.write(r, sink);
        }
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        bytes[0] = 0;
        long start = cpu.getCurrentThreadCpuTime();
        for (int i = 0; i < rounds; i++) {
            writer.write(r, sink);
        }
        long ns = cpu.getCurrentThreadCpuTime() - start;
        System.out.printf("%d responses of %d communes: %.1f ms CPU each, %.0f bytes each%n", rounds, communes.size(),
                ns / 1e6 / rounds, (double) bytes[0] / rounds);
    }

    private static FeatureCursor cursor(Iterator<Feature> it) {
        return new FeatureCursor() {
            @Override
            public boolean hasNext() {
                return it.hasNext();
            }

            @Override
            public Feature next() {
                return it.next();
            }

            @Override
            public void close() {
            }
        };
    }
}
