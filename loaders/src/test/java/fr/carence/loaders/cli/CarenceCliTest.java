package fr.carence.loaders.cli;

import static org.assertj.core.api.Assertions.assertThat;

import fr.carence.loaders.core.TestFiles;
import fr.carence.store.FeatureQuery;
import fr.carence.store.FeatureStore;
import fr.carence.store.StoreException;
import fr.carence.store.jdbc.FeatureStores;
import fr.carence.store.jdbc.StoreConfig;
import fr.carence.store.testing.MemoryFeatureStore;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CarenceCliTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final List<StoreSettings> opened = new ArrayList<>();
    private final MemoryFeatureStore memory = new MemoryFeatureStore();

    private int run(StoreOpener opener, String... args) {
        return new CarenceCli(opener, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)).run(args);
    }

    private int run(String... args) {
        return run(settings -> {
            opened.add(settings);
            return memory;
        }, args);
    }

    private String stdout() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void listsTheDatasets() {
        assertThat(run("datasets")).isZero();
        assertThat(stdout()).contains("admin", "communes", "limites").contains("couches : communes_insee");
    }

    @Test
    void intentionsPrintsTheTemplateAndEveryBadLineOfAFile(@org.junit.jupiter.api.io.TempDir java.nio.file.Path tmp)
            throws java.io.IOException {
        assertThat(run("intentions", "--modele", "csv")).isZero();
        assertThat(stdout()).contains("id;porteur;type;adresse;code_commune;lon;lat;places;date_ouverture;statut");
        String admin = TestFiles.resource("admin/fixture-admin/communes.json").toString();
        assertThat(run("load", "--quiet", "--data-dir", "/tmp/x", "admin", admin)).isZero();
        java.nio.file.Path bad = java.nio.file.Files.writeString(tmp.resolve("amii.csv"),
                "porteur;type;code_commune;lon;lat;places;statut\nMairie;coworking;;;;5;projet\n;coworking;;3.1;44.1;5;ouvert\n");
        assertThat(run("intentions", "--quiet", "--data-dir", "/tmp/x", bad.toString())).isEqualTo(CarenceCli.EXIT_DATA);
        assertThat(stderr()).startsWith("Erreur : amii.csv : 2 erreurs").contains("ligne 2, champ « code_commune »")
                .contains("ligne 3, champ « porteur »").doesNotContain("Exception");
        assertThat(memory.schema("intentions_amii")).isEmpty();
    }

    @Test
    void loadsAndPrintsTheReport() {
        String file = TestFiles.resource("admin/fixture-admin/communes.json").toString();
        assertThat(run("load", "--quiet", "--data-dir", "/tmp/x", "admin", file)).isZero();
        assertThat(stdout()).contains("couche communes_insee : 4 entités");
        assertThat(memory.count("communes_insee", FeatureQuery.all())).isEqualTo(4);
        // The provenance says who loaded it: the system account running the command line.
        assertThat(memory.info("communes_insee").orElseThrow().source().loadedBy())
                .isEqualTo("cli:" + System.getProperty("user.name"));
        assertThat(opened).containsExactly(new StoreSettings("h2gis", Path.of("/tmp/x"), null, null, null, 3, 30));
    }

    @Test
    void badInputIsOneMessageWithoutStackTrace() {
        String file = TestFiles.resource("admin/fixture-admin/communes.json").toString();
        assertThat(run("load", "--quiet", "communes", file)).isEqualTo(CarenceCli.EXIT_DATA);
        assertThat(stderr()).isEqualTo("Erreur : la couche de référence « communes_insee » est absente du magasin : "
                + "chargez d'abord le jeu « admin » (carence load admin communes.json.gz …)" + System.lineSeparator());
    }

    @Test
    void verboseAddsTheStackTrace() {
        String file = TestFiles.resource("admin/fixture-admin/communes.json").toString();
        assertThat(run("load", "--quiet", "--verbose", "communes", file)).isEqualTo(CarenceCli.EXIT_DATA);
        assertThat(stderr()).contains("\tat fr.carence.loaders");
    }

    @Test
    void unknownDatasetListsTheKnownOnes() {
        assertThat(run("load", "inconnu", "x.csv")).isEqualTo(CarenceCli.EXIT_DATA);
        assertThat(stderr()).startsWith("Erreur : jeu de données inconnu « inconnu » (jeux connus : admin,");
    }

    @Test
    void postgisNeedsAnUrl() {
        assertThat(run("load", "--store", "postgis", "--jdbc-url", "", "admin", "x.json")).isEqualTo(CarenceCli.EXIT_USAGE);
        assertThat(stderr()).contains("--store postgis demande --jdbc-url");
    }

    @Test
    void missingFileIsNamed() {
        assertThat(run("load", "--quiet", "admin", "/nulle/part/communes.json")).isEqualTo(CarenceCli.EXIT_DATA);
        assertThat(stderr()).isEqualTo("Erreur : communes.json : fichier introuvable" + System.lineSeparator());
    }

    @Test
    void storeFailureIsExitCode3WithoutStackTrace() {
        int code = run(settings -> {
            throw new StoreException("cannot open the postgis store: Connection refused");
        }, "load", "admin", "x.json");
        assertThat(code).isEqualTo(CarenceCli.EXIT_STORE);
        assertThat(stderr()).startsWith("Erreur : magasin de données : cannot open the postgis store: Connection refused")
                .doesNotContain("\tat ");
    }

    @Test
    void realH2gisStoreThroughTheDefaultOpener(@TempDir Path dataDir) {
        String file = TestFiles.resource("admin/fixture-admin/communes.json").toString();
        assertThat(run(new JdbcStoreOpener(), "load", "--quiet", "--data-dir", dataDir.toString(), "admin", file)).isZero();
        try (FeatureStore store = FeatureStores.open(StoreConfig.h2gis(dataDir).withH2AutoServer(true))) {
            assertThat(store.count("communes_insee", FeatureQuery.all())).isEqualTo(4);
        }
    }
}
