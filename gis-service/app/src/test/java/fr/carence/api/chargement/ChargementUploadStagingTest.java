package fr.carence.api.chargement;

import static fr.carence.api.chargement.ChargementFixtures.sample;
import static fr.carence.api.chargement.ChargementFixtures.sampleText;
import static fr.carence.api.chargement.ChargementFixtures.zip;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.carence.loaders.core.DatasetLoader;
import fr.carence.loaders.core.DatasetLoaders;
import fr.carence.loaders.sample.OccitanieSample;
import fr.carence.loaders.sample.SampleManifest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.http.HttpStatus;

/**
 * Staging of uploads without HTTP: every committed sample file passes the checks for its own
 * dataset, and hostile or mistaken uploads are refused with a message naming the file, leaving
 * no file behind (inside or outside the staging directory).
 */
class ChargementUploadStagingTest {

    @TempDir
    Path work;
    Path staging;
    UploadStager stager;

    @BeforeEach
    void setUp() throws IOException {
        staging = Files.createDirectories(work.resolve("staging"));
        // small limits so the bombs are caught quickly: 8 MiB upload, 64 MiB expanded, 20 entries, ratio 100
        stager = new UploadStager(new ChargementProperties(8, 64, 20, 100, staging.toString(), 4, java.time.Duration.ofHours(24)));
    }

    record Part(String originalName, byte[] bytes) implements UploadPart {
        @Override
        public long size() {
            return bytes.length;
        }

        @Override
        public InputStream open() {
            return new ByteArrayInputStream(bytes);
        }
    }

    @Test
    void everyCommittedSampleFilePassesForItsDataset() {
        SampleManifest manifest = OccitanieSample.manifest();
        for (SampleManifest.Entry entry : manifest.entries()) {
            DatasetLoader loader = DatasetLoaders.require(entry.dataset());
            List<Part> parts = entry.resources().stream().map(r -> new Part(r, sample(r))).toList();
            try (StagedUpload staged = stager.stage(loader, parts)) {
                assertThat(staged.loaderFiles()).as(entry.dataset()).extracting(p -> p.getFileName().toString())
                        .containsExactlyElementsOf(entry.resources());
            }
        }
        assertThat(staging).isEmptyDirectory();
    }

