package fr.carence.testing;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;

/**
 * Asks the running server for its readiness right after the first-start work (sample load and
 * default scenario, an ApplicationRunner of order 0) and before the application reports itself
 * ready, i.e. during the window a load balancer must not send traffic.
 */
@TestComponent
@Order(1)
public class StartupReadinessProbe implements ApplicationRunner {

    public static volatile int statusDuringStartup;
    public static volatile String bodyDuringStartup;

    private final Environment environment;

    StartupReadinessProbe(Environment environment) {
        this.environment = environment;
    }

    @Override
    public void run(ApplicationArguments args) throws Exception {
        String port = environment.getRequiredProperty("local.server.port");
        HttpResponse<String> r = HttpClient.newHttpClient().send(
                // As an administrator: health details are shown to ADMIN only (docs/security.md).
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health/readiness"))
                        .header("Authorization", fr.carence.security.TestAccounts.ADMIN.basic()).build(),
                HttpResponse.BodyHandlers.ofString());
        statusDuringStartup = r.statusCode();
        bodyDuringStartup = r.body();
    }
}
