package fr.carence.loaders.cli;

import fr.carence.loaders.core.DatasetLoaders;
import fr.carence.loaders.core.LoadContext;
import fr.carence.loaders.core.LoadReport;
import fr.carence.loaders.core.Progress;
import fr.carence.loaders.intentions.IntentionTemplate;
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

/**
 * {@code carence intentions <fichier>}: the AMII intentions, as {@code carence load intentions}
 * (same loader, same checks, every error of the file at once); {@code --modele csv|geojson} prints
 * the template instead (docs/amii.md).
 */
@Command(name = "intentions", description = "Charge les intentions d'investissement d'un AMII (remplace les précédentes), "
        + "ou affiche le modèle de fichier avec --modele.")
final class IntentionsCommand implements Callable<Integer> {

    @ParentCommand
    CarenceCli parent;

    @Mixin
    StoreOptions store;

    @Parameters(index = "0", arity = "0..1", paramLabel = "FICHIER", description = "Fichier CSV ou GeoJSON des intentions.")
    Path file;

    @Option(names = "--modele", paramLabel = "FORMAT", description = "Affiche le modèle de fichier : csv ou geojson.")
    String template;

    @Option(names = {"-o", "--option"}, paramLabel = "CLÉ=VALEUR", description = "Option du chargeur, ex. millesime=\"AMII Occitanie 2026\".")
    Map<String, String> options = new LinkedHashMap<>();

    @Option(names = {"-q", "--quiet"}, description = "Pas d'affichage de progression.")
    boolean quiet;

    @Override
    public Integer call() {
        if (template != null) {
            switch (template) {
                case "csv" -> parent.out().print(IntentionTemplate.csv());
                case "geojson" -> parent.out().print(IntentionTemplate.geojson());
                default -> throw new CliUsageException("--modele " + template + " : attendu csv ou geojson");
            }
            return 0;
        }
        if (file == null) {
            throw new CliUsageException("indiquer le fichier des intentions, ou --modele csv|geojson");
        }
        List<Path> files = List.of(file);
        try (FeatureStore fs = parent.opener().open(store.settings())) {
            Progress progress = quiet ? Progress.silent() : Progress.terminal();
            LoadReport report = DatasetLoaders.require("intentions").load(files,
                    new LoadContext(fs, progress, options, "cli:" + System.getProperty("user.name")).forFiles(files));
            parent.out().print(report.summary());
        }
        return 0;
    }
}
