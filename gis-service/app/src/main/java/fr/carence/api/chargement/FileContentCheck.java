package fr.carence.api.chargement;

import fr.carence.loaders.core.CountingInputStream;
import fr.carence.loaders.core.InputKind;
import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Checks that a staged file's content is what its extension says, from its first bytes (after
 * gzip decompression, which the loaders also do): text for .csv/.prj/.cpg, a JSON object or
 * array for .json/.geojson, the Shapefile file code for .shp/.shx, a dBase header for .dbf.
 * A gzip file is also read to its end through the {@link ExpansionBudget}, so a gzip bomb is
 * refused here rather than inside a loader.
 */
final class FileContentCheck {

    private static final int SNIFF_BYTES = 8192;
    private static final int SHAPEFILE_CODE = 9994;
    /** dBase version bytes written by GIS tools (III, IV, FoxPro, Visual FoxPro, with or without memo). */
    private static final int[] DBF_VERSIONS = {0x02, 0x03, 0x04, 0x05, 0x30, 0x31, 0x32, 0x43, 0x63, 0x83, 0x8B, 0xCB, 0xF5, 0xFB};

    private FileContentCheck() {
    }

    /**
     * @param name the file as named in messages
     * @throws UploadRejectedException when the content does not match the extension
     */
    static void check(Path file, String name, ExpansionBudget budget) throws IOException {
        String lower = name.toLowerCase(Locale.ROOT);
        byte[] head;
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(file))) {
            raw.mark(2);
            boolean gzip = raw.read() == 0x1f && raw.read() == 0x8b;
            raw.reset();
            if (!gzip && lower.endsWith(".gz")) {
                throw UploadRejectedException.badType(name, "extension .gz mais contenu non compressé par gzip");
            }
            head = gzip ? gunzipHead(raw, name, budget) : raw.readNBytes(SNIFF_BYTES);
        }
        String ext = InputKind.extensionOf(name);
        switch (ext) {
            case ".csv", ".prj", ".cpg" -> requireText(head, name, "un fichier texte");
            case ".json", ".geojson" -> requireJson(head, name);
            case ".shp", ".shx" -> requireShapefileHeader(head, name, ext);
            case ".dbf" -> requireDbfHeader(head, name);
            default -> throw UploadRejectedException.badType(name, "extension « " + ext + " » non acceptée");
        }
    }

    /** The first decompressed bytes; the whole stream is then counted against the budget. */
    private static byte[] gunzipHead(InputStream raw, String name, ExpansionBudget budget) throws IOException {
        CountingInputStream compressed = new CountingInputStream(raw);
        try (InputStream in = new BufferedInputStream(new GZIPInputStream(compressed, 1 << 16), 1 << 16)) {
            in.mark(SNIFF_BYTES);
            byte[] head = in.readNBytes(SNIFF_BYTES);
            in.reset();
            budget.drain(in, compressed::count, name);
            return head;
        } catch (ZipException | EOFException e) {
            throw UploadRejectedException.badType(name, "fichier gzip corrompu ou tronqué");
        }
    }

    private static void requireText(byte[] head, String name, String expected) {
        if (head.length == 0) {
            throw UploadRejectedException.badType(name, "fichier vide");
        }
        String signature = binarySignature(head);
        if (signature != null) {
            throw UploadRejectedException.badType(name, "contenu " + signature + " : " + expected + " était attendu");
        }
        for (byte b : head) {
            int c = b & 0xff;
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f') {
                throw UploadRejectedException.badType(name, "contenu binaire (octet de contrôle 0x"
                        + String.format("%02X", c) + ") : " + expected + " était attendu");
            }
        }
    }

    private static void requireJson(byte[] head, String name) {
        requireText(head, name, "un fichier JSON ou GeoJSON");
        int i = startsWith(head, new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}) ? 3 : 0;
        while (i < head.length && Character.isWhitespace(head[i])) {
            i++;
        }
        if (i == head.length || (head[i] != '{' && head[i] != '[')) {
            throw UploadRejectedException.badType(name, "ne commence pas par « { » ou « [ » : un fichier JSON ou GeoJSON était attendu");
        }
    }

    private static void requireShapefileHeader(byte[] head, String name, String ext) {
        if (head.length < 100 || ByteBuffer.wrap(head, 0, 4).getInt() != SHAPEFILE_CODE) {
            String signature = binarySignature(head);
            throw UploadRejectedException.badType(name, (signature == null ? "en-tête" : "contenu " + signature)
                    + " non conforme : un fichier Shapefile " + ext + " (code 9994) était attendu");
        }
    }

    private static void requireDbfHeader(byte[] head, String name) {
        boolean ok = head.length >= 32 && Arrays.stream(DBF_VERSIONS).anyMatch(v -> v == (head[0] & 0xff))
                && ((head[8] & 0xff) | (head[9] & 0xff) << 8) >= 33 && ((head[10] & 0xff) | (head[11] & 0xff) << 8) >= 1;
        if (!ok) {
            throw UploadRejectedException.badType(name, "en-tête non conforme : une table dBase .dbf était attendue");
        }
    }

    /** A well-known binary format recognised from its magic bytes, for a clearer message; null if none. */
    static String binarySignature(byte[] head) {
        if (startsWith(head, new byte[] {(byte) 0x89, 'P', 'N', 'G'})) {
            return "PNG (image)";
        }
        if (startsWith(head, new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF})) {
            return "JPEG (image)";
        }
        if (startsWith(head, new byte[] {'G', 'I', 'F', '8'})) {
            return "GIF (image)";
        }
        if (startsWith(head, new byte[] {'%', 'P', 'D', 'F'})) {
            return "PDF";
        }
        if (startsWith(head, new byte[] {'P', 'K', 3, 4})) {
            return "ZIP (archive, ou classeur .xlsx/.ods)";
        }
        if (startsWith(head, new byte[] {0x1f, (byte) 0x8b})) {
            return "gzip (compressé deux fois)";
        }
        if (startsWith(head, new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0})) {
            return "Microsoft Office (.xls/.doc)";
        }
        return null;
    }

    private static boolean startsWith(byte[] head, byte[] prefix) {
        return head.length >= prefix.length && Arrays.equals(head, 0, prefix.length, prefix, 0, prefix.length);
    }
}
