package fr.carence.loaders.cli;

import fr.carence.loaders.core.LoadReport;
import fr.carence.loaders.core.Progress;
import fr.carence.loaders.sample.NationalBase;
import fr.carence.store.FeatureStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "national", description = "Charge la base nationale (toutes les couches disponibles au niveau national) "
        + "depuis un répertoire organisé comme shared/data.")
final class NationalCommand implements Callable<Integer> {

    @ParentCommand
    CarenceCli parent;

    @Mixin
    StoreOptions store;

    @Option(names = {"-d", "--donnees"}, paramLabel = "RÉPERTOIRE",
            description = "Répertoire des données (défaut : $CARENCE_DONNEES, sinon ./shared/data ou ../shared/data).")
    Path dataDir;

    @Option(names = {"-q", "--quiet"}, description = "Pas d'affichage de progression.")
    boolean quiet;

    @Override
    public Integer call() {
        Path dir = dataDir != null ? dataDir : defaultDir();
        try (FeatureStore fs = parent.opener().open(store.settings())) {
            for (LoadReport r : NationalBase.loadInto(fs, dir, quiet ? Progress.silent() : Progress.terminal())) {
                parent.out().print(r.summary());
            }
        }
        return 0;
    }

    private static Path defaultDir() {
        String env = System.getenv("CARENCE_DONNEES");
        if (env != null && !env.isBlank()) {
            return Path.of(env);
        }
        for (Path p : List.of(Path.of("shared/data"), Path.of("../shared/data"))) {
            if (Files.isDirectory(p)) {
                return p;
            }
        }
        throw new CliUsageException("répertoire des données introuvable : indiquer --donnees RÉPERTOIRE "
                + "(ou la variable CARENCE_DONNEES)");
    }
}
