package fr.carence.api.couches;

import fr.carence.ogc.catalog.Catalog;
import fr.carence.store.FeatureQuery;
import fr.carence.store.FeatureStore;
import fr.carence.store.LayerInfo;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Optional;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The store's layers for administrators: what is loaded, when, from which files, and which OGC
 * layers publish it. Read-only on purpose: layers change through loads (atomic replacement), and
 * dropping a layer the catalogue publishes would break WMS/WFS for every user.
 */
@RestController
@RequestMapping("/api/couches")
@Tag(name = "Couches", description = "Couches du magasin de données (administrateurs)")
public class CoucheController {

    private final FeatureStore store;
    private final Catalog catalog;

    public CoucheController(FeatureStore store, Catalog catalog) {
        this.store = store;
        this.catalog = catalog;
    }

    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Lister les couches du magasin",
            description = "Nom, type de géométrie, nombre d'entités, dernière mise à jour, provenance (jeu, fichiers, millésime) "
                    + "et publications OGC de chaque couche du magasin")
    @ApiResponse(responseCode = "200", description = "Couches, par nom")
    @ApiResponse(responseCode = "401", description = "Non authentifié")
    @ApiResponse(responseCode = "403", description = "Réservé aux administrateurs")
    public List<Couche> layers() {
        return store.layerNames().stream().map(this::describe).flatMap(Optional::stream).toList();
    }

    /** Empty when the layer vanished between the listing and this read (dropped meanwhile). */
    private Optional<Couche> describe(String layer) {
        return store.schema(layer).map(schema -> {
            Optional<LayerInfo> info = store.info(layer);
            LayerInfo.Source source = info.map(LayerInfo::source).orElse(null);
            long count = info.map(LayerInfo::featureCount).orElseGet(() -> store.count(layer, FeatureQuery.all()));
            List<Couche.Publication> publications = catalog.layers().stream()
                    .filter(p -> p.storeLayer().equals(layer))
                    .map(p -> new Couche.Publication(p.qualifiedName(catalog.workspace()), p.readRoles().stream().sorted().toList()))
                    .toList();
            return new Couche(layer, schema.geometryType().name(), count, info.map(LayerInfo::committedAt).orElse(null),
                    source == null ? null : source.dataset(), source == null ? null : source.files(),
                    source == null ? null : source.vintage(), source == null ? null : source.loadedBy(),
                    source == null ? null : source.sha256(), publications);
        });
    }
}
