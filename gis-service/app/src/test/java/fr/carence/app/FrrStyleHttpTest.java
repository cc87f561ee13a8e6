package fr.carence.app;

import static org.assertj.core.api.Assertions.assertThat;

import fr.carence.testing.RunningSampleService;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/**
 * The FRR classes of the input layer {@code frr} (a table without geometry) are mapped by the
 * style {@code frr} of {@code indicateurs_communes} on the running sample: the default scenario's
 * map of Occitanie shows the FRR socle green most (2,787 of the 4,446 sample communes), FRR+ and
 * non classée too, each in its legend colour.
 */
class FrrStyleHttpTest extends RunningSampleService {

    private static final int SOCLE = 0x41ab5d;
    private static final int PLUS = 0x006d2c;
    private static final int NON_CLASSEE = 0xf0f0f0;

    @Test
    void theIndicatorsStyledFrrShowTheSampleClasses() throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        // Occitanie in Lambert-93
        HttpResponse<byte[]> r = client.send(HttpRequest.newBuilder(URI.create(url("/wms?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetMap"
                + "&LAYERS=indicateurs_communes&STYLES=frr&CRS=EPSG:2154&BBOX=440000,6130000,850000,6440000"
                + "&WIDTH=410&HEIGHT=310&FORMAT=image/png"))).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(r.headers().firstValue("Content-Type").orElse("")).as(new String(r.body())).isEqualTo("image/png");
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(r.body()));
        Map<Integer, Integer> colours = new HashMap<>();
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                colours.merge(img.getRGB(x, y) & 0xffffff, 1, Integer::sum);
            }
        }
        int socle = colours.getOrDefault(SOCLE, 0);
        assertThat(socle).isGreaterThan(colours.getOrDefault(PLUS, 0)).isGreaterThan(colours.getOrDefault(NON_CLASSEE, 0));
        assertThat(colours.getOrDefault(PLUS, 0)).isPositive();
        assertThat(colours.getOrDefault(NON_CLASSEE, 0)).isPositive();

        HttpResponse<byte[]> legend = client.send(HttpRequest.newBuilder(URI.create(url("/wms?SERVICE=WMS&VERSION=1.3.0"
                + "&REQUEST=GetLegendGraphic&LAYER=indicateurs_communes&STYLE=frr&FORMAT=image/png"))).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(legend.headers().firstValue("Content-Type").orElse("")).isEqualTo("image/png");
        // six classes, one row each
        assertThat(ImageIO.read(new ByteArrayInputStream(legend.body())).getHeight()).isGreaterThanOrEqualTo(6 * 20);
    }
}
