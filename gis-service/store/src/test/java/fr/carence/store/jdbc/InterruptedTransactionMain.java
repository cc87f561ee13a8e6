package fr.carence.store.jdbc;

import fr.carence.store.LayerTransaction;
import java.nio.file.Path;

/**
 * Child process of {@link InterruptedTransactionTest}: stages version 2 of the three layers of
 * {@link LayerTransactionTest#versionTwo} and commits it, but stops inside the publication
 * transaction, after the first layer's registry row was swapped (uncommitted), says "PUBLISHING"
 * and waits to be killed. Arguments: {@code h2gis <dir>} or {@code postgis <url> <user> <password>}.
 */
public final class InterruptedTransactionMain {

    private InterruptedTransactionMain() {
    }

    public static void main(String[] args) {
        StoreConfig config = args[0].equals("h2gis") ? StoreConfig.h2gis(Path.of(args[1]))
                : StoreConfig.postgis(args[1], args[2], args.length > 3 ? args[3] : "");
        JdbcFeatureStore store = (JdbcFeatureStore) FeatureStores.open(config);
        store.publicationHook(layer -> {
            if (layer.equals(InterruptedTransactionTest.LAYERS.get(1))) {
                System.out.println("PUBLISHING");
                System.out.flush();
                try {
                    Thread.sleep(600_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        });
        LayerTransaction tx = LayerTransactionTest.versionTwo(store, InterruptedTransactionTest.LAYERS.get(0),
                InterruptedTransactionTest.LAYERS.get(1), InterruptedTransactionTest.LAYERS.get(2));
        tx.commit();
        System.out.println("PUBLISHED");  // never reached: the parent kills the process first
    }
}
