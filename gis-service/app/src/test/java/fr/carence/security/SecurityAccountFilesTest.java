package fr.carence.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.carence.loaders.cli.CarenceCli;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.crypto.bcrypt.BCrypt;

/** The users and tokens files: what is accepted, and one French error naming file and line otherwise. */
class SecurityAccountFilesTest {

    private static final String HASH = "{bcrypt}" + BCrypt.hashpw("mdp", BCrypt.gensalt(4));

    @TempDir
    Path dir;

    private Path file(String... lines) throws IOException {
        Path f = dir.resolve("fixture-accounts.properties");
        Files.writeString(f, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
        return f;
    }

    @Test
    void usersFileReadsLoginsHashesAndRolesSkippingCommentsAndBlankLines() throws Exception {
        Path f = file("# comptes de test", "", "! autre commentaire", "alice=" + HASH + ",PLANNER, FUNDER", "bob.x@dgcl = " + HASH + ",ADMIN");
        List<UserAccount> users = UsersFile.read(f);
        assertThat(users).extracting(UserAccount::login).containsExactly("alice", "bob.x@dgcl");
        assertThat(users.get(0).roles()).containsExactlyInAnyOrder(Role.PLANNER, Role.FUNDER);
        assertThat(users.get(1).passwordHash()).isEqualTo(HASH);
    }

    @Test
    void usersFileErrorsNameTheFileAndTheLine() throws Exception {
        assertError(UsersFile::read, file("# ok", "alice=" + HASH + ",FUNDRE"), "ligne 2", "rôle inconnu « FUNDRE »",
                "PLANNER, ADMIN, FUNDER");
        assertError(UsersFile::read, file("alice=" + HASH), "ligne 1", "aucun rôle");
        assertError(UsersFile::read, file("alice=" + HASH + ","), "ligne 1", "rôle vide pour « alice »");
        assertError(UsersFile::read, file("alice={noop}mdp,PLANNER"), "ligne 1", "{bcrypt}", "bin/carence compte");
        assertError(UsersFile::read, file("alice=mdp,PLANNER"), "ligne 1", "{bcrypt}");
        assertError(UsersFile::read, file("alice=" + HASH.substring(0, HASH.length() - 3) + ",PLANNER"), "ligne 1", "{bcrypt}");
        assertError(UsersFile::read, file("alice=" + HASH + ",PLANNER", "", "alice=" + HASH + ",ADMIN"), "ligne 3",
                "« alice » figure déjà");
        assertError(UsersFile::read, file("ali:ce=" + HASH + ",PLANNER"), "ligne 1", "identifiant « ali:ce » invalide");
        assertError(UsersFile::read, file("alice " + HASH), "ligne 1", "clé=valeur");
        assertError(UsersFile::read, dir.resolve("absent.properties"), "absent.properties", "introuvable");
        assertError(UsersFile::read, dir, "lecture impossible");
        Path latin1 = dir.resolve("latin1.properties");
        Files.write(latin1, ("# r\u00f4les\nalice=" + HASH + ",PLANNER\n").getBytes(StandardCharsets.ISO_8859_1));
        assertError(UsersFile::read, latin1, "UTF-8");
    }

    @Test
    void tokensFileFindsATokenByItsDigestOnly() throws Exception {
        String token = "fixture-jeton-0123456789";
        Path f = file(ApiTokens.digest(token) + "=notebook,PLANNER,FUNDER");
        assertThat(Files.readString(f)).doesNotContain(token);
        ApiTokens tokens = ApiTokens.read(f);
        assertThat(tokens.find(token)).hasValueSatisfying(a -> {
            assertThat(a.login()).isEqualTo("notebook");
            assertThat(a.roles()).isEqualTo(Set.of(Role.PLANNER, Role.FUNDER));
        });
        assertThat(tokens.find(token + "x")).isEmpty();
        assertThat(tokens.find("")).isEmpty();
        // The digest of a known value, computed independently (sha256sum of "abc").
        assertThat(ApiTokens.digest("abc")).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    @Test
    void tokensFileErrorsNameTheFileAndTheLine() throws Exception {
        String digest = ApiTokens.digest("t");
        assertError(ApiTokens::read, file("jeton-en-clair=notebook,PLANNER"), "ligne 1", "SHA-256", "bin/carence jeton");
        assertError(ApiTokens::read, file(digest.toUpperCase() + "=notebook,PLANNER"), "ligne 1", "minuscules");
        assertError(ApiTokens::read, file("# x", digest + "=notebook,ROLE_PLANNER"), "ligne 2", "rôle inconnu « ROLE_PLANNER »");
        assertError(ApiTokens::read, file(digest + "=notebook"), "ligne 1", "aucun rôle");
        assertError(ApiTokens::read, file(digest + "=,PLANNER"), "ligne 1", "identifiant vide");
        assertError(ApiTokens::read, file(digest + "=a,PLANNER", digest + "=b,ADMIN"), "ligne 2", "figure déjà");
    }

    @Test
    void linesPrintedByTheCliAreAcceptedAndAuthenticate() throws Exception {
        ByteArrayOutputStream userLine = new ByteArrayOutputStream();
        ByteArrayOutputStream tokenLine = new ByteArrayOutputStream();
        ByteArrayOutputStream terminal = new ByteArrayOutputStream();
        assertThat(cli("le mot de passe du conseil\n", userLine, terminal, "compte", "--login", "region.occitanie",
                "--roles", "FUNDER")).isZero();
        assertThat(cli("", tokenLine, terminal, "jeton", "--login", "notebook", "--roles", "PLANNER,FUNDER")).isZero();
        String token = terminal.toString(StandardCharsets.UTF_8).lines().filter(l -> l.matches("[A-Za-z0-9_-]{43}"))
                .findFirst().orElseThrow();

        List<UserAccount> users = UsersFile.read(file(userLine.toString(StandardCharsets.UTF_8)));
        assertThat(users).singleElement().satisfies(u -> assertThat(u.roles()).containsExactly(Role.FUNDER));
        var provider = new DaoAuthenticationProvider(
                new AccountsConfiguration().carenceUsers(new AccountFilesProperties(
                        dir.resolve("fixture-accounts.properties").toString(), null)));
        provider.setPasswordEncoder(new AccountsConfiguration().passwordEncoder());
        var ok = provider.authenticate(UsernamePasswordAuthenticationToken.unauthenticated("region.occitanie", "le mot de passe du conseil"));
        assertThat(ok.getAuthorities()).extracting(Object::toString).containsExactly("ROLE_FUNDER");

        Path tokens = dir.resolve("fixture-tokens.properties");
        Files.writeString(tokens, tokenLine.toString(StandardCharsets.UTF_8));
        assertThat(ApiTokens.read(tokens).find(token)).hasValueSatisfying(a ->
                assertThat(a.roles()).containsExactlyInAnyOrder(Role.PLANNER, Role.FUNDER));
    }

    private static int cli(String stdin, ByteArrayOutputStream out, ByteArrayOutputStream err, String... args) {
        return new CarenceCli(settings -> {
            throw new AssertionError("no store");
        }, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), null,
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8))
                .run(args);
    }

    private static void assertError(java.util.function.Function<Path, ?> reader, Path f, String... fragments) {
        assertThatThrownBy(() -> reader.apply(f)).isInstanceOf(SecurityFileException.class)
                .hasMessageStartingWith("Fichier " + f)
                .satisfies(e -> assertThat(e.getMessage()).contains(fragments));
    }
}
