package fr.carence.api.chargement;

import fr.carence.loaders.core.DatasetLoader;
import fr.carence.loaders.core.InputKind;
import fr.carence.loaders.core.LoadContext;
import fr.carence.loaders.core.LoadReport;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Test-only dataset "fixture-attente" (registered in the test resources' service file): its
 * load writes nothing and waits until the test releases it, so a second upload can be sent while
 * a load is certainly running.
 */
public final class FixtureBlockingLoader implements DatasetLoader {

    static final String KEY = "fixture-attente";
    static volatile CountDownLatch started = new CountDownLatch(1);
    static volatile CountDownLatch release = new CountDownLatch(1);

    static void reset() {
        started = new CountDownLatch(1);
        release = new CountDownLatch(1);
    }

    @Override
    public String key() {
        return KEY;
    }

    @Override
    public String description() {
        return "Jeu de test : attend d'être libéré, n'écrit rien";
    }

    @Override
    public List<String> layers() {
        return List.of();
    }

    @Override
    public Set<InputKind> inputKinds() {
        return Set.of(InputKind.CSV);
    }

    @Override
    public LoadReport load(List<Path> files, LoadContext ctx) {
        started.countDown();
        try {
            if (!release.await(60, TimeUnit.SECONDS)) {
                throw new IllegalStateException("fixture loader never released");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        LoadReport report = new LoadReport(KEY);
        report.addRowsRead(files.size());
        return report;
    }
}
