package fr.carence.ogc.wms;

import fr.carence.ogc.OwsRequest;
import fr.carence.render.map.MapRenderer;
import jakarta.servlet.http.HttpServletResponse;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;

/**
 * WMS 1.3.0 GetMap: draws the requested layers (bottom first) with their styles into an image
 * of the requested size, format and background. Features come from the store in Lambert-93 and
 * are reprojected to the request CRS; result layers show the SCENARIO (default "defaut").
 * The image is fully encoded before anything is written, so an error still yields a clean
 * exception response.
 */
final class GetMapOperation {

    private final MapRequestParser parser;
    private final MapRenderer renderer;

    GetMapOperation(MapRequestParser parser, MapRenderer renderer) {
        this.parser = parser;
        this.renderer = renderer;
    }

    void handle(OwsRequest request, HttpServletResponse response) throws IOException {
        MapRequest map = parser.parse(request, true);
        BufferedImage image = renderer.render(map.viewport(), map.mapLayers(), map.backgroundOrNull());
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 * 1024);
        map.format().write(image, bytes);
        response.setStatus(200);
        response.setContentType(map.format().mimeType());
        response.setContentLength(bytes.size());
        response.getOutputStream().write(bytes.toByteArray());
    }
}
