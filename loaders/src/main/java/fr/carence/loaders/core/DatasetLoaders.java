package fr.carence.loaders.core;

import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.TreeMap;

/** The loaders found on the classpath through {@link ServiceLoader}, by key. */
public final class DatasetLoaders {

    private DatasetLoaders() {
    }

    /** All loaders, sorted by key. */
    public static Map<String, DatasetLoader> all() {
        Map<String, DatasetLoader> byKey = new TreeMap<>();
        for (DatasetLoader l : ServiceLoader.load(DatasetLoader.class)) {
            DatasetLoader previous = byKey.putIfAbsent(l.key(), l);
            if (previous != null) {
                throw new IllegalStateException("two loaders declare the key '" + l.key() + "': "
                        + previous.getClass().getName() + " and " + l.getClass().getName());
            }
        }
        return byKey;
    }

    public static Optional<DatasetLoader> byKey(String key) {
        return Optional.ofNullable(all().get(key));
    }

    /** The loader for a key, or a user error listing the known keys. */
    public static DatasetLoader require(String key) {
        Map<String, DatasetLoader> all = all();
        DatasetLoader l = all.get(key);
        if (l == null) {
            throw LoadException.prerequisite("jeu de données inconnu « " + key + " » (jeux connus : "
                    + String.join(", ", all.keySet()) + ")");
        }
        return l;
    }
}
