package fr.carence.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.carence.testing.RunningSampleService;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every caller × the REST API, the session login, the actuator and the static files, over HTTP
 * on the Occitanie sample. Refusals are French JSON, never a Basic challenge; a session-
 * authenticated write needs the CSRF token, a Basic or Bearer one does not.
 */
class SecurityApiMatrixTest extends RunningSampleService {

    /** Passes the role check, then fails validation: 400 proves the caller was let through, with no run. */
    private static final String INVALID_RUN = "{\"id\":\"matrice\",\"parametres\":{\"part_teletravaillable\":2}}";

    private final ObjectMapper json = new ObjectMapper();
    private HttpCalls http;

    @BeforeEach
    void client() {
        http = new HttpCalls(url(""));
    }

    @Test
    void scenarioReadsAreOpenAndWritesNeedPlanner() {
        for (Caller caller : Caller.ALL) {
            String who = " / " + caller;
            HttpResponse<String> list = http.get(caller, "/api/scenarios");
            HttpResponse<String> one = http.get(caller, "/api/scenarios/defaut");
            HttpResponse<String> run = http.as(caller, "POST", "/api/scenarios", INVALID_RUN);
            HttpResponse<String> delete = http.as(caller, "DELETE", "/api/scenarios/inexistant", null);
            if (caller.refused()) {
                for (HttpResponse<String> r : List.of(list, one, run, delete)) {
                    assertApiError(r, 401, "identifiants_refuses", r.request().method() + " " + r.uri().getPath() + who);
                }
                continue;
            }
            assertThat(list.statusCode()).as("GET /api/scenarios" + who).isEqualTo(200);
            assertThat(one.statusCode()).as("GET /api/scenarios/defaut" + who).isEqualTo(200);
            if (caller.has(Role.PLANNER)) {
                assertApiError(run, 400, "parametre_invalide", "POST /api/scenarios" + who);
                assertApiError(delete, 404, "scenario_inconnu", "DELETE /api/scenarios/inexistant" + who);
            } else if (caller.authorization() == null) {
                assertApiError(run, 401, "authentification_requise", "POST /api/scenarios" + who);
                assertApiError(delete, 401, "authentification_requise", "DELETE /api/scenarios/x" + who);
            } else {
                assertApiError(run, 403, "acces_refuse", "POST /api/scenarios" + who);
                assertApiError(delete, 403, "acces_refuse", "DELETE /api/scenarios/x" + who);
            }
        }
    }

    @Test
    void aPlannerRunsAScenarioThatOnlyAPlannerOrAnAdministratorDeletes() throws Exception {
        HttpResponse<String> run = http.as(Caller.PLANNER_BEARER, "POST", "/api/scenarios",
                "{\"id\":\"matrice-planif\",\"parametres\":{\"nombre_sites\":2}}");
        assertThat(run.statusCode()).as(run.body()).isEqualTo(202);
        String status = "";
        for (int i = 0; i < 600 && !status.equals("termine") && !status.equals("echec"); i++) {
            Thread.sleep(500);
            status = read(http.get(Caller.ANONYMOUS, "/api/scenarios/matrice-planif")).path("statut").asText();
        }
        assertThat(status).isEqualTo("termine");
        theScenarioShowsItsAuthorAndSiteFiguresOnlyToThoseWhoMayReadThem("matrice-planif");
        assertApiError(http.as(Caller.ANONYMOUS, "DELETE", "/api/scenarios/matrice-planif", null), 401,
                "authentification_requise", "anonymous delete");
        assertApiError(http.as(Caller.FUNDER_BASIC, "DELETE", "/api/scenarios/matrice-planif", null), 403,
                "acces_refuse", "funder delete");
        assertThat(http.as(Caller.ADMIN_BASIC, "DELETE", "/api/scenarios/matrice-planif", null).statusCode()).isEqualTo(204);
        assertThat(http.get(Caller.ANONYMOUS, "/api/scenarios/matrice-planif").statusCode()).isEqualTo(404);
    }

