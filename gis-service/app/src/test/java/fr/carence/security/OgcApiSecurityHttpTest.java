package fr.carence.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.carence.testing.RunningSampleService;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/**
 * OGC API Features in the running service: the same read rules as WFS/WMS for every kind of
 * caller (a restricted collection is unknown to whoever may not read it), cache headers that
 * keep restricted answers private, and the API's JSON exceptions for refused credentials,
 * unknown addresses and wrong methods.
 */
class OgcApiSecurityHttpTest extends RunningSampleService {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void everyCallerSeesExactlyTheCollectionsItsRolesAllow() throws Exception {
        HttpCalls http = new HttpCalls(url(""));
        for (Caller caller : Caller.ALL) {
            HttpResponse<String> list = http.get(caller, "/ogc/collections");
            HttpResponse<String> sites = http.get(caller, "/ogc/collections/sites_candidats/items?limit=2");
            if (caller.refused()) {
                assertThat(list.statusCode()).as(caller.name()).isEqualTo(401);
                assertThat(JSON.readTree(list.body()).get("description").asText()).as(caller.name()).contains("refusé");
                continue;
            }
            assertThat(list.statusCode()).as(caller.name()).isEqualTo(200);
            boolean funder = caller.has(Role.FUNDER);
            assertThat(list.body().contains("\"id\":\"sites_candidats\"")).as(caller.name()).isEqualTo(funder);
            assertThat(sites.statusCode()).as(caller.name()).isEqualTo(funder ? 200 : 404);
            // Anonymous answers are the same for all and may be cached; an authenticated one never by a shared proxy.
            assertThat(sites.headers().firstValue("Cache-Control")).as(caller.name())
                    .isEqualTo(caller.authorization() == null ? java.util.Optional.empty() : java.util.Optional.of("private"));
            if (funder) {
                JsonNode page = JSON.readTree(sites.body());
                assertThat(page.get("numberReturned").asInt()).isEqualTo(2);
                page.get("features").forEach(f -> assertThat(f.at("/properties/scenario").asText()).isEqualTo("defaut"));
            }
        }
    }

    @Test
    void aThousandCommunesInOnePageAndJsonErrorsOutsideTheOperations() throws Exception {
        HttpCalls http = new HttpCalls(url(""));
        HttpResponse<String> page = http.get(Caller.ANONYMOUS, "/ogc/collections/communes/items?limit=1000");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValue("application/geo+json");
        JsonNode doc = JSON.readTree(page.body());
        assertThat(doc.get("numberReturned").asInt()).isEqualTo(1000);
        assertThat(doc.get("numberMatched").asInt()).isGreaterThan(1000);

        HttpResponse<String> unknown = http.get(Caller.ANONYMOUS, "/ogc/nulle/part");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(unknown.body()).get("code").asText()).isEqualTo("NotFound");
        HttpResponse<String> post = http.send("POST", "/ogc/collections", "{}", "Authorization", TestAccounts.ADMIN.basic());
        assertThat(post.statusCode()).isEqualTo(405);
        assertThat(JSON.readTree(post.body()).get("description").asText()).contains("POST");
    }
}
