package fr.carence.loaders.fragilite;

import fr.carence.loaders.core.GeoJsonFeature;

/** Loader "fragilite-zrr-perimetre": the dissolved ZRR perimeter (GeoJSON, property id) into {@code zrr_perimetre}. */
public final class ZrrPerimetreLoader extends ZoningPolygonLoader {

    @Override
    public String key() {
        return "fragilite-zrr-perimetre";
    }

    @Override
    public String description() {
        return "Périmètre des zones de revitalisation rurale 2018 (GeoJSON)";
    }

    @Override
    String layer() {
        return "zrr_perimetre";
    }

    @Override
    String idAttribute() {
        return "id";
    }

    @Override
    String vintage() {
        return "ZRR 2018";
    }

    @Override
    String id(GeoJsonFeature feature) {
        return feature.requiredText("id", null);
    }
}