    /**
     * Column rules of the {@code scenarios} table (security/columns.properties): the author for
     * accounts only, the figures derived from the candidate sites for FUNDER and ADMIN; the other
     * figures for everyone. Same on the list, the record and the comparison.
     */
    private void theScenarioShowsItsAuthorAndSiteFiguresOnlyToThoseWhoMayReadThem(String id) throws Exception {
        List<String> siteFigures = List.of("demandeCouverte", "methodeSites", "ecartOptimalite", "kmEvitesAn", "kgCo2eEvitesAn");
        for (Caller caller : Caller.ALL) {
            if (caller.refused()) {
                continue;
            }
            JsonNode one = read(http.get(caller, "/api/scenarios/" + id));
            JsonNode listed = null;
            for (JsonNode s : read(http.get(caller, "/api/scenarios"))) {
                if (s.path("id").asText().equals(id)) {
                    listed = s;
                }
            }
            assertThat(listed).as("listed / " + caller).isNotNull();
            for (JsonNode s : List.of(one, listed)) {
                String who = id + " / " + caller;
                assertThat(s.path("resume").path("nbCommunesCarence").isInt()).as(who).isTrue();
                assertThat(s.path("resume").path("demandeCarence").isNumber()).as(who).isTrue();
                if (caller.authorization() == null) {
                    assertThat(s.path("auteur").isNull()).as(who + ": no author for anonymous callers").isTrue();
                } else {
                    assertThat(s.path("auteur").asText()).as(who).isEqualTo(TestAccounts.PLANNER.login());
                }
                for (String figure : siteFigures) {
                    JsonNode v = s.path("resume").path(figure);
                    if (caller.has(Role.FUNDER)) {
                        assertThat(v.isNull() || v.isMissingNode()).as(who + " " + figure).isFalse();
                    } else {
                        assertThat(v.isNull()).as(who + " " + figure).isTrue();
                    }
                }
            }
            JsonNode cmp = read(http.get(caller, "/api/scenarios/defaut/compare/" + id));
            for (String f : List.of("demandeCouverteReference", "demandeCouverteAutre")) {
                assertThat(cmp.path(f).isNumber()).as(f + " / " + caller).isEqualTo(caller.has(Role.FUNDER));
            }
            assertThat(cmp.path("demandeCarenceReference").isNumber()).as("compare / " + caller).isTrue();
        }
    }

    @Test
    void healthDetailsAreForAdministratorsOnly() throws Exception {
        for (Caller caller : Caller.ALL) {
            if (caller.refused()) {
                continue;
            }
            for (String path : List.of("/actuator/health", "/actuator/health/readiness")) {
                JsonNode body = read(http.get(caller, path));
                assertThat(body.path("status").asText()).as(path + " / " + caller).isEqualTo("UP");
                assertThat(body.has("components")).as(path + " / " + caller).isEqualTo(caller.has(Role.ADMIN));
            }
        }
    }

    @Test
    void loadsLayerManagementAndUnlistedWritesAreForAdministrators() {
        for (Caller caller : Caller.ALL) {
            for (String[] call : new String[][] {{"GET", "/api/chargements"}, {"POST", "/api/chargements"},
                {"GET", "/api/couches"}, {"DELETE", "/api/couches/communes"}, {"POST", "/api/pas-de-regle"}}) {
                String what = call[0] + " " + call[1] + " / " + caller;
                HttpResponse<String> r = http.as(caller, call[0], call[1], call[0].equals("POST") ? "{}" : null);
                if (caller.refused()) {
                    assertApiError(r, 401, "identifiants_refuses", what);
                } else if (caller.authorization() == null) {
                    assertApiError(r, 401, "authentification_requise", what);
                } else if (!caller.has(Role.ADMIN)) {
                    assertApiError(r, 403, "acces_refuse", what);
                } else {
                    assertThat(r.statusCode()).as(what).isNotIn(401, 403);
                }
            }
        }
    }

