package fr.carence.ogc.format;

import fr.carence.ogc.crs.CrsName;
import fr.carence.store.Feature;
import fr.carence.store.FeatureCursor;
import fr.carence.store.LayerSchema;
import fr.carence.store.LayerSchema.Attribute;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import mil.nga.geopackage.BoundingBox;
import mil.nga.geopackage.GeoPackage;
import mil.nga.geopackage.GeoPackageManager;
import mil.nga.geopackage.db.GeoPackageDataType;
import mil.nga.geopackage.features.columns.GeometryColumns;
import mil.nga.geopackage.features.user.FeatureColumn;
import mil.nga.geopackage.features.user.FeatureDao;
import mil.nga.geopackage.features.user.FeatureRow;
import mil.nga.geopackage.features.user.FeatureTableMetadata;
import mil.nga.geopackage.geom.GeoPackageGeometryData;
import mil.nga.geopackage.srs.SpatialReferenceSystem;
import mil.nga.sf.GeometryType;
import mil.nga.sf.wkb.GeometryReader;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.io.WKBWriter;

/**
 * OGC GeoPackage: one feature table per layer (or attribute table for layers without geometry),
 * written to a temporary file with NGA's library, then streamed and deleted. The GeoPackage
 * stores x/y in every CRS, so latitude-first spellings are written longitude first.
 */
public final class GeoPackageFeatureCollectionWriter implements FeatureCollectionWriter {

    /** GeoPackage has its own integer primary key; the layer id keeps its own column. */
    private static final String FID = "fid";

    @Override
    public int order() {
        return 30;
    }

    @Override
    public List<String> formatNames() {
        return List.of("application/geopackage+sqlite3", "geopackage", "gpkg");
    }

    @Override
    public String contentType() {
        return "application/geopackage+sqlite3";
    }

    @Override
    public String fileExtension() {
        return "gpkg";
    }

    @Override
    public CrsName defaultCrs() {
        return null;
    }

    @Override
    public boolean honoursAxisOrder() {
        return false;
    }

    @Override
    public void write(FeatureCollectionResult r, OutputStream out) throws IOException {
        Path dir = Files.createTempDirectory("carence-gpkg");
        File file = dir.resolve("carence.gpkg").toFile();
        try {
            GeoPackageManager.create(file);
            try (GeoPackage gpkg = GeoPackageManager.open(file)) {
                for (LayerFeatures lf : r.layers()) {
                    writeLayer(gpkg, lf, r.crs());
                }
            }
            Files.copy(file.toPath(), out);
        } catch (SQLException e) {
            throw new IOException("GeoPackage output failed: " + e.getMessage(), e);
        } finally {
            Files.deleteIfExists(file.toPath());
            Files.deleteIfExists(dir.resolve("carence.gpkg-journal"));
            Files.deleteIfExists(dir);
        }
    }

    private void writeLayer(GeoPackage gpkg, LayerFeatures lf, CrsName crs) throws SQLException, IOException {
        List<FeatureColumn> columns = new ArrayList<>();
        for (String a : lf.attributes()) {
            Attribute attr = lf.schema().attribute(a).orElseThrow();
            columns.add(FeatureColumn.createColumn(a, type(attr), !attr.nullable(), null));
        }
        boolean geometry = lf.geometry() && lf.schema().hasGeometry();
        long srsId = 0;
        if (geometry) {
            srsId = srs(gpkg, crs.epsg()).getSrsId();
            GeometryColumns gc = new GeometryColumns();
            gc.setTableName(lf.layer());
            gc.setColumnName(LayerSchema.GEOMETRY_COLUMN);
            gc.setGeometryType(geometryType(lf.schema().geometryType()));
            gc.setZ((byte) 0);
            gc.setM((byte) 0);
            gc.setSrsId(srsId);
            gpkg.createFeatureTable(FeatureTableMetadata.create(gc, FID, columns, new BoundingBox()));
        } else {
            gpkg.createAttributesTable(mil.nga.geopackage.attributes.AttributesTableMetadata.create(lf.layer(), FID, toAttributeColumns(columns)));
        }
        WKBWriter wkb = new WKBWriter(2);
        Envelope extent = new Envelope();
        gpkg.beginTransaction();
        boolean ok = false;
        try (FeatureCursor c = lf.cursor().get()) {
            if (geometry) {
                FeatureDao dao = gpkg.getFeatureDao(lf.layer());
                while (c.hasNext()) {
                    Feature f = c.next();
                    FeatureRow row = dao.newRow();
                    for (String a : lf.attributes()) {
                        row.setValue(a, value(f.get(a)));
                    }
                    if (f.geometry() != null) {
                        GeoPackageGeometryData data = GeoPackageGeometryData.createAndBuildEnvelope(srsId,
                                GeometryReader.readGeometry(wkb.write(f.geometry())));
                        row.setGeometry(data);
                        extent.expandToInclude(f.geometry().getEnvelopeInternal());
                    }
                    dao.create(row);
                }
            } else {
                var dao = gpkg.getAttributesDao(lf.layer());
                while (c.hasNext()) {
                    Feature f = c.next();
                    var row = dao.newRow();
                    for (String a : lf.attributes()) {
                        row.setValue(a, value(f.get(a)));
                    }
                    dao.create(row);
                }
            }
            ok = true;
        } finally {
            gpkg.endTransaction(ok);
        }
        if (geometry && !extent.isNull()) {
            var contents = gpkg.getContentsDao().queryForId(lf.layer());
            contents.setMinX(extent.getMinX());
            contents.setMinY(extent.getMinY());
            contents.setMaxX(extent.getMaxX());
            contents.setMaxY(extent.getMaxY());
            gpkg.getContentsDao().update(contents);
        }
    }

