package fr.carence.loaders.cli;

import fr.carence.loaders.core.LoadReport;
import fr.carence.loaders.core.Progress;
import fr.carence.loaders.sample.OccitanieSample;
import fr.carence.store.FeatureStore;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "sample", description = "Charge l'échantillon réel Occitanie livré avec Carence (tous les jeux, dans l'ordre).")
final class SampleCommand implements Callable<Integer> {

    @ParentCommand
    CarenceCli parent;

    @Mixin
    StoreOptions store;

    @Option(names = {"-q", "--quiet"}, description = "Pas d'affichage de progression.")
    boolean quiet;

    @Override
    public Integer call() {
        try (FeatureStore fs = parent.opener().open(store.settings())) {
            for (LoadReport r : OccitanieSample.loadInto(fs, quiet ? Progress.silent() : Progress.terminal())) {
                parent.out().print(r.summary());
            }
        }
        return 0;
    }
}
