package fr.carence.loaders.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.carence.loaders.core.LoadContext;
import fr.carence.loaders.core.Progress;
import fr.carence.loaders.core.TestFiles;
import fr.carence.loaders.testing.LayerSnapshot;
import fr.carence.store.FeatureStore;
import fr.carence.store.LayerTransaction;
import fr.carence.store.LayerWriter;
import fr.carence.store.StoreException;
import fr.carence.store.testing.BothStores;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The admin loader's five layers are published together: a store failure while the fourth one is
 * being staged (three already staged) leaves all five exactly as the previous load left them.
 */
class AdminLoaderAtomicityTest {

    private static final List<String> LAYERS = List.of("communes_insee", "codes_communes_historique", "epci",
            "departements_insee", "regions_insee");

    private static List<Path> nationalFiles() {
        return List.of(TestFiles.sharedData("communes-population/communes.json.gz"),
                TestFiles.sharedData("communes-population/epci.json.gz"),
                TestFiles.sharedData("communes-population/departements.json"),
                TestFiles.sharedData("communes-population/regions.json"));
    }

    /** Every feature and the publication time of each layer. */
    private static List<String> state(FeatureStore store) {
        List<String> all = new ArrayList<>();
        for (String layer : LAYERS) {
            all.add(layer + " committed " + store.info(layer).orElseThrow().committedAt());
            all.addAll(LayerSnapshot.of(store, layer));
        }
        return all;
    }

    @BothStores
    void aFailureMidwayPublishesNoneOfTheFiveLayers(FeatureStore store) {
        new AdminLoader().load(nationalFiles(), LoadContext.of(store, Progress.silent()));
        List<String> before = state(store);

        FeatureStore failing = failingOnWriterCommit(store, 4);
        assertThatThrownBy(() -> new AdminLoader().load(nationalFiles(), LoadContext.of(failing, Progress.silent())))
                .hasMessageContaining("injected failure");
        assertThat(state(store)).isEqualTo(before);
    }

    /**
     * The real store, except that the commit of the {@code failing}-th writer of a transaction
     * throws as a lost database connection would.
     */
    static FeatureStore failingOnWriterCommit(FeatureStore store, int failing) {
        AtomicInteger writers = new AtomicInteger();
        return proxy(FeatureStore.class, store, (target, method, args) -> {
            if (!method.getName().equals("transaction")) {
                return null;
            }
            return proxy(LayerTransaction.class, store.transaction(), (t, m, a) -> {
                if (!m.getName().startsWith("replace")) {
                    return null;
                }
                LayerWriter w;
                try {
                    w = (LayerWriter) m.invoke(t, a);
                } catch (InvocationTargetException e) {
                    throw (RuntimeException) e.getCause();
                }
                boolean fails = writers.incrementAndGet() == failing;
                return proxy(LayerWriter.class, w, (wt, wm, wa) -> {
                    if (fails && wm.getName().equals("commit")) {
                        throw new StoreException("injected failure while staging a layer");
                    }
                    return null;
                });
            });
        });
    }

    /** Interception hook: returns a replacement result, or null to call the target. */
    private interface Hook {
        Object apply(Object target, java.lang.reflect.Method method, Object[] args) throws Exception;
    }

    private static <T> T proxy(Class<T> type, T target, Hook hook) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (p, method, args) -> {
            Object replaced = hook.apply(target, method, args);
            if (replaced != null) {
                return replaced;
            }
            try {
                return method.invoke(target, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        }));
    }
}