    /**
     * NGA knows the WKT of a few CRSs only (4326, 3857...); for the others (2154, the overseas UTM
     * zones) the row names the EPSG code with an "undefined" definition, which GDAL and QGIS
     * resolve from their own EPSG database.
     */
    private static SpatialReferenceSystem srs(GeoPackage gpkg, int epsg) throws SQLException {
        var dao = gpkg.getSpatialReferenceSystemDao();
        try {
            return dao.getOrCreateFromEpsg(epsg);
        } catch (mil.nga.geopackage.GeoPackageException unknownToNga) {
            SpatialReferenceSystem existing = dao.queryForId((long) epsg);
            if (existing != null) {
                return existing;
            }
            SpatialReferenceSystem srs = new SpatialReferenceSystem();
            srs.setSrsName("EPSG:" + epsg);
            srs.setSrsId(epsg);
            srs.setOrganization("EPSG");
            srs.setOrganizationCoordsysId(epsg);
            srs.setDefinition("undefined");
            srs.setDescription("EPSG:" + epsg);
            dao.create(srs);
            return srs;
        }
    }

    private static List<mil.nga.geopackage.attributes.AttributesColumn> toAttributeColumns(List<FeatureColumn> columns) {
        List<mil.nga.geopackage.attributes.AttributesColumn> out = new ArrayList<>();
        for (FeatureColumn c : columns) {
            out.add(mil.nga.geopackage.attributes.AttributesColumn.createColumn(c.getName(), c.getDataType(), c.isNotNull(), null));
        }
        return out;
    }

    private static Object value(Object v) {
        if (v instanceof LocalDate d) {
            return Date.from(d.atStartOfDay(java.time.ZoneOffset.UTC).toInstant());
        }
        if (v instanceof Instant i) {
            return Date.from(i);
        }
        return v;
    }

    private static GeoPackageDataType type(Attribute a) {
        return switch (a.type()) {
            case STRING -> GeoPackageDataType.TEXT;
            case INTEGER -> GeoPackageDataType.MEDIUMINT;
            case LONG -> GeoPackageDataType.INTEGER;
            case DOUBLE -> GeoPackageDataType.DOUBLE;
            case BOOLEAN -> GeoPackageDataType.BOOLEAN;
            case DATE -> GeoPackageDataType.DATE;
            case TIMESTAMP -> GeoPackageDataType.DATETIME;
        };
    }

    private static GeometryType geometryType(LayerSchema.GeometryType t) {
        return switch (t) {
            case POINT -> GeometryType.POINT;
            case MULTIPOINT -> GeometryType.MULTIPOINT;
            case LINESTRING -> GeometryType.LINESTRING;
            case MULTILINESTRING -> GeometryType.MULTILINESTRING;
            case POLYGON -> GeometryType.POLYGON;
            case MULTIPOLYGON -> GeometryType.MULTIPOLYGON;
            case GEOMETRY, NONE -> GeometryType.GEOMETRY;
        };
    }
}
