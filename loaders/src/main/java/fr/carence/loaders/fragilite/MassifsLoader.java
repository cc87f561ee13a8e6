package fr.carence.loaders.fragilite;

import fr.carence.loaders.core.GeoJsonFeature;

/** Loader "fragilite-massifs": mountain massif polygons (ANCT GeoJSON, property niveau_montagne) into {@code massifs}. */
public final class MassifsLoader extends ZoningPolygonLoader {

    @Override
    public String key() {
        return "fragilite-massifs";
    }

    @Override
    public String description() {
        return "Périmètres des massifs de montagne (GeoJSON ANCT)";
    }

    @Override
    String layer() {
        return "massifs";
    }

    @Override
    String idAttribute() {
        return "nom";
    }

    @Override
    String vintage() {
        return "COG 2026";
    }

    @Override
    String id(GeoJsonFeature feature) {
        String label = feature.firstText(MontagneLoader.VALUE, "nom");
        if (label == null) {
            throw feature.error(null, MontagneLoader.VALUE, "propriété obligatoire manquante (ou « nom »)");
        }
        return MassifName.of(label);
    }
}
