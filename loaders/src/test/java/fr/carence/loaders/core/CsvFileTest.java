package fr.carence.loaders.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CSV reader on small made-up files (written by each test, named fixture-*). */
class CsvFileTest {

    private static final CsvSpec COMMA = CsvSpec.of(',', TextEncoding.UTF8_ONLY, List.of("code", "population"), NumberStyle.PLAIN);

    @TempDir
    Path dir;

    private Path write(String name, String text, Charset charset) throws IOException {
        Path p = dir.resolve(name);
        Files.write(p, text.getBytes(charset));
        return p;
    }

    private Path write(String name, String text) throws IOException {
        return write(name, text, StandardCharsets.UTF_8);
    }

    private static List<CsvRow> readAll(Path p, CsvSpec spec) {
        List<CsvRow> rows = new ArrayList<>();
        try (CsvFile csv = CsvFile.open(p, spec, Progress.silent())) {
            csv.forEach(rows::add);
        }
        return rows;
    }

    @Test
    void readsRowsWithLineNumbersAndStripsTheBom() throws IOException {
        Path p = write("fixture-ok.csv", "\uFEFFcode,nom,population\n01001,\"L'Abergement, près\",860\n\n01002,Ambérieu,270\n");
        List<CsvRow> rows = readAll(p, COMMA);
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).get("code")).isEqualTo("01001");
        assertThat(rows.get(0).get("nom")).isEqualTo("L'Abergement, près");
        assertThat(rows.get(1).line()).isEqualTo(4);
        assertThat(rows.get(1).requiredCount("population")).isEqualTo(270);
    }

    @Test
    void readsGzipTransparently() throws IOException {
        Path p = dir.resolve("fixture-ok.csv.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(p))) {
            out.write("code,population\n2A004,12\n".getBytes(StandardCharsets.UTF_8));
        }
        assertThat(readAll(p, COMMA)).extracting(r -> r.get("code")).containsExactly("2A004");
    }

    @Test
    void wrongSeparatorIsNamed() throws IOException {
        Path p = write("fixture-point-virgule.csv", "code;population\n01001;860\n");
        assertThatThrownBy(() -> readAll(p, COMMA)).isInstanceOf(LoadException.class)
                .hasMessage("fixture-point-virgule.csv, ligne 1 : séparateur « ; » trouvé là où « , » est attendu");
    }

    @Test
    void latin1IsRefusedWhereOnlyUtf8IsAccepted() throws IOException {
        Path p = write("fixture-latin1.csv", "code,nom,population\n01001,Abergement,860\n01004,Ambérieu,15934\n", StandardCharsets.ISO_8859_1);
        assertThatThrownBy(() -> readAll(p, COMMA)).isInstanceOf(LoadException.class)
                .hasMessageStartingWith("fixture-latin1.csv, ligne 3 : le fichier n'est pas en UTF-8");
    }

    @Test
    void latin1IsDecodedWhereTheLoaderAcceptsIt() throws IOException {
        Path p = write("fixture-latin1.csv", "code,nom,population\n01004,Ambérieu-en-Bugey,15934\n", StandardCharsets.ISO_8859_1);
        CsvSpec spec = CsvSpec.of(',', TextEncoding.UTF8_OR_WINDOWS_1252, List.of("code"), NumberStyle.PLAIN);
        assertThat(readAll(p, spec).get(0).get("nom")).isEqualTo("Ambérieu-en-Bugey");
    }

    @Test
    void truncatedLastLineIsNamed() throws IOException {
        Path p = write("fixture-tronque.csv", "code,nom,population\n01001,Abergement,860\n01002,Amb");
        assertThatThrownBy(() -> readAll(p, COMMA)).isInstanceOf(LoadException.class)
                .hasMessage("fixture-tronque.csv, ligne 3 : 2 champs au lieu de 3 : ligne tronquée ou mal formée (séparateur « , »)");
    }

    @Test
    void unterminatedQuoteIsNamed() throws IOException {
        Path p = write("fixture-guillemet.csv", "code,nom,population\n01001,Abergement,860\n01002,\"Amb");
        assertThatThrownBy(() -> readAll(p, COMMA)).isInstanceOf(LoadException.class)
                .hasMessage("fixture-guillemet.csv, ligne 3 : guillemet ouvert jamais refermé : fichier tronqué ?");
    }

    @Test
    void truncatedGzipIsNamed() throws IOException {
        Path full = dir.resolve("full.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(full))) {
            out.write("code,population\n01001,860\n".repeat(2000).getBytes(StandardCharsets.UTF_8));
        }
        byte[] bytes = Files.readAllBytes(full);
        Path p = dir.resolve("fixture-tronque.csv.gz");
        Files.write(p, Arrays.copyOf(bytes, bytes.length / 2));
        assertThatThrownBy(() -> readAll(p, COMMA)).isInstanceOf(LoadException.class)
                .hasMessageStartingWith("fixture-tronque.csv.gz : lecture impossible");
    }

    @Test
    void missingRequiredColumnIsNamed() throws IOException {
        Path p = write("fixture-sans-population.csv", "code,nom\n01001,Abergement\n");
        assertThatThrownBy(() -> readAll(p, COMMA)).isInstanceOf(LoadException.class)
                .hasMessage("fixture-sans-population.csv, ligne 1, champ « population » : colonne obligatoire absente de l'en-tête (colonnes trouvées : code, nom)");
    }

    @Test
    void duplicatedColumnIsNamed() throws IOException {
        Path p = write("fixture-colonne-double.csv", "code,population,code\n01001,1,01001\n");
        assertThatThrownBy(() -> readAll(p, COMMA)).isInstanceOf(LoadException.class)
                .hasMessage("fixture-colonne-double.csv, ligne 1, champ « code » : colonne présente deux fois dans l'en-tête");
    }

    @Test
    void emptyFileIsNamed() throws IOException {
        Path p = write("fixture-vide.csv", "");
        assertThatThrownBy(() -> readAll(p, COMMA)).isInstanceOf(LoadException.class).hasMessage("fixture-vide.csv : fichier vide");
    }

    @Test
    void negativeAndNonNumericCountsAreNamed() throws IOException {
        Path p = write("fixture-effectifs.csv", "code,population\n01001,-3\n01002,beaucoup\n");
        List<CsvRow> rows = readAll(p, COMMA);
        assertThatThrownBy(() -> rows.get(0).count("population")).isInstanceOf(LoadException.class)
                .hasMessage("fixture-effectifs.csv, ligne 2, champ « population » : effectif négatif (-3)");
        assertThatThrownBy(() -> rows.get(1).count("population")).isInstanceOf(LoadException.class)
                .hasMessage("fixture-effectifs.csv, ligne 3, champ « population » : nombre attendu, trouvé « beaucoup »");
    }

    @Test
    void frenchNumbersWhereThePublisherUsesThem() throws IOException {
        Path p = write("fixture-francais.csv", "code;population;taux\n01001;1 460;12,5\n01002;-;\n");
        CsvSpec spec = CsvSpec.of(';', TextEncoding.UTF8_ONLY, List.of("code"), NumberStyle.FRENCH);
        List<CsvRow> rows = readAll(p, spec);
        assertThat(rows.get(0).count("population")).isEqualTo(1460L);
        assertThat(rows.get(0).decimal("taux")).isEqualTo(12.5);
        assertThat(rows.get(1).count("population")).isNull();
        assertThat(rows.get(1).decimal("taux")).isNull();
        // The same text is an error for a publisher that writes plain numbers.
        List<CsvRow> plain = readAll(p, CsvSpec.of(';', TextEncoding.UTF8_ONLY, List.of("code"), NumberStyle.PLAIN));
        assertThatThrownBy(() -> plain.get(0).count("population")).hasMessageContaining("« 1 460 »");
    }

    @Test
    void headerBelowTitleLines() throws IOException {
        Path p = write("fixture-titre.csv", "Titre INSEE\nSource : RP\ncode,population\n01001,860\n");
        List<CsvRow> rows = readAll(p, COMMA.withHeaderLine(3));
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).line()).isEqualTo(4);
    }
}