    @Test
    void healthProbesAreOpenAndOtherActuatorEndpointsAreForAdministrators() {
        for (Caller caller : Caller.ALL) {
            for (String open : List.of("/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness",
                    "/actuator/info")) {
                HttpResponse<String> r = http.get(caller, open);
                if (caller.refused()) {
                    assertApiError(r, 401, "identifiants_refuses", open + " / " + caller);
                } else {
                    assertThat(r.statusCode()).as(open + " / " + caller).isEqualTo(200);
                }
            }
            for (String closed : List.of("/actuator", "/actuator/env", "/actuator/beans", "/actuator/health/db")) {
                HttpResponse<String> r = http.get(caller, closed);
                String what = closed + " / " + caller;
                if (caller.refused()) {
                    assertApiError(r, 401, "identifiants_refuses", what);
                } else if (caller.authorization() == null) {
                    assertApiError(r, 401, "authentification_requise", what);
                } else if (!caller.has(Role.ADMIN)) {
                    assertApiError(r, 403, "acces_refuse", what);
                } else {
                    // /actuator lists the exposed endpoints; env and beans are not exposed at all.
                    assertThat(r.statusCode()).as(what).isEqualTo(closed.equals("/actuator") ? 200 : 404);
                    assertThat(r.body()).as(what).doesNotContain("carence.security", "users-file");
                }
            }
        }
    }

    @Test
    void sessionSaysWhoIsConnectedWhateverTheWayOfAuthenticating() throws Exception {
        for (Caller caller : Caller.ALL) {
            HttpResponse<String> r = http.get(caller, "/api/session");
            if (caller.refused()) {
                assertApiError(r, 401, "identifiants_refuses", "GET /api/session / " + caller);
                continue;
            }
            JsonNode state = read(r);
            List<String> roles = new ArrayList<>();
            state.path("roles").forEach(n -> roles.add(n.asText()));
            assertThat(roles).as(caller.toString()).containsExactlyElementsOf(caller.roles().stream().sorted().map(Role::name).toList());
            assertThat(state.path("login").isNull()).as(caller.toString()).isEqualTo(caller.authorization() == null);
        }
        assertThat(read(http.get(Caller.ADMIN_BEARER, "/api/session")).path("login").asText()).isEqualTo("admin");
    }

    @Test
    void sessionLoginNeedsTheCsrfTokenForWritesAndLogoutEndsIt() throws Exception {
        HttpResponse<String> first = http.send("GET", "/api/session", null);
        String csrf0 = HttpCalls.setCookie(first, "XSRF-TOKEN").orElseThrow();
        assertThat(HttpCalls.setCookie(first, "JSESSIONID")).as("no session before login").isEmpty();

        HttpResponse<String> bad = http.send("POST", "/api/session", "{\"login\":\"planif\",\"motDePasse\":\"faux\"}",
                "Cookie", "XSRF-TOKEN=" + csrf0);
        assertApiError(bad, 401, "identifiants_refuses", "bad login");
        assertThat(HttpCalls.setCookie(bad, "JSESSIONID")).isEmpty();

        HttpResponse<String> login = http.send("POST", "/api/session",
                "{\"login\":\"" + TestAccounts.PLANNER.login() + "\",\"motDePasse\":\"" + TestAccounts.PLANNER.password() + "\"}",
                "Cookie", "XSRF-TOKEN=" + csrf0);
        assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
        assertThat(read(login).path("login").asText()).isEqualTo("planif");
        String session = HttpCalls.setCookie(login, "JSESSIONID").orElseThrow();
        String csrf = HttpCalls.setCookie(login, "XSRF-TOKEN").orElseThrow();
        assertThat(csrf).as("a login renews the CSRF token").isNotEqualTo(csrf0);
        assertThat(login.headers().allValues("Set-Cookie")).anyMatch(c -> c.startsWith("JSESSIONID=") && c.contains("HttpOnly"));
        String cookies = "JSESSIONID=" + session + "; XSRF-TOKEN=" + csrf;

        assertThat(read(http.send("GET", "/api/session", null, "Cookie", cookies)).path("login").asText()).isEqualTo("planif");
        assertApiError(http.send("POST", "/api/scenarios", INVALID_RUN, "Cookie", cookies), 403, "csrf", "no CSRF header");
        assertApiError(http.send("POST", "/api/scenarios", INVALID_RUN, "Cookie", cookies, "X-XSRF-TOKEN", csrf0), 403, "csrf",
                "token from before the login");
        assertApiError(http.send("POST", "/api/scenarios", INVALID_RUN, "Cookie", cookies, "X-XSRF-TOKEN", csrf), 400,
                "parametre_invalide", "session write with the token");
        assertApiError(http.send("DELETE", "/api/scenarios/inexistant", null, "Cookie", cookies, "X-XSRF-TOKEN", csrf), 404,
                "scenario_inconnu", "session delete with the token");
        // The same session cookie with Basic credentials: no CSRF token needed (a forged request cannot add them).
        assertApiError(http.send("POST", "/api/scenarios", INVALID_RUN, "Cookie", cookies,
                "Authorization", TestAccounts.PLANNER.basic()), 400, "parametre_invalide", "Basic beside a session");
        // OGC reads POSTed with the session need no token.
        HttpResponse<String> owsPost = http.send("POST", "/wfs", null, "Cookie", cookies, "Content-Type", "application/xml");
        assertThat(owsPost.statusCode()).isNotEqualTo(403);

        HttpResponse<String> logout = http.send("DELETE", "/api/session", null, "Cookie", cookies, "X-XSRF-TOKEN", csrf);
        assertThat(logout.statusCode()).isEqualTo(200);
        assertThat(read(logout).path("login").isNull()).isTrue();
        String csrfAfter = HttpCalls.setCookie(logout, "XSRF-TOKEN").orElseThrow();
        assertApiError(http.send("POST", "/api/scenarios", INVALID_RUN, "Cookie", "JSESSIONID=" + session + "; XSRF-TOKEN="
                + csrfAfter, "X-XSRF-TOKEN", csrfAfter), 401, "authentification_requise", "after logout");
    }

