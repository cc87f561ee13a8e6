package fr.carence.loaders.core;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.io.ParseException;

/**
 * Streams the features of a GeoJSON FeatureCollection: Jackson walks the file token by token and
 * materialises one feature at a time (a 48 MB national file is never held as one tree); each
 * geometry is parsed with JTS's {@link org.locationtech.jts.io.geojson.GeoJsonReader}.
 */
public final class GeoJsonReader {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Pattern EPSG = Pattern.compile("(?:EPSG::?|EPSG/0/)(\\d+)$");

    private GeoJsonReader() {
    }

    /**
     * Calls {@code consumer} for each feature.
     *
     * @return number of features read
     * @throws LoadException on invalid JSON, truncation, or an unreadable geometry (naming the feature)
     */
    public static long forEach(Path path, Progress progress, Consumer<GeoJsonFeature> consumer) {
        String name = InputFile.displayName(path);
        org.locationtech.jts.io.geojson.GeoJsonReader geometryReader =
                new org.locationtech.jts.io.geojson.GeoJsonReader(new GeometryFactory(new PrecisionModel(), 4326));
        long index = 0;
        int srid = 4326;
        boolean sawFeatures = false;
        try (InputFile in = InputFile.open(path);
             JsonParser p = MAPPER.getFactory().createParser(in.content())) {
            progress.start(name, in.size());
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw LoadException.inFile(name, "objet GeoJSON (FeatureCollection) attendu au début du fichier");
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                if ("crs".equals(field)) {
                    srid = declaredSrid(name, MAPPER.readTree(p));
                    if (sawFeatures && srid != 4326) {
                        // the features were already read as lon/lat: refuse rather than mix CRS
                        throw LoadException.inFile(name, "membre « crs » (EPSG:" + srid + ") placé après les entités : "
                                + "placez-le avant « features »");
                    }
                } else if ("features".equals(field) && value == JsonToken.START_ARRAY) {
                    sawFeatures = true;
                    JsonToken t;
                    while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
                        if (t != JsonToken.START_OBJECT) {
                            throw LoadException.atFeature(name, index, null, null, "objet Feature attendu");
                        }
                        JsonNode feature = MAPPER.readTree(p);
                        consumer.accept(toFeature(name, index, feature, srid, geometryReader));
                        index++;
                        progress.update(index, in.bytesRead());
                    }
                } else {
                    p.skipChildren();
                }
            }
            if (!sawFeatures) {
                throw LoadException.inFile(name, "aucun tableau « features » : ce n'est pas une FeatureCollection GeoJSON");
            }
            progress.done(index);
            return index;
        } catch (JsonParseException e) {
            throw JsonErrors.toLoadException(name, index, e);
        } catch (java.io.EOFException e) {
            throw LoadException.atFeature(name, index, null, null, "fichier tronqué");
        } catch (IOException e) {
            throw LoadException.inFile(name, "lecture impossible (" + e.getMessage() + ")", e);
        }
    }

    private static GeoJsonFeature toFeature(String name, long index, JsonNode feature, int srid,
                                            org.locationtech.jts.io.geojson.GeoJsonReader reader) {
        JsonNode props = feature.get("properties");
        JsonNode geom = feature.get("geometry");
        Geometry geometry = null;
        if (geom != null && !geom.isNull()) {
            try {
                geometry = reader.read(geom.toString());
                geometry.setSRID(srid);
            } catch (ParseException | RuntimeException e) {
                throw LoadException.atFeature(name, index, null, "geometry", "géométrie illisible (" + e.getMessage() + ")");
            }
        }
        return new GeoJsonFeature(name, index, props, geometry, srid);
    }

    /** The legacy (2008) "crs" member: "urn:ogc:def:crs:EPSG::2154", "EPSG:2154" or CRS84. */
    private static int declaredSrid(String file, JsonNode crs) {
        String crsName = crs.path("properties").path("name").asText("");
        if (crsName.isEmpty() || crsName.endsWith("CRS84")) {
            return 4326;
        }
        Matcher m = EPSG.matcher(crsName);
        if (!m.find()) {
            throw LoadException.inFile(file, "système de coordonnées « " + crsName + " » non reconnu (attendu EPSG:xxxx ou CRS84)");
        }
        return Integer.parseInt(m.group(1));
    }
}
