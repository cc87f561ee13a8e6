package fr.carence.security;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The API tokens ({@code carence.security.tokens-file}): one per line,
 * {@code <lowercase hex SHA-256 of the token>=login,ROLE1,ROLE2}. Only digests are stored, so the
 * file does not give the tokens away; a token is 32 random bytes, too long to guess, which is
 * why a plain SHA-256 (not a slow password hash) is enough. {@code bin/carence jeton} makes one.
 */
public final class ApiTokens {

    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");

    private final Map<String, TokenAccount> byDigest;

    private ApiTokens(Map<String, TokenAccount> byDigest) {
        this.byDigest = Map.copyOf(byDigest);
    }

    public static ApiTokens none() {
        return new ApiTokens(Map.of());
    }

    /** @throws SecurityFileException naming the file and line at fault */
    public static ApiTokens read(Path file) {
        Map<String, TokenAccount> tokens = new HashMap<>();
        for (AccountFileLines.Line line : AccountFileLines.read(file)) {
            if (!SHA256_HEX.matcher(line.key()).matches()) {
                throw new SecurityFileException(file, line.number(), "la clé doit être l'empreinte SHA-256 du jeton "
                        + "en 64 caractères hexadécimaux minuscules ; « bin/carence jeton » produit la ligne complète.");
            }
            List<String> fields = Arrays.asList(line.value().split(",", -1));
            String login = AccountFileLines.login(file, line.number(), fields.get(0).strip());
            tokens.put(line.key(), new TokenAccount(login, AccountFileLines.roles(file, line, fields.subList(1, fields.size()))));
        }
        return new ApiTokens(tokens);
    }

    /** The account of a token as sent by a client, or empty when the token is unknown. */
    public Optional<TokenAccount> find(String token) {
        return Optional.ofNullable(byDigest.get(digest(token)));
    }

    public int size() {
        return byDigest.size();
    }

    /** Lowercase hex SHA-256 of the token's UTF-8 bytes: the key of its line. */
    public static String digest(String token) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(d);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