    @Test
    void aFunderSessionMayReadTheRestrictedLayerButNotRunScenarios() throws Exception {
        HttpResponse<String> login = http.send("POST", "/api/session",
                "{\"login\":\"" + TestAccounts.FUNDER.login() + "\",\"motDePasse\":\"" + TestAccounts.FUNDER.password() + "\"}");
        assertThat(login.statusCode()).isEqualTo(200);
        String csrf = HttpCalls.setCookie(login, "XSRF-TOKEN").orElseThrow();
        String cookies = "JSESSIONID=" + HttpCalls.setCookie(login, "JSESSIONID").orElseThrow() + "; XSRF-TOKEN=" + csrf;
        HttpResponse<String> caps = http.send("GET", "/wms?SERVICE=WMS&REQUEST=GetCapabilities", null, "Cookie", cookies);
        assertThat(caps.body()).contains("carence:sites_candidats");
        assertThat(caps.headers().firstValue("Cache-Control")).hasValue("private");
        assertApiError(http.send("POST", "/api/scenarios", INVALID_RUN, "Cookie", cookies, "X-XSRF-TOKEN", csrf), 403,
                "acces_refuse", "funder session write");
    }

    @Test
    void staticFilesAndApiDocsAreOpenAndKeepTheirCaching() {
        for (String path : List.of("/", "/webjars/ol/10.7.0/dist/ol.js", "/api/openapi")) {
            HttpResponse<String> r = http.get(Caller.ANONYMOUS, path);
            assertThat(r.statusCode()).as(path).isEqualTo(200);
            assertThat(r.headers().allValues("Set-Cookie")).as(path + ": no session").isEmpty();
            if (!path.startsWith("/api")) {
                assertThat(r.headers().firstValue("Cache-Control")).as(path).isEmpty();
            }
        }
        assertThat(http.get(Caller.ANONYMOUS, "/swagger-ui.html").statusCode()).isIn(200, 302);
        HttpResponse<String> api = http.get(Caller.PLANNER_BASIC, "/api/scenarios");
        assertThat(api.headers().firstValue("Cache-Control")).hasValue("no-cache, no-store, max-age=0, must-revalidate");
        assertThat(api.headers().allValues("Set-Cookie")).as("Basic is stateless").isEmpty();
    }

    private void assertApiError(HttpResponse<String> r, int status, String code, String what) {
        assertThat(r.statusCode()).as(what + ": " + r.body()).isEqualTo(status);
        assertThat(r.headers().firstValue("Content-Type")).as(what).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        assertThat(r.headers().firstValue("WWW-Authenticate")).as(what + ": no Basic challenge").isEmpty();
        JsonNode body = read(r);
        assertThat(body.path("statut").asInt()).as(what).isEqualTo(status);
        assertThat(body.path("erreur").asText()).as(what).isEqualTo(code);
        assertThat(body.path("message").asText()).as(what).isNotBlank().doesNotContain("Exception", "\tat ");
    }

    private JsonNode read(HttpResponse<String> r) {
        try {
            return json.readTree(r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(r.statusCode() + " " + r.body(), e);
        }
    }
}
