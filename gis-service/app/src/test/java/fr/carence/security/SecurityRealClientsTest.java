package fr.carence.security;

import static org.assertj.core.api.Assertions.assertThat;

import fr.carence.store.FeatureQuery;
import fr.carence.store.FeatureStore;
import fr.carence.store.filter.Filter;
import fr.carence.testing.RunningSampleService;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The restricted layer through the clients regional councils and funders use: GDAL (as QGIS
 * does, with GDAL_HTTP_AUTH=BASIC) and OWSLib (username/password). With the funder's account the
 * candidate sites are listed and read; anonymously they do not exist; a wrong password fails.
 * A missing client skips the test with a message, except in CI (CI=true) where it fails.
 */
class SecurityRealClientsTest extends RunningSampleService {

    private static final String PYTHON = "/usr/bin/python3";

    @Autowired
    FeatureStore store;

    @TempDir
    Path tmp;

    private String wfs() {
        return "WFS:" + url("/wfs") + "?VERSION=2.0.0";
    }

    private static Map<String, String> basic(TestAccounts.Account account) {
        return Map.of("GDAL_HTTP_AUTH", "BASIC", "GDAL_HTTP_USERPWD", account.login() + ":" + account.password());
    }

    @Test
    void ogrinfoListsAndReadsTheCandidateSitesOnlyWithTheFundersCredentials() throws Exception {
        requireTool("/usr/bin/ogrinfo", "gdal-bin");
        Result funder = run(List.of("ogrinfo", "-ro", "-q", wfs()), basic(TestAccounts.FUNDER));
        assertThat(funder.exit).as(funder.output).isZero();
        assertThat(funder.output).contains("carence:communes", "carence:sites_candidats");

        Result anonymous = run(List.of("ogrinfo", "-ro", "-q", wfs()), Map.of());
        assertThat(anonymous.exit).as(anonymous.output).isZero();
        assertThat(anonymous.output).contains("carence:communes").doesNotContain("sites_candidats");

        Result planner = run(List.of("ogrinfo", "-ro", "-q", wfs()), basic(TestAccounts.PLANNER));
        assertThat(planner.output).contains("carence:communes").doesNotContain("sites_candidats");

        long sites = store.count("sites_candidats",
                FeatureQuery.all().withFilter(new Filter.Compare("scenario", Filter.ComparisonOperator.EQ, "defaut")));
        Result read = run(List.of("ogrinfo", "-ro", "-al", "-so", wfs(), "carence:sites_candidats"), basic(TestAccounts.FUNDER));
        assertThat(read.exit).as(read.output).isZero();
        assertThat(read.output).contains("Feature Count: " + sites);
        Result refused = run(List.of("ogrinfo", "-ro", "-al", "-so", wfs(), "carence:sites_candidats"), Map.of());
        assertThat(refused.exit).as(refused.output).isNotZero();

        Result wrong = run(List.of("ogrinfo", "-ro", "-q", wfs()),
                basic(new TestAccounts.Account(TestAccounts.FUNDER.login(), "pas-le-bon")));
        assertThat(wrong.exit).as(wrong.output).isNotZero();
        assertThat(wrong.output).contains("401");
    }

    @Test
    void owslibSeesTheCandidateSitesWithAUsernameAndPassword() throws Exception {
        requireTool(PYTHON, "python3-owslib");
        Path script = tmp.resolve("contents.py");
        Files.writeString(script, String.join("\n",
                "import sys",
                "from owslib.wfs import WebFeatureService",
                "from owslib.wms import WebMapService",
                "user = sys.argv[2] or None",
                "pwd = sys.argv[3] or None",
                "wfs = WebFeatureService(sys.argv[1] + '/wfs', version='2.0.0', username=user, password=pwd)",
                "print('WFS', ' '.join(sorted(wfs.contents)))",
                "wms = WebMapService(sys.argv[1] + '/wms', version='1.3.0', username=user, password=pwd)",
                "print('WMS', ' '.join(sorted(wms.contents)))",
                ""));
        Result funder = run(List.of(PYTHON, script.toString(), url(""), TestAccounts.FUNDER.login(), TestAccounts.FUNDER.password()),
                Map.of());
        assertThat(funder.exit).as(funder.output).isZero();
        assertThat(funder.output).containsPattern("WFS .*carence:sites_candidats").containsPattern("WMS .*carence:sites_candidats");
        Result anonymous = run(List.of(PYTHON, script.toString(), url(""), "", ""), Map.of());
        assertThat(anonymous.exit).as(anonymous.output).isZero();
        assertThat(anonymous.output).contains("carence:communes").doesNotContain("sites_candidats");
    }

    private static void requireTool(String path, String debianPackage) {
        if (Files.isExecutable(Path.of(path))) {
            return;
        }
        String message = path + " is missing: apt-get install -y " + debianPackage;
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            Assertions.fail(message);
        }
        Assumptions.abort(message);
    }

    private record Result(int exit, String output) {
    }

    private static Result run(List<String> command, Map<String, String> env) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().put("GDAL_HTTP_TIMEOUT", "60");
        pb.environment().putAll(env);
        Process p = pb.start();
        p.getOutputStream().close();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(300, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException("timed out: " + command);
        }
        return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
    }
}
