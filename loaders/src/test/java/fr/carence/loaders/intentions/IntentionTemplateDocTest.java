package fr.carence.loaders.intentions;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** docs/amii.md documents the intentions file column by column exactly as {@link IntentionTemplate} declares it. */
class IntentionTemplateDocTest {

    @Test
    void docsTableIsTheDeclaration() throws IOException {
        String doc = Files.readString(Path.of("../docs/amii.md"), StandardCharsets.UTF_8);
        String begin = "<!-- colonnes-amii:debut (généré depuis IntentionTemplate) -->\n";
        int b = doc.indexOf(begin);
        int e = doc.indexOf("<!-- colonnes-amii:fin -->");
        assertThat(b).as("markers in docs/amii.md").isNotNegative();
        assertThat(doc.substring(b + begin.length(), e)).isEqualTo(IntentionTemplate.markdown());
    }

    @Test
    void templateHeaderListsEveryColumnInOrder() {
        String header = IntentionTemplate.csv().replace("\uFEFF", "").lines().findFirst().orElseThrow();
        assertThat(header.split(";")).containsExactlyElementsOf(
                IntentionTemplate.COLUMNS.stream().map(IntentionTemplate.Column::name).toList());
    }
}
