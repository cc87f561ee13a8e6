package fr.carence.loaders.cli;

import fr.carence.loaders.core.LoadException;
import fr.carence.store.StoreException;
import java.io.Console;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code carence}: loads official datasets into the Carence store. Errors are printed as one
 * French message (file, line or feature, field) with no stack trace unless {@code --verbose}.
 * Exit codes: 0 success, 1 bad input data, 2 bad command line, 3 store unavailable or failing,
 * 4 unexpected internal error.
 */
@Command(name = "carence", mixinStandardHelpOptions = true, version = "carence 0.1.0",
        description = "Chargement des données officielles dans le magasin Carence, et comptes d'accès au service.",
        subcommands = {LoadCommand.class, DatasetsCommand.class, SampleCommand.class, NationalCommand.class, IntentionsCommand.class, AccountCommand.class, TokenCommand.class})
public final class CarenceCli {

    static final int EXIT_DATA = 1;
    static final int EXIT_USAGE = 2;
    static final int EXIT_STORE = 3;
    static final int EXIT_INTERNAL = 4;

    @Option(names = {"-v", "--verbose"}, scope = CommandLine.ScopeType.INHERIT, description = "Affiche la trace technique des erreurs.")
    boolean verbose;

    private final StoreOpener opener;
    private final PrintStream out;
    private final PrintStream err;
    private final PasswordInput passwords;

    public CarenceCli(StoreOpener opener, PrintStream out, PrintStream err) {
        this(opener, System.in, System.console(), out, err);
    }

    /**
     * @param in where passwords are read when there is no console (a pipe, a test)
     * @param console the terminal, or null: passwords are then read from {@code in}
     */
    public CarenceCli(StoreOpener opener, InputStream in, Console console, PrintStream out, PrintStream err) {
        this.opener = opener;
        this.out = out;
        this.err = err;
        this.passwords = new PasswordInput(console, in, err);
    }

    public static void main(String[] args) {
        // The store logs its work at INFO (pool start, migrations, publications): for a terminal
        // user only warnings matter, and the report says what was published.
        boolean verbose = java.util.Arrays.asList(args).contains("--verbose") || java.util.Arrays.asList(args).contains("-v");
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", verbose ? "info" : "warn");
        System.setProperty("org.slf4j.simpleLogger.log.org.flywaydb", verbose ? "info" : "error");
        System.exit(new CarenceCli(new JdbcStoreOpener(), System.out, System.err).run(args));
    }

    /** Runs one command line; returns the exit code. */
    public int run(String... args) {
        CommandLine cl = new CommandLine(this);
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        cl.setExecutionExceptionHandler((e, commandLine, parseResult) -> handle(e));
        return cl.execute(args);
    }

    StoreOpener opener() {
        return opener;
    }

    PrintStream out() {
        return out;
    }

    PrintStream err() {
        return err;
    }

    PasswordInput passwords() {
        return passwords;
    }

    private int handle(Exception e) {
        int code;
        String message;
        if (e instanceof LoadException) {
            code = EXIT_DATA;
            message = e.getMessage();
        } else if (e instanceof CliUsageException) {
            code = EXIT_USAGE;
            message = e.getMessage();
        } else if (e instanceof StoreException) {
            code = EXIT_STORE;
            message = "magasin de données : " + e.getMessage();
        } else {
            code = EXIT_INTERNAL;
            message = "erreur interne (" + e.getClass().getSimpleName() + ") : " + e.getMessage();
        }
        err.println("Erreur : " + message);
        if (verbose) {
            e.printStackTrace(err);
        } else if (code == EXIT_STORE || code == EXIT_INTERNAL) {
            err.println("(relancez avec --verbose pour le détail technique)");
        }
        return code;
    }
}
