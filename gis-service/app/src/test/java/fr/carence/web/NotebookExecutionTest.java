package fr.carence.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.carence.security.TestAccounts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The analysts' notebooks (notebooks/*.ipynb) executed headless with jupyter nbconvert against the
 * running service (CARENCE_URL) with the API token of an account that has the roles they need
 * (CARENCE_TOKEN); a failing cell makes nbconvert exit non-zero and fails the test. Without a
 * token, or with one lacking a role, a notebook must stop at once saying what to ask for.
 * Executed copies and logs: target/notebooks.
 */
class NotebookExecutionTest extends RunningCarence {

    private static final Path JUPYTER = Path.of("/usr/bin/jupyter");
    private static final Path PYTHON = Path.of("/usr/bin/python3");

    @ParameterizedTest
    @ValueSource(strings = {"carence-report", "scenario-sensitivity"})
    void committedNotebookCarriesNoOutputs(String name) throws IOException {
        JsonNode notebook = new ObjectMapper().readTree(notebooksDir().resolve(name + ".ipynb").toFile());
        for (JsonNode cell : notebook.path("cells")) {
            if ("code".equals(cell.path("cell_type").asText())) {
                assertThat(cell.path("outputs")).as("outputs of a cell of %s", name).isEmpty();
                assertThat(cell.path("execution_count").isNull()).as("execution count of a cell of %s", name).isTrue();
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"carence-report", "scenario-sensitivity"})
    void notebookRunsWithoutError(String name) throws IOException, InterruptedException {
        Execution run = execute(name, name, tokenFor(name));
        assertThat(run.exitCode()).as("nbconvert exit code for %s; log:%n%s", name, run.log()).isZero();
        assertThat(artifactDir("notebooks").resolve(name + ".executed.ipynb")).exists();
    }

    @Test
    void reportWithoutTokenStopsSayingWhichTokenToAskFor() throws IOException, InterruptedException {
        Execution run = execute("carence-report", "carence-report-sans-jeton", null);
        assertThat(run.exitCode()).as("exit code without CARENCE_TOKEN; log:%n%s", run.log()).isNotZero();
        assertThat(run.log()).contains("CARENCE_TOKEN manquant").contains("financeur (FUNDER)");
    }

    @Test
    void reportWithAPlannerTokenStopsSayingTheMissingRole() throws IOException, InterruptedException {
        Execution run = execute("carence-report", "carence-report-jeton-planificateur", TestAccounts.PLANNER_TOKEN);
        assertThat(run.exitCode()).as("exit code with a planner's token; log:%n%s", run.log()).isNotZero();
        assertThat(run.log()).contains("n'a pas le(s) rôle(s) FUNDER");
    }

    /** The report reads the funders' layer; the sensitivity study runs scenarios and reads it too. */
    private static String tokenFor(String name) {
        return switch (name) {
            case "carence-report" -> TestAccounts.FUNDER_TOKEN;
            case "scenario-sensitivity" -> TestAccounts.ADMIN_TOKEN;
            default -> throw new IllegalArgumentException("no token chosen for notebook " + name);
        };
    }

    private record Execution(int exitCode, String log) {
    }

    /** Runs the notebook with nbconvert (token in CARENCE_TOKEN unless null); output and log named after {@code output}. */
    private Execution execute(String name, String output, String token) throws IOException, InterruptedException {
        ToolAvailability.require(JUPYTER, "jupyter-nbconvert python3-nbconvert python3-ipykernel python3-geopandas python3-matplotlib python3-owslib python3-requests");
        ToolAvailability.require(PYTHON, "python3");
        Path notebook = notebooksDir().resolve(name + ".ipynb");
        assertThat(notebook).exists();
        Path out = artifactDir("notebooks").toAbsolutePath();
        Path log = out.resolve(output + ".log");
        ProcessBuilder pb = new ProcessBuilder(List.of(JUPYTER.toString(), "nbconvert", "--to", "notebook", "--execute",
                notebook.toAbsolutePath().toString(), "--output-dir", out.toString(), "--output", output + ".executed.ipynb",
                "--ExecutePreprocessor.timeout=300", "--ExecutePreprocessor.kernel_name=python3"))
                .redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().put("CARENCE_URL", baseUrl().replaceAll("/$", ""));
        pb.environment().remove("CARENCE_TOKEN");
        if (token != null) {
            pb.environment().put("CARENCE_TOKEN", token);
        }
        pb.environment().put("PYDEVD_DISABLE_FILE_VALIDATION", "1");
        // Debian's Python modules are only visible to /usr/bin/python3: put /usr/bin first.
        pb.environment().put("PATH", "/usr/bin:/bin:" + pb.environment().getOrDefault("PATH", ""));
        pb.environment().remove("PYTHONPATH");
        pb.environment().remove("PYENV_VERSION");
        Process process = pb.start();
        boolean finished = process.waitFor(10, TimeUnit.MINUTES);
        if (!finished) {
            process.destroyForcibly();
        }
        assertThat(finished).as("notebook %s finished within 10 minutes", name).isTrue();
        return new Execution(process.exitValue(), Files.readString(log));
    }

    /** notebooks/ at the repository root, found by walking up from the module directory. */
    private static Path notebooksDir() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isDirectory(dir.resolve("notebooks"))) {
            dir = dir.getParent();
        }
        assertThat(dir).as("notebooks/ directory above %s", Path.of("").toAbsolutePath()).isNotNull();
        return dir.resolve("notebooks");
    }
}
