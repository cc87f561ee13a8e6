package fr.carence.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.carence.app.CarenceApplication;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * A bad accounts file stops the service at start-up with Spring Boot's short report naming the
 * file and the line, not a stack trace.
 */
@ExtendWith(OutputCaptureExtension.class)
class SecurityStartupFailureTest {

    @TempDir
    Path dir;

    @Test
    void anUnknownRoleStopsTheStartWithOneClearMessage(CapturedOutput output) throws Exception {
        Path users = dir.resolve("fixture-users.properties");
        Files.writeString(users, "# comptes\nalice={bcrypt}$2a$04$abcdefghijklmnopqrstuu5Ue0Ux4b7q0LyZ0m1LWUaZ1oKqD6y3K,FUNDRE\n",
                StandardCharsets.UTF_8);
        assertThatThrownBy(() -> start("--carence.security.users-file=" + users)).isInstanceOf(SecurityFileException.class);
        assertThat(output.getAll()).contains("APPLICATION FAILED TO START")
                .contains("Fichier " + users + ", ligne 2 : rôle inconnu « FUNDRE »")
                .contains("docs/security.md")
                .doesNotContain("\tat org.springframework", "Error creating bean");
    }

    @Test
    void aMissingTokensFileStopsTheStartNamingIt(CapturedOutput output) {
        Path tokens = dir.resolve("absent-tokens.properties");
        assertThatThrownBy(() -> start("--carence.security.tokens-file=" + tokens)).isInstanceOf(SecurityFileException.class);
        assertThat(output.getAll()).contains("Fichier " + tokens + " : fichier introuvable.")
                .doesNotContain("\tat org.springframework", "Error creating bean");
    }

    private void start(String accountsArgument) {
        new SpringApplicationBuilder(CarenceApplication.class).run("--server.port=0",
                "--carence.store.data-dir=" + dir.resolve("data"), "--carence.startup.load-sample=false",
                "--carence.startup.default-scenario=false", "--carence.catalog.dir=../../geoserver-data",
                "--carence.styles.dir=../../sld-styles", accountsArgument).close();
    }
}