    @Test
    void aZipIsUnpackedKeepingItsFoldersAndHandsOnlyDataFilesToTheLoader() throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("cog/", new byte[0]);
        entries.put("cog/communes.json", sampleText("communes.json.gz"));
        entries.put("cog/epci.json", sampleText("epci.json.gz"));
        entries.put("__MACOSX/cog/._communes.json", new byte[] {0, 5, 22, 7, 0, 2, 0, 0});
        try (StagedUpload staged = stager.stage(DatasetLoaders.require("admin"), List.of(new Part("cog-2026.zip", zip(entries))))) {
            assertThat(staged.loaderFiles()).extracting(p -> staged.dir().relativize(p).toString().replace('\\', '/'))
                    .containsExactly(".zip-1/cog/communes.json", ".zip-1/cog/epci.json");
            assertThat(staged.loaderFiles()).allMatch(Files::isRegularFile);
            try (Stream<Path> files = Files.walk(staged.dir())) {
                assertThat(files.filter(p -> p.getFileName().toString().endsWith(".zip"))).isEmpty();
            }
        }
        assertThat(staging).isEmptyDirectory();
    }

    @Test
    void zipSlipEntriesAreRefusedAndNothingIsWrittenOutside() {
        for (String evil : List.of("../fixture-evasion.csv", "cog/../../fixture-evasion.csv", "/tmp/fixture-evasion.csv",
                "C:/fixture-evasion.csv", "..\\fixture-evasion.csv")) {
            byte[] archive = zip(Map.of(evil, "nom,lon,lat\n".getBytes()));
            assertRefused("lieux", new Part("fixture-zip-slip.zip", archive), HttpStatus.BAD_REQUEST, "archive_refusee",
                    "fixture-zip-slip.zip/");
        }
        assertThat(work.resolve("fixture-evasion.csv")).doesNotExist();
        assertThat(Path.of("/tmp/fixture-evasion.csv")).doesNotExist();
        assertThat(staging).isEmptyDirectory();
    }

    @Test
    void symbolicLinksNestedArchivesAndTooManyEntriesAreRefused() {
        assertRefused("lieux", new Part("fixture-lien.zip", ChargementFixtures.zipWithSymlink("lieux.csv", "/etc/passwd")),
                HttpStatus.BAD_REQUEST, "archive_refusee", "lien symbolique");
        assertRefused("lieux", new Part("fixture-poupee.zip", zip(Map.of("interieur.zip", zip(Map.of("a.csv", "x\n".getBytes()))))),
                HttpStatus.BAD_REQUEST, "archive_refusee", "archive dans l'archive");
        Map<String, byte[]> many = new LinkedHashMap<>();
        for (int i = 0; i < 21; i++) {
            many.put("fixture-" + i + ".csv", "nom,lon,lat\n".getBytes());
        }
        assertRefused("lieux", new Part("fixture-nombreux.zip", zip(many)), HttpStatus.BAD_REQUEST, "archive_refusee", "21 entrées");
        assertThat(staging).isEmptyDirectory();
    }

    @Test
    void zipAndGzipBombsAreStoppedByTheirCompressionRatio() {
        UploadRejectedException zip = assertRefused("lieux", new Part("fixture-bombe.zip", ChargementFixtures.zipBomb(48)),
                HttpStatus.PAYLOAD_TOO_LARGE, "trop_volumineux", "taux de compression anormal");
        assertThat(zip.file()).isEqualTo("fixture-bombe.zip/fixture-bombe.csv");
        assertRefused("lieux", new Part("fixture-bombe.csv.gz", ChargementFixtures.gzipBomb(48)),
                HttpStatus.PAYLOAD_TOO_LARGE, "trop_volumineux", "taux de compression anormal");
        assertThat(staging).isEmptyDirectory();
    }

    @Test
    void theExpandedTotalIsCappedEvenAtAnOrdinaryRatio() {
        // the real communes GeoJSON expands ~7:1; with a 4 MiB expansion cap it must stop
        UploadStager tight = new UploadStager(new ChargementProperties(8, 4, 20, 100, staging.toString(), 4, java.time.Duration.ofHours(24)));
        assertThatThrownBy(() -> tight.stage(DatasetLoaders.require("communes"),
                List.of(new Part("communes-2018-occitanie.geojson.gz", sample("communes-2018-occitanie.geojson.gz")))))
                .isInstanceOfSatisfying(UploadRejectedException.class, e -> {
                    assertThat(e.code()).isEqualTo("trop_volumineux");
                    assertThat(e.getMessage()).contains("4 Mo").contains("max-uncompressed-megabytes");
                });
        assertThat(staging).isEmptyDirectory();
    }

    @Test
    void typesAreCheckedAgainstTheLoaderAndTheContent() {
        assertRefused("lieux", new Part("lieux.csv", ChargementFixtures.fixturePng()), HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                "type_refuse", "PNG");
        assertRefused("lieux", new Part("fixture-lieux.shp", new byte[200]), HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                "type_refuse", "non accepté par le jeu « lieux »");
        assertRefused("lieux", new Part("fixture-lieux.json", "nom,lon,lat\n".getBytes()), HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                "type_refuse", "JSON");
        assertRefused("communes", new Part("fixture-communes.shp", "pas un shapefile".repeat(10).getBytes()),
                HttpStatus.UNSUPPORTED_MEDIA_TYPE, "type_refuse", "9994");
        assertRefused("lieux", new Part("fixture-lieux.csv.gz", "nom,lon,lat\n".getBytes()), HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                "type_refuse", "gzip");
        assertRefused("lieux", new Part("fixture-lieux.xlsx", zip(Map.of("xl/workbook.xml", "<x/>".getBytes()))),
                HttpStatus.UNSUPPORTED_MEDIA_TYPE, "type_refuse", "non accepté");
        assertThat(staging).isEmptyDirectory();
    }

    @Test
    void namesArePlainAndUnique() {
        // a client-sent directory is dropped, the name itself is kept
        try (StagedUpload staged = stager.stage(DatasetLoaders.require("lieux"),
                List.of(new Part("../../C:\\donnees\\lieux.csv", sampleText("tiers-lieux-occitanie-2016.csv.gz"))))) {
            assertThat(staged.loaderFiles()).extracting(p -> p.getFileName().toString()).containsExactly("lieux.csv");
            assertThat(staged.loaderFiles().get(0).getParent()).isEqualTo(staged.dir());
        }
        assertRefused("lieux", new Part(".htaccess.csv", "a\n".getBytes()), HttpStatus.BAD_REQUEST, "nom_fichier_invalide", "refusé");
        assertRefused("lieux", new Part("lieux\u0000.csv", "a\n".getBytes()), HttpStatus.BAD_REQUEST, "nom_fichier_invalide", "lieux?.csv");
        byte[] csv = "nom,lon,lat\n".getBytes();
        UploadRejectedException twice = assertThrows(() -> stager.stage(DatasetLoaders.require("lieux"),
                List.of(new Part("lieux.csv", csv), new Part("LIEUX.csv", csv))));
        assertThat(twice.code()).isEqualTo("fichier_en_double");
        assertThat(staging).isEmptyDirectory();
    }

    @Test
    void shapefileCompanionsNeedTheirShp() {
        byte[] dbf = new byte[64];
        dbf[0] = 0x03;
        dbf[8] = 65;
        dbf[10] = 10;
        assertRefused("communes", new Part("COMMUNE.dbf", dbf), HttpStatus.UNSUPPORTED_MEDIA_TYPE, "type_refuse", "sans son fichier .shp");
    }

    private UploadRejectedException assertRefused(String dataset, Part part, HttpStatus status, String code, String messagePart) {
        UploadRejectedException e = assertThrows(() -> stager.stage(DatasetLoaders.require(dataset), List.of(part)));
        assertThat(e.status()).as(e.getMessage()).isEqualTo(status);
        assertThat(e.code()).as(e.getMessage()).isEqualTo(code);
        assertThat(e.getMessage()).contains(messagePart);
        return e;
    }

    private static UploadRejectedException assertThrows(org.junit.jupiter.api.function.Executable call) {
        return org.junit.jupiter.api.Assertions.assertThrows(UploadRejectedException.class, call);
    }
}
