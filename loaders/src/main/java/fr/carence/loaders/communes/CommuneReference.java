package fr.carence.loaders.communes;

import fr.carence.loaders.core.CommuneCodes;
import fr.carence.store.Feature;
import fr.carence.store.FeatureCursor;
import fr.carence.store.FeatureQuery;
import fr.carence.store.FeatureStore;
import java.util.LinkedHashMap;
import java.util.Map;

/** The attributes of current communes that the polygons layer copies from {@code communes_insee}. */
record CommuneReference(String code, String nom, String dep, String reg, String epci, Integer population, String zone) {

    /** All current communes by code (the caller has checked that the layer exists). */
    static Map<String, CommuneReference> readAll(FeatureStore store) {
        Map<String, CommuneReference> out = new LinkedHashMap<>();
        try (FeatureCursor c = store.query(CommuneCodes.COMMUNES_LAYER, FeatureQuery.all().withoutGeometry())) {
            while (c.hasNext()) {
                Feature f = c.next();
                Object pop = f.get("population");
                out.put(f.id(), new CommuneReference(f.id(), (String) f.get("nom"), (String) f.get("dep"), (String) f.get("reg"),
                        (String) f.get("epci"), pop == null ? null : ((Number) pop).intValue(), (String) f.get("zone")));
            }
        }
        return out;
    }
}
