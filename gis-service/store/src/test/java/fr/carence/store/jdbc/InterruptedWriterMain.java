package fr.carence.store.jdbc;

import fr.carence.store.FeatureStore;
import fr.carence.store.LayerWriter;
import java.nio.file.Path;

/**
 * Child process of {@link InterruptedWriteTest}: starts a write of the fixture grid, says
 * "WRITING" once several batches have reached the database, then waits to be killed.
 * Arguments: {@code layer|partition h2gis <dir>} or {@code layer|partition postgis <url> <user> <password>}.
 */
public final class InterruptedWriterMain {

    private InterruptedWriterMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        StoreConfig config = args[1].equals("h2gis") ? StoreConfig.h2gis(Path.of(args[2]))
                : StoreConfig.postgis(args[2], args[3], args.length > 4 ? args[4] : "");
        FeatureStore store = FeatureStores.open(config);
        LayerWriter writer = args[0].equals("layer")
                ? store.replaceLayer(Fixtures.gridSchema(InterruptedWriteTest.LAYER), Fixtures.SOURCE)
                : store.replacePartition(PartitionTest.schema(InterruptedWriteTest.PARTITIONED), "scenario", "defaut", Fixtures.SOURCE);
        for (int i = 0; i < 3 * BatchedWriter.BATCH_SIZE; i++) {
            writer.write(args[0].equals("layer") ? Fixtures.cell(i % 10, i / 10 % 10) : PartitionTest.site("defaut", 1000 + i));
        }
        System.out.println("WRITING");
        System.out.flush();
        Thread.sleep(600_000);
    }
}
