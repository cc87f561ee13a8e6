package fr.carence.ogc.wms;

import fr.carence.ogc.OwsRequest;
import fr.carence.ogc.core.OgcResponse;
import fr.carence.render.map.MapRenderer;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import fr.carence.render.map.RenderDeadline;
import fr.carence.render.map.RenderTimeoutException;

/**
 * WMS 1.3.0 GetMap: draws the requested layers (bottom first) with their styles into an image
 * of the requested size, format and background. Features come from the store in Lambert-93 and
 * are reprojected to the request CRS; result layers show the SCENARIO (default "defaut").
 * The image is fully encoded before anything is written, so an error still yields a clean
 * exception response. At most {@code maxConcurrentRenders} images are drawn and encoded at once
 * (others wait, first come first served): drawing is CPU-bound, so more threads than cores only
 * add heap (up to 64 MB per 4096² image) and cache misses, as MapServer's fixed worker pool avoids.
 * The wait for a slot, the store reads and the drawing share one deadline
 * ({@code carence.ogc.request-timeout}).
 */
final class GetMapOperation {

    private final MapRequestParser parser;
    private final MapRenderer renderer;
    private final Semaphore renderSlots;
    private final Duration requestTimeout;

    GetMapOperation(MapRequestParser parser, MapRenderer renderer, int maxConcurrentRenders, Duration requestTimeout) {
        this.parser = parser;
        this.renderer = renderer;
        this.renderSlots = new Semaphore(maxConcurrentRenders, true);
        this.requestTimeout = requestTimeout;
    }

    OgcResponse execute(OwsRequest request) {
        RenderDeadline deadline = RenderDeadline.after(requestTimeout);
        MapRequest map = parser.parse(request, true);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 * 1024);
        // Waiting for a drawing slot counts against the request's time too.
        try {
            if (!renderSlots.tryAcquire(deadline.remaining().toNanos(), TimeUnit.NANOSECONDS)) {
                throw new RenderTimeoutException("no drawing slot freed within " + requestTimeout);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RenderTimeoutException("interrupted while waiting for a drawing slot");
        }
        try {
            BufferedImage image = renderer.render(map.viewport(), map.mapLayers(), map.backgroundOrNull(), deadline);
            map.format().write(image, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode the map", e);
        } finally {
            renderSlots.release();
        }
        return OgcResponse.ok(map.format().contentType(), bytes.toByteArray());
    }
}
