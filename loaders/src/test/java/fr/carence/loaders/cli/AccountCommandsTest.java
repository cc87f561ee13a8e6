package fr.carence.loaders.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.bcrypt.BCrypt;

/** {@code carence compte} and {@code carence jeton}: the lines they print, and what they refuse. */
class AccountCommandsTest {

    private static final Pattern USER_LINE = Pattern.compile("([^=]+)=\\{bcrypt}(\\$2a\\$10\\$[./A-Za-z0-9]{53}),(.+)");

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String stdin, String... args) {
        return new CarenceCli(settings -> {
            throw new AssertionError("account commands never open the store");
        }, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), null,
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8)).run(args);
    }

    private String stdout() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void compteHashesThePasswordReadOnStandardInputAndPrintsOneLine() {
        assertThat(run("un mot de passe sûr\nligne ignorée\n", "compte", "--login", "agent.dgcl", "--roles", "planner, Funder,PLANNER"))
                .as(stderr()).isZero();
        assertThat(stdout().lines()).hasSize(1);
        Matcher m = USER_LINE.matcher(stdout().strip());
        assertThat(m.matches()).as(stdout()).isTrue();
        assertThat(m.group(1)).isEqualTo("agent.dgcl");
        assertThat(m.group(3)).isEqualTo("PLANNER,FUNDER");
        assertThat(BCrypt.checkpw("un mot de passe sûr", m.group(2))).isTrue();
        assertThat(BCrypt.checkpw("un mot de passe sur", m.group(2))).isFalse();
        assertThat(stdout()).doesNotContain("un mot de passe");
        assertThat(stderr()).contains("entrée standard");
    }

    @Test
    void compteRefusesShortOrMissingPasswordsAndUnknownRolesOrLogins() {
        assertThat(run("court\n", "compte", "--login", "a", "--roles", "ADMIN")).isEqualTo(2);
        assertThat(stderr()).contains("trop court : 12 caractères au moins");
        assertThat(run("", "compte", "--login", "a", "--roles", "ADMIN")).isEqualTo(2);
        assertThat(stderr()).contains("aucun mot de passe");
        assertThat(run("un mot de passe sûr\n", "compte", "--login", "a", "--roles", "ADMIN,MAIRE")).isEqualTo(2);
        assertThat(stderr()).contains("rôle inconnu « MAIRE »");
        assertThat(run("un mot de passe sûr\n", "compte", "--login", "a:b", "--roles", "ADMIN")).isEqualTo(2);
        assertThat(stderr()).contains("--login « a:b » invalide");
        assertThat(run("un mot de passe sûr\n", "compte", "--login", "a")).isEqualTo(2);
        assertThat(stderr()).contains("--roles");
        assertThat(stdout()).isEmpty();
    }

    @Test
    void jetonShowsARandomTokenOnceAndPrintsItsDigestLine() throws Exception {
        assertThat(run("", "jeton", "--login", "notebook", "--roles", "PLANNER")).isZero();
        String token = stderr().lines().filter(l -> l.matches("[A-Za-z0-9_-]{43}")).findFirst().orElseThrow();
        String digest = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        assertThat(stdout()).isEqualTo(digest + "=notebook,PLANNER" + System.lineSeparator());
        assertThat(stdout()).doesNotContain(token);

        out.reset();
        err.reset();
        assertThat(run("", "jeton", "--login", "notebook", "--roles", "PLANNER")).isZero();
        assertThat(stderr()).doesNotContain(token);
        assertThat(run("", "jeton", "--login", "notebook", "--roles", "ROLE_ADMIN")).isEqualTo(2);
    }
}
