package fr.carence.ogc.testdata;

import fr.carence.ogc.OwsRequest;
import fr.carence.ogc.core.OgcService;
import fr.carence.ogc.web.ServletAnswers;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import org.springframework.mock.web.MockHttpServletResponse;

/** Sends a service's answer as the OWS endpoint does, into a mock servlet response, without HTTP. */
public final class Answers {

    private Answers() {
    }

    public static MockHttpServletResponse send(OgcService service, Map<String, String> params, String baseUrl) {
        MockHttpServletResponse response = new MockHttpServletResponse();
        try {
            ServletAnswers.send(service, new OwsRequest(params, baseUrl), response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return response;
    }
}
