package fr.carence.loaders.cli;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

/**
 * {@code carence jeton --login X --roles PLANNER}: makes a random API token (32 bytes from
 * SecureRandom, base64url) and prints the tokens-file line ({@code <SHA-256 hex>=login,ROLES}) on
 * standard output. The token itself goes to the terminal (standard error), once: the service only
 * keeps its digest, so it cannot be shown again.
 */
@Command(name = "jeton", description = "Crée un jeton d'API (en-tête Authorization: Bearer) et imprime la ligne "
        + "du fichier des jetons du service (carence.security.tokens-file).")
final class TokenCommand implements Callable<Integer> {

    static final int TOKEN_BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    @ParentCommand
    CarenceCli parent;

    @Mixin
    AccountOptions account;

    @Override
    public Integer call() throws NoSuchAlgorithmException {
        String login = account.login();
        String roles = account.roles();
        byte[] bytes = new byte[TOKEN_BYTES];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        String digest = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        parent.err().println("Jeton de « " + login + " » (" + roles + "), affiché cette seule fois :");
        parent.err().println(token);
        parent.err().println("Ajoutez la ligne ci-dessous au fichier des jetons, puis redémarrez le service.");
        parent.out().println(digest + "=" + login + "," + roles);
        return 0;
    }
}
