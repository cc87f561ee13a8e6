package fr.carence.ogc.security;

import fr.carence.ogc.core.OgcService;
import fr.carence.ogc.testdata.Answers;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * The caller's roles for tests that share one service between callers, as the Spring singletons
 * do: {@link #call} sets the roles for one request and clears them after.
 */
final class RoleSwitch implements CallerRoles {

    private final AtomicReference<Set<String>> roles = new AtomicReference<>(Set.of());

    @Override
    public Set<String> current() {
        return roles.get();
    }

    /** One KVP request ({@code name, value, …}) to the service with the given roles. */
    MockHttpServletResponse call(Set<String> callerRoles, OgcService service, String... kvp) {
        Map<String, String> params = new LinkedHashMap<>();
        for (int i = 0; i < kvp.length; i += 2) {
            params.put(kvp[i], kvp[i + 1]);
        }
        roles.set(callerRoles);
        try {
            return Answers.send(service, params, "http://localhost/ows");
        } finally {
            roles.set(Set.of());
        }
    }
}
