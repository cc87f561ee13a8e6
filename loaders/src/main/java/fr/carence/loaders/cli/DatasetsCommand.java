package fr.carence.loaders.cli;

import fr.carence.loaders.core.DatasetLoader;
import fr.carence.loaders.core.DatasetLoaders;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

@Command(name = "datasets", description = "Liste les jeux de données que « load » sait charger.")
final class DatasetsCommand implements Callable<Integer> {

    @ParentCommand
    CarenceCli parent;

    @Override
    public Integer call() {
        for (DatasetLoader l : DatasetLoaders.all().values()) {
            parent.out().printf("%-10s %s%n", l.key(), l.description());
            parent.out().printf("%-10s couches : %s%s%n", "", String.join(", ", l.layers()),
                    l.dependsOn().isEmpty() ? "" : " (après : " + String.join(", ", l.dependsOn()) + ")");
        }
        return 0;
    }
}
