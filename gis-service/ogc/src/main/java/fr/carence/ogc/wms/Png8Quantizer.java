package fr.carence.ogc.wms;

import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.awt.image.WritableRaster;
import java.util.HashMap;
import java.util.Map;

/**
 * Reduces an ARGB map to a 256-entry palette for PNG8 (smaller tiles). Maps have few distinct
 * colours (class fills plus anti-aliased edges), so a popularity palette over colours rounded to
 * 5 bits per channel, with every pixel mapped to its nearest palette entry, is close to lossless
 * on the fills; index 0 is kept fully transparent.
 */
final class Png8Quantizer {

    private static final int PALETTE = 256;

    private Png8Quantizer() {
    }

    static BufferedImage quantize(BufferedImage argb) {
        int w = argb.getWidth();
        int h = argb.getHeight();
        int[] pixels = argb.getRGB(0, 0, w, h, null, 0, w);
        Map<Integer, int[]> counts = new HashMap<>();
        for (int p : pixels) {
            if ((p >>> 24) < 16) {
                continue;
            }
            int key = reduce(p);
            counts.computeIfAbsent(key, k -> new int[1])[0]++;
        }
        int[] palette = counts.entrySet().stream()
                .sorted((a, b) -> Integer.compare(b.getValue()[0], a.getValue()[0]))
                .limit(PALETTE - 1).mapToInt(Map.Entry::getKey).toArray();
        byte[] r = new byte[PALETTE];
        byte[] g = new byte[PALETTE];
        byte[] b = new byte[PALETTE];
        byte[] a = new byte[PALETTE];
        for (int i = 0; i < palette.length; i++) {
            int c = expand(palette[i]);
            a[i + 1] = (byte) (c >>> 24);
            r[i + 1] = (byte) (c >> 16);
            g[i + 1] = (byte) (c >> 8);
            b[i + 1] = (byte) c;
        }
        IndexColorModel model = new IndexColorModel(8, PALETTE, r, g, b, a);
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_INDEXED, model);
        WritableRaster raster = out.getRaster();
        Map<Integer, Integer> nearest = new HashMap<>();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int p = pixels[y * w + x];
                int index = (p >>> 24) < 16 ? 0 : nearest.computeIfAbsent(reduce(p), k -> nearestIndex(k, palette));
                raster.setSample(x, y, 0, index);
            }
        }
        return out;
    }

    /** ARGB to 4-bit alpha and 5-bit colour channels. */
    private static int reduce(int p) {
        int al = (p >>> 28) & 0xf;
        int rd = (p >> 19) & 0x1f;
        int gr = (p >> 11) & 0x1f;
        int bl = (p >> 3) & 0x1f;
        return (al << 15) | (rd << 10) | (gr << 5) | bl;
    }

    private static int expand(int k) {
        int al = ((k >> 15) & 0xf) * 17;
        int rd = ((k >> 10) & 0x1f) * 255 / 31;
        int gr = ((k >> 5) & 0x1f) * 255 / 31;
        int bl = (k & 0x1f) * 255 / 31;
        return (al << 24) | (rd << 16) | (gr << 8) | bl;
    }

    private static int nearestIndex(int key, int[] palette) {
        int best = 0;
        long bestDistance = Long.MAX_VALUE;
        int c = expand(key);
        for (int i = 0; i < palette.length; i++) {
            int q = expand(palette[i]);
            long d = 0;
            for (int shift = 0; shift < 32; shift += 8) {
                int diff = ((c >>> shift) & 0xff) - ((q >>> shift) & 0xff);
                d += (long) diff * diff;
            }
            if (d < bestDistance) {
                bestDistance = d;
                best = i + 1;
            }
        }
        return best;
    }
}
