package fr.carence.loaders.lieux;

import com.fasterxml.jackson.databind.JsonNode;
import fr.carence.loaders.core.GeoJsonFeature;
import fr.carence.loaders.core.GeoJsonReader;
import fr.carence.loaders.core.Progress;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.locationtech.jts.geom.Point;

/**
 * Reads venues from GeoJSON points with properties {@code nom}, {@code type}, {@code adresse},
 * {@code code_commune} (or {@code insee}), {@code capacite}, {@code precision}.
 */
final class VenueGeoJsonReader {

    long read(Path path, Progress progress, Consumer<VenueRecord> sink) {
        return GeoJsonReader.forEach(path, progress, f -> sink.accept(record(f)));
    }

    private static VenueRecord record(GeoJsonFeature f) {
        String nom = f.requiredText("nom", null);
        if (!(f.geometry() instanceof Point p) || p.isEmpty()) {
            throw f.error(nom, "geometry", f.geometry() == null ? "point absent"
                    : "point attendu, trouvé " + f.geometry().getGeometryType());
        }
        return new VenueRecord(nom, f.text("type"), f.text("adresse"), f.firstText("code_commune", "insee"),
                capacite(f, nom), VenueCsvReader.precision(f.text("precision")), p.getX(), p.getY(), f.srid(),
                "entité n° " + f.index(), (field, reason) -> f.error(nom, field, reason));
    }

    private static Integer capacite(GeoJsonFeature f, String nom) {
        JsonNode v = f.properties().get("capacite");
        if (v == null || v.isNull() || (v.isTextual() && v.asText().isBlank())) {
            return null;
        }
        if (v.canConvertToInt() && v.isIntegralNumber() || v.isTextual() && v.asText().strip().matches("\\d{1,9}")) {
            int n = v.isTextual() ? Integer.parseInt(v.asText().strip()) : v.asInt();
            if (n >= 0) {
                return n;
            }
        }
        throw f.error(nom, "capacite", "nombre entier positif attendu, trouvé « " + v.asText() + " »");
    }
}
