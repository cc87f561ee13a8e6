package fr.carence.loaders.cli;

import java.util.concurrent.Callable;
import org.springframework.security.crypto.bcrypt.BCrypt;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

/**
 * {@code carence compte --login X --roles PLANNER,FUNDER}: prints the users-file line of a new
 * account ({@code login={bcrypt}<hash>,ROLES}), so an administrator never handles BCrypt. Only
 * the line goes to standard output: {@code >> users.properties} appends it.
 */
@Command(name = "compte", description = "Imprime la ligne d'un compte pour le fichier des comptes du service "
        + "(carence.security.users-file). Le mot de passe est demandé deux fois sur la console, ou lu sur l'entrée standard.")
final class AccountCommand implements Callable<Integer> {

    /** BCrypt cost: Spring Security's default; about 0.1 s per check, which the service remembers a few minutes. */
    static final int BCRYPT_COST = 10;

    @ParentCommand
    CarenceCli parent;

    @Mixin
    AccountOptions account;

    @Override
    public Integer call() {
        String login = account.login();
        String roles = account.roles();
        String password = parent.passwords().read(login);
        parent.out().println(login + "={bcrypt}" + BCrypt.hashpw(password, BCrypt.gensalt(BCRYPT_COST)) + "," + roles);
        parent.err().println("Ajoutez cette ligne au fichier des comptes, puis redémarrez le service.");
        return 0;
    }
}
