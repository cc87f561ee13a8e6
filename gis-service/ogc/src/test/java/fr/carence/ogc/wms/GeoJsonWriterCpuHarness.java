package fr.carence.ogc.wms;

import fr.carence.crs.CrsTransforms;
import fr.carence.ogc.crs.CrsNameParser;
import fr.carence.ogc.format.FeatureCollectionResult;
import fr.carence.ogc.format.GeoJsonFeatureCollectionWriter;
import fr.carence.ogc.format.LayerFeatures;
import fr.carence.store.Feature;
import fr.carence.store.FeatureQuery;
import fr.carence.store.LayerInfo;
import fr.carence.store.LayerWriter;
import fr.carence.store.testing.MemoryFeatureStore;
import fr.carence.store.FeatureStore;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;
import org.locationtech.jts.geom.Geometry;

/**
 * Not a test: CPU time of the WFS GeoJSON writer alone on the 683 real communes of
 * {@link WmsTestData} already in CRS84, read from a memory store (no SQL read, no reprojection), measured
 * with the thread's CPU clock. Run like {@link PngEncoderCpuHarness}.
 */
public final class GeoJsonWriterCpuHarness {

    private GeoJsonWriterCpuHarness() {
    }

    public static void main(String[] args) throws Exception {
        // Geometries already in CRS84, with SRID 0 as the memory store accepts them.
        MemoryFeatureStore store = new MemoryFeatureStore();
        WmsTestData.load(store);
        List<Feature> communes = WmsTestData.communes();
        try (LayerWriter w = store.replaceLayer(store.schema("communes").orElseThrow(), new LayerInfo.Source("communes", "CRS84", null))) {
            for (Feature f : communes) {
                Geometry g = CrsTransforms.transform(f.geometry(), FeatureStore.STORAGE_SRID, 4326);
                g.setSRID(0);
                w.write(new Feature(f.id(), g, f.properties()));
            }
            w.commit();
        }
        List<String> attributes = List.of("code", "nom", "dep", "reg", "epci", "population");
        LayerFeatures layer = new LayerFeatures("communes", null, attributes, true, () -> store.query("communes", FeatureQuery.all()));
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
}
