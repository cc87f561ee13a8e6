package fr.carence.security;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The users file ({@code carence.security.users-file}): one account per line,
 * {@code login={bcrypt}<BCrypt hash>,ROLE1,ROLE2}. Only BCrypt hashes are accepted, so no
 * plain-text password can sit in the file; {@code bin/carence compte} prints such a line.
 */
public final class UsersFile {

    static final String BCRYPT_ID = "{bcrypt}";
    /** Modular crypt format of BCrypt: version, cost 04-31, 22 characters of salt and 31 of hash. */
    private static final Pattern BCRYPT = Pattern.compile("\\$2[aby]?\\$(0[4-9]|[12][0-9]|3[01])\\$[./A-Za-z0-9]{53}");

    private UsersFile() {
    }

    /** @throws SecurityFileException naming the file and line at fault */
    public static List<UserAccount> read(Path file) {
        return AccountFileLines.read(file).stream().map(line -> account(file, line)).toList();
    }

    private static UserAccount account(Path file, AccountFileLines.Line line) {
        String login = AccountFileLines.login(file, line.number(), line.key());
        List<String> fields = Arrays.asList(line.value().split(",", -1));
        String hash = fields.get(0).strip();
        if (!hash.startsWith(BCRYPT_ID) || !BCRYPT.matcher(hash.substring(BCRYPT_ID.length())).matches()) {
            throw new SecurityFileException(file, line.number(), "le mot de passe de « " + login
                    + " » doit être un hachage {bcrypt}$2a$10$… (53 caractères après le coût) ; "
                    + "« bin/carence compte » produit la ligne complète.");
        }
        return new UserAccount(login, hash, AccountFileLines.roles(file, line, fields.subList(1, fields.size())));
    }
}
