package fr.carence.loaders.cli;

import fr.carence.loaders.core.DatasetLoader;
import fr.carence.loaders.core.DatasetLoaders;
import fr.carence.loaders.core.LoadContext;
import fr.carence.loaders.core.LoadReport;
import fr.carence.loaders.core.Progress;
import fr.carence.store.FeatureStore;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Parameters;

@Command(name = "load", description = "Charge un jeu de données officiel dans le magasin (remplacement atomique des couches).")
final class LoadCommand implements Callable<Integer> {

    @ParentCommand
    CarenceCli parent;

    @Mixin
    StoreOptions store;

    @Parameters(index = "0", paramLabel = "JEU", description = "Clé du jeu (voir « carence datasets »).")
    String dataset;

    @Parameters(index = "1..*", arity = "1..*", paramLabel = "FICHIER", description = "Fichiers à charger.")
    List<Path> files;

    @Option(names = {"-o", "--option"}, paramLabel = "CLÉ=VALEUR", description = "Option du chargeur (répétable), ex. millesime=\"COG 2026\".")
    Map<String, String> options = new LinkedHashMap<>();

    @Option(names = {"-q", "--quiet"}, description = "Pas d'affichage de progression.")
    boolean quiet;

    @Override
    public Integer call() {
        DatasetLoader loader = DatasetLoaders.require(dataset);
        StoreSettings settings = store.settings();
        try (FeatureStore fs = parent.opener().open(settings)) {
            Progress progress = quiet ? Progress.silent() : Progress.terminal();
            LoadReport report = loader.load(files,
                    new LoadContext(fs, progress, options, "cli:" + System.getProperty("user.name")).forFiles(files));
            parent.out().print(report.summary());
        }
        return 0;
    }
}
