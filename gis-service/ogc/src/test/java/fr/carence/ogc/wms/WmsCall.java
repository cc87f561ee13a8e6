package fr.carence.ogc.wms;

import fr.carence.ogc.testdata.Answers;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.imageio.ImageIO;
import org.springframework.mock.web.MockHttpServletResponse;

/** Calls a {@link WmsService} in-process with KVP parameters and reads the response. */
final class WmsCall {

    static final String BASE_URL = "http://localhost/wms";

    private WmsCall() {
    }

    /** Parameters as alternating name, value. */
    static MockHttpServletResponse call(WmsService service, String... kvp) {
        Map<String, String> params = new LinkedHashMap<>();
        for (int i = 0; i < kvp.length; i += 2) {
            params.put(kvp[i], kvp[i + 1]);
        }
        return Answers.send(service, params, BASE_URL);
    }

    static BufferedImage image(MockHttpServletResponse response) {
        try {
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(response.getContentAsByteArray()));
            if (image == null) {
                throw new AssertionError("not an image (" + response.getContentType() + "): " + text(response));
            }
            return image;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String text(MockHttpServletResponse response) {
        return new String(response.getContentAsByteArray(), StandardCharsets.UTF_8);
    }
}
