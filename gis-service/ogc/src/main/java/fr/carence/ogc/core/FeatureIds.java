package fr.carence.ogc.core;

import java.util.Optional;

/**
 * Feature identifiers as published ({@code gml:id}, GeoJSON {@code id}, RESOURCEID):
 * {@code <layer>.<id>}. A {@code gml:id} is an XML NCName, so characters an NCName cannot hold
 * (':' in {@code defaut:01001}, '>' in flow ids, spaces) are written {@code -XXXX} (hex code
 * point) and '-' itself as {@code -002D}; the encoding is reversible.
 */
public final class FeatureIds {

    private FeatureIds() {
    }

    public static String encode(String layer, String id) {
        StringBuilder sb = new StringBuilder(layer.length() + id.length() + 1).append(layer).append('.');
        id.codePoints().forEach(cp -> {
            if (cp != '-' && (Character.isLetterOrDigit(cp) || cp == '_' || cp == '.')) {
                sb.appendCodePoint(cp);
            } else {
                sb.append('-').append(String.format("%04X", cp));
            }
        });
        return sb.toString();
    }

    /** The store id of a published id of the given layer, or empty when it belongs to another layer. */
    public static Optional<String> decode(String layer, String published) {
        String prefix = layer + ".";
        if (!published.startsWith(prefix)) {
            return Optional.empty();
        }
        String enc = published.substring(prefix.length());
        StringBuilder sb = new StringBuilder(enc.length());
        for (int i = 0; i < enc.length(); i++) {
            char c = enc.charAt(i);
            if (c == '-' && i + 5 <= enc.length()) {
                try {
                    sb.appendCodePoint(Integer.parseInt(enc.substring(i + 1, i + 5), 16));
                    i += 4;
                    continue;
                } catch (NumberFormatException e) {
                    return Optional.empty();
                }
            }
            if (c == '-') {
                return Optional.empty();
            }
            sb.append(c);
        }
        return Optional.of(sb.toString());
    }

    /** The layer part of a published id ({@code communes.01001} -> {@code communes}). */
    public static Optional<String> layerOf(String published) {
        int dot = published.indexOf('.');
        return dot <= 0 ? Optional.empty() : Optional.of(published.substring(0, dot));
    }
}
