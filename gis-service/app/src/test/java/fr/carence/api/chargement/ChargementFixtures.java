package fr.carence.api.chargement;

import fr.carence.loaders.sample.OccitanieSample;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.stream.Stream;
import java.util.zip.ZipOutputStream;
import org.apache.commons.compress.archivers.zip.UnixStat;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * Upload contents for the load API tests: the committed Occitanie sample files (real data), and
 * made-up hostile archives built in memory (fixture-… names).
 */
final class ChargementFixtures {

    private ChargementFixtures() {
    }

    /** A committed sample file, as stored (gzip). */
    static byte[] sample(String resource) {
        try (InputStream in = OccitanieSample.class.getResourceAsStream(OccitanieSample.DIRECTORY + "/" + resource)) {
            if (in == null) {
                throw new IllegalStateException("sample resource missing: " + resource);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A committed sample file, decompressed. */
    static byte[] sampleText(String resource) {
        try (InputStream in = new GZIPInputStream(OccitanieSample.class.getResourceAsStream(OccitanieSample.DIRECTORY + "/" + resource))) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The committed communes GeoJSON converted to a Shapefile (.shp, .shx, .dbf, .prj, .cpg) by
     * GDAL's ogr2ogr (Debian gdal-bin; H2GIS's SHPWRITE writes corrupt multi-part polygons), with
     * the commune code under its ADMIN EXPRESS field name, zipped under {@code folder/} as an
     * ADMIN EXPRESS archive would be. Skips the test without ogr2ogr, fails on CI (CI=true).
     */
    static byte[] communesShapefileZip(Path work, String folder) throws Exception {
        Path ogr2ogr = Path.of("/usr/bin/ogr2ogr");
        if (!Files.isExecutable(ogr2ogr)) {
            String message = ogr2ogr + " is missing: apt-get install -y gdal-bin";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                Assertions.fail(message);
            }
            Assumptions.abort(message);
        }
        Path geojson = work.resolve("communes.geojson");
        Files.write(geojson, sampleText("communes-2018-occitanie.geojson.gz"));
        Path out = Files.createDirectory(work.resolve("shp"));
        Process p = new ProcessBuilder(ogr2ogr.toString(), "-f", "ESRI Shapefile", "-lco", "ENCODING=UTF-8",
                "-sql", "SELECT code AS INSEE_COM, nom AS NOM FROM communes", out.resolve("COMMUNE.shp").toString(),
                geojson.toString()).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IllegalStateException("ogr2ogr failed: " + output);
        }
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (Stream<Path> files = Files.list(out)) {
            for (Path f : files.sorted().toList()) {
                entries.put(folder + "/" + f.getFileName(), Files.readAllBytes(f));
            }
        }
        return zip(entries);
    }

    /** A zip of the given entries (name → content), in order. */
    static byte[] zip(Map<String, byte[]> entries) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (var e : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** A zip bomb: one CSV entry of {@code megabytes} MiB of a repeated line (ratio about 1000:1). */
    static byte[] zipBomb(int megabytes) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("fixture-bombe.csv"));
            writeRepeated(zip, megabytes);
            zip.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** A gzip bomb: {@code megabytes} MiB of a repeated CSV line. */
    static byte[] gzipBomb(int megabytes) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
            writeRepeated(gz, megabytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static void writeRepeated(java.io.OutputStream out, int megabytes) throws IOException {
        byte[] line = "nom,lon,lat\n".repeat(1 << 16).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        long target = (long) megabytes << 20;
        for (long written = 0; written < target; written += line.length) {
            out.write(line);
        }
    }

    /** A zip holding one symbolic link entry pointing at {@code target}. */
    static byte[] zipWithSymlink(String name, String target) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipArchiveOutputStream zip = new ZipArchiveOutputStream(bytes)) {
            ZipArchiveEntry link = new ZipArchiveEntry(name);
            link.setUnixMode(UnixStat.LINK_FLAG | 0777);
            zip.putArchiveEntry(link);
            zip.write(target.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            zip.closeArchiveEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** The first bytes of a real PNG image (signature and IHDR chunk) followed by pixel-like noise. */
    static byte[] fixturePng() {
        byte[] png = new byte[4096];
        byte[] head = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 'I', 'H', 'D', 'R', 0, 0, 0, 0x10, 0, 0, 0, 0x10, 8, 6, 0, 0, 0};
        System.arraycopy(head, 0, png, 0, head.length);
        for (int i = head.length; i < png.length; i++) {
            png[i] = (byte) (i * 31);
        }
        return png;
    }
}
