package fr.carence.loaders.admin;

import static org.assertj.core.api.Assertions.assertThat;

import fr.carence.loaders.core.CommuneCodes;
import fr.carence.loaders.core.LoadContext;
import fr.carence.loaders.core.LoadReport;
import fr.carence.loaders.core.Progress;
import fr.carence.loaders.core.TestFiles;
import fr.carence.store.FeatureQuery;
import fr.carence.store.FeatureStore;
import fr.carence.store.testing.BothStores;
import fr.carence.store.testing.MemoryFeatureStore;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class AdminLoaderRealDataTest {

    private static List<Path> nationalFiles() {
        return List.of(TestFiles.sharedData("communes-population/communes.json.gz"),
                TestFiles.sharedData("communes-population/epci.json.gz"),
                TestFiles.sharedData("communes-population/departements.json"),
                TestFiles.sharedData("communes-population/regions.json"));
    }

    @BothStores
    void loadsTheNationalCogFiles(FeatureStore store) {
        LoadReport report = new AdminLoader().load(nationalFiles(), LoadContext.of(store, Progress.silent()));

        assertThat(report.featuresWritten("communes_insee")).isEqualTo(34_969);
        assertThat(report.featuresWritten("epci")).isEqualTo(1_255);
        assertThat(report.featuresWritten("departements_insee")).isEqualTo(109);
        assertThat(report.featuresWritten("regions_insee")).isEqualTo(26);
        assertThat(report.duplicates()).hasSize(2); // 55273 and 60455: fusion kept over the later association
        assertThat(store.count("communes_insee", FeatureQuery.all())).isEqualTo(34_969);

        CommuneCodes codes = CommuneCodes.fromStore(store);
        assertThat(codes.normalise("75101")).contains("75056");
        assertThat(codes.normalise("13201")).contains("13055");
        assertThat(codes.normalise("69381")).contains("69123");
        assertThat(codes.normalise("14152")).contains("14174");   // merged into Condé-en-Normandie
        assertThat(codes.normalise("1001")).contains("01001");    // leading zero lost by a spreadsheet
        assertThat(codes.normalise("2a004")).contains("2A004");
        assertThat(codes.normalise("99999")).isEmpty();
    }

    @Test
    void csvFormGivesTheSameCommunesAndHistory() {
        FeatureStore json = new MemoryFeatureStore();
        new AdminLoader().load(List.of(TestFiles.sharedData("communes-population/communes.json.gz")), LoadContext.of(json, Progress.silent()));
        FeatureStore csv = new MemoryFeatureStore();
        new AdminLoader().load(List.of(TestFiles.sharedData("communes-population/communes-2026.csv")), LoadContext.of(csv, Progress.silent()));

        assertThat(csv.count("communes_insee", FeatureQuery.all())).isEqualTo(34_969);
        assertThat(csv.count("codes_communes_historique", FeatureQuery.all()))
                .isEqualTo(json.count("codes_communes_historique", FeatureQuery.all()));
    }
}
