package fr.carence.ogc.wms;

import static org.assertj.core.api.Assertions.assertThat;

import fr.carence.render.map.MapLayer;
import fr.carence.render.map.MapRenderer;
import fr.carence.render.map.MapViewport;
import fr.carence.render.sld.SldParser;
import fr.carence.store.FeatureStore;
import fr.carence.store.filter.Filter;
import fr.carence.store.testing.BothStores;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.locationtech.jts.geom.Envelope;

/**
 * The truecolour PNG encoder (sampled row-filter choice) on real 256×256 map tiles: communes
 * outlines and the demande choropleth of Aveyron, Cantal and Lozère in Web Mercator, from the
 * whole area down to streets. Decoded by the JDK's reader, every tile is the rendered image pixel
 * for pixel (fully transparent pixels compare on alpha only, their colour is not part of the picture).
 */
class PngEncoderRealTilesTest {

    /** Web Mercator tile (z, x, y) envelope: the standard XYZ grid. */
    static Envelope tile(int z, int x, int y) {
        double world = 20037508.342789244;
        double size = 2 * world / (1 << z);
        return new Envelope(-world + x * size, -world + (x + 1) * size, world - (y + 1) * size, world - y * size);
    }

    /** Tiles over the three départements (Aurillac, Rodez, Mende) from zoom 7 to 13. */
    static List<Envelope> tiles() {
        double[][] lonLat = {{2.44, 44.93}, {2.57, 44.35}, {3.50, 44.52}};
        List<Envelope> out = new ArrayList<>();
        for (int z = 7; z <= 13; z += 2) {
            for (double[] p : lonLat) {
                double n = 1 << z;
                int x = (int) Math.floor((p[0] + 180) / 360 * n);
                double lat = Math.toRadians(p[1]);
                int y = (int) Math.floor((1 - Math.log(Math.tan(lat) + 1 / Math.cos(lat)) / Math.PI) / 2 * n);
                out.add(tile(z, x, y));
            }
        }
        return out;
    }

    static List<BufferedImage> render(FeatureStore store) throws Exception {
        WmsTestData.load(store);
        SldParser sld = new SldParser();
        List<MapLayer> communes = List.of(new MapLayer("communes", sld.parse(
                Files.readString(WmsTestData.repoDir("sld-styles").resolve("communes.sld")), "communes.sld"), null));
        List<MapLayer> demande = List.of(new MapLayer("indicateurs_communes", sld.parse(
                Files.readString(WmsTestData.repoDir("sld-styles").resolve("demande.sld")), "demande.sld"),
                new Filter.Compare("scenario", Filter.ComparisonOperator.EQ, "defaut")));
        MapRenderer renderer = new MapRenderer(store);
        List<BufferedImage> out = new ArrayList<>();
        for (Envelope e : tiles()) {
            MapViewport view = new MapViewport(e, 3857, false, 256, 256);
            out.add(renderer.render(view, communes, null));
            out.add(renderer.render(view, demande, null));
        }
        return out;
    }

    @BothStores
    void realTilesDecodeToTheRenderedPixels(FeatureStore store) throws Exception {
        List<BufferedImage> tiles = render(store);
        assertThat(tiles).hasSize(24);
        int drawn = 0;
        for (int t = 0; t < tiles.size(); t++) {
            BufferedImage img = tiles.get(t);
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            new PngEncoder(1).write(img, bytes);
            BufferedImage back = ImageIO.read(new ByteArrayInputStream(bytes.toByteArray()));
            assertThat(back.getWidth()).isEqualTo(256);
            assertThat(back.getHeight()).isEqualTo(256);
            boolean any = false;
            for (int y = 0; y < 256; y++) {
                for (int x = 0; x < 256; x++) {
                    int e = img.getRGB(x, y);
                    int a = back.getRGB(x, y);
                    if ((e >>> 24) == 0) {
                        assertThat(a >>> 24).as("tile %d pixel %d,%d transparent", t, x, y).isZero();
                    } else {
                        any = true;
                        assertThat(a).as("tile %d pixel %d,%d", t, x, y).isEqualTo(e);
                    }
                }
            }
            drawn += any ? 1 : 0;
        }
        // Every tile is centred on a loaded town: each one has drawn pixels.
        assertThat(drawn).isEqualTo(24);
    }
}
