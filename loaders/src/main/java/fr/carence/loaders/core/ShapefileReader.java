package fr.carence.loaders.core;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.h2gis.functions.io.dbf.internal.DbaseFileHeader;
import org.h2gis.functions.io.shp.internal.SHPDriver;
import org.h2.value.Value;
import org.h2.value.ValueGeometry;
import org.h2.value.ValueNull;
import org.locationtech.jts.geom.Geometry;

/**
 * Streams a Shapefile (.shp with its .shx, .dbf, .prj and optional .cpg) through H2GIS's own
 * Shapefile and dBase readers, used as a library: no database involved. The CRS comes from the
 * .prj ({@link PrjCrs}); a missing or unknown .prj is an error, never an assumption.
 */
public final class ShapefileReader {

    private ShapefileReader() {
    }

    /** @return number of features read */
    public static long forEach(Path shp, Progress progress, Consumer<VectorFeature> consumer) {
        String name = InputFile.displayName(shp);
        String base = name.substring(0, name.length() - 4);
        for (String ext : new String[] {".shx", ".dbf", ".prj"}) {
            if (sidecar(shp, base, ext) == null) {
                throw LoadException.inFile(name, "fichier compagnon " + base + ext + " absent (un Shapefile va avec ses .shx, .dbf et .prj)");
            }
        }
        int srid = srid(sidecar(shp, base, ".prj"));
        SHPDriver driver = new SHPDriver();
        long row = 0;
        try {
            Path cpg = sidecar(shp, base, ".cpg");
            // Without .cpg, ADMIN EXPRESS and most recent exports are UTF-8; dBase's default (Latin-1) would garble names.
            String encoding = cpg == null ? "UTF-8" : Files.readString(cpg, StandardCharsets.US_ASCII).strip();
            driver.initDriverFromFile(shp.toFile(), encoding);
            DbaseFileHeader header = driver.getDbaseFileHeader();
            int geomIndex = driver.getGeometryFieldIndex();
            Map<String, Integer> columns = new HashMap<>();
            for (int i = 0, c = 0; c < driver.getFieldCount(); c++) {
                if (c == geomIndex) {
                    continue;
                }
                columns.put(header.getFieldName(i), c);
                i++;
            }
            long rows = driver.getRowCount();
            long size = Files.size(shp);
            progress.start(name, size);
            for (row = 0; row < rows; row++) {
                Value g = driver.getField(row, geomIndex);
                Object[] values = new Object[driver.getFieldCount()];
                for (int c = 0; c < values.length; c++) {
                    Value v = c == geomIndex ? ValueNull.INSTANCE : driver.getField(row, c);
                    values[c] = v == ValueNull.INSTANCE ? null : v.getString();
                }
                Geometry geometry = g instanceof ValueGeometry vg ? vg.getGeometry() : null;
                if (geometry != null) {
                    geometry.setSRID(srid);
                }
                consumer.accept(new ShapefileFeature(name, row, columns, values, geometry, srid));
                progress.update(row + 1, size * (row + 1) / Math.max(1, rows));
            }
            progress.done(rows);
            return rows;
        } catch (IOException | RuntimeException e) {
            if (e instanceof LoadException le) {
                throw le;
            }
            throw LoadException.atFeature(name, row, null, null, "Shapefile illisible (" + e.getMessage() + ")");
        } finally {
            try {
                driver.close();
            } catch (IOException | RuntimeException ignored) {
                // nothing was written: closing a reader cannot lose data
            }
        }
    }

    private static int srid(Path prj) {
        String name = InputFile.displayName(prj);
        try {
            String wkt = Files.readString(prj, StandardCharsets.ISO_8859_1);
            int epsg = PrjCrs.epsg(wkt);
            if (epsg < 0) {
                throw LoadException.inFile(name, "système de coordonnées non reconnu (Lambert-93, WGS 84 ou CRS légal "
                        + "d'outre-mer attendu) : " + wkt.substring(0, Math.min(80, wkt.length())) + "…");
            }
            return epsg;
        } catch (IOException e) {
            throw LoadException.inFile(name, "lecture impossible (" + e.getMessage() + ")", e);
        }
    }

    /** The sidecar file, whatever the case of its extension (.dbf or .DBF). */
    private static Path sidecar(Path shp, String base, String ext) {
        for (String candidate : new String[] {base + ext, base + ext.toUpperCase(java.util.Locale.ROOT)}) {
            Path p = shp.resolveSibling(candidate);
            if (Files.isRegularFile(p)) {
                return p;
            }
        }
        return null;
    }

    private record ShapefileFeature(String file, long index, Map<String, Integer> columns, Object[] values,
                                    Geometry geometry, int srid) implements VectorFeature {
        @Override
        public String text(String property) {
            Integer c = columns.get(property);
            if (c == null || values[c] == null) {
                return null;
            }
            String s = values[c].toString().strip();
            return s.isEmpty() ? null : s;
        }
    }

}
