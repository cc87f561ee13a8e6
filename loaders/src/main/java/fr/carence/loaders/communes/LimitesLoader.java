package fr.carence.loaders.communes;

import fr.carence.crs.CrsTransforms;
import fr.carence.loaders.core.DatasetLoader;
import fr.carence.loaders.core.GeometryChecks;
import fr.carence.loaders.core.InputFile;
import fr.carence.loaders.core.InputKind;
import fr.carence.loaders.core.LoadContext;
import fr.carence.loaders.core.LoadException;
import fr.carence.loaders.core.LoadReport;
import fr.carence.loaders.core.StagedLayers;
import fr.carence.loaders.core.VectorFiles;
import fr.carence.store.Feature;
import fr.carence.store.FeatureStore;
import fr.carence.store.LayerInfo;
import fr.carence.store.LayerSchema;
import fr.carence.store.LayerWriter;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.locationtech.jts.geom.MultiPolygon;

/**
 * Département and région boundaries (GeoJSON with code/nom, or ADMIN EXPRESS DEPARTEMENT.shp /
 * REGION.shp with INSEE_DEP/INSEE_REG and NOM). The layer is chosen from the file name
 * ("departement…" or "region…"); a layer whose file is not given is left as it is.
 */
public final class LimitesLoader implements DatasetLoader {

    private static final String[] CODE_FIELDS = {"code", "INSEE_DEP", "INSEE_REG", "CODE_INSEE"};
    private static final String[] NAME_FIELDS = {"nom", "NOM", "NOM_DEP", "NOM_REG", "NOM_M"};

    @Override
    public String key() {
        return "limites";
    }

    @Override
    public String description() {
        return "Contours des départements et des régions (GeoJSON ou ADMIN EXPRESS)";
    }

    @Override
    public List<String> layers() {
        return List.of(CommunesLayers.DEPARTEMENTS.name(), CommunesLayers.REGIONS.name());
    }

    @Override
    public Set<InputKind> inputKinds() {
        return EnumSet.of(InputKind.SHAPEFILE, InputKind.JSON);
    }

    @Override
    public LoadReport load(List<Path> files, LoadContext ctx) {
        if (files.isEmpty()) {
            throw LoadException.prerequisite("le jeu « limites » demande un fichier de départements et/ou de régions");
        }
        LoadReport report = new LoadReport(key());
        Map<LayerSchema, Path> byLayer = new LinkedHashMap<>();
        for (Path file : files) {
            LayerSchema layer = layerFor(file);
            Path previous = byLayer.put(layer, file);
            if (previous != null) {
                throw LoadException.inFile(InputFile.displayName(file), "deux fichiers pour la couche " + layer.name()
                        + " : " + InputFile.displayName(previous) + " et " + InputFile.displayName(file));
            }
        }
        LayerInfo.Source src = ctx.source(key(),
                files.stream().map(InputFile::displayName).collect(Collectors.joining(", ")), ctx.option("millesime").orElse(null));
        try (StagedLayers staged = new StagedLayers(ctx.store(), src)) {
            for (Map.Entry<LayerSchema, Path> e : byLayer.entrySet()) {
                LayerWriter w = staged.writer(e.getKey());
                Map<String, Long> seen = new HashMap<>();
                long n = VectorFiles.forEach(e.getValue(), ctx.progress(), f -> {
                    String code = f.firstText(CODE_FIELDS);
                    if (code == null) {
                        throw f.error(null, String.join(" ou ", CODE_FIELDS), "code absent");
                    }
                    Long first = seen.putIfAbsent(code, f.index());
                    if (first != null) {
                        throw f.error(code, "code", "code en double (déjà à l'entité n° " + first + ")");
                    }
                    String nom = f.firstText(NAME_FIELDS);
                    if (nom == null) {
                        throw f.error(code, String.join(" ou ", NAME_FIELDS), "nom absent");
                    }
                    MultiPolygon valid = GeometryChecks.validMultiPolygon(f.geometry(), code, report,
                            (field, reason) -> f.error(code, field, reason));
                    MultiPolygon g = GeometryChecks.toMultiPolygon(CrsTransforms.transform(valid, f.srid(), FeatureStore.STORAGE_SRID));
                    Map<String, Object> p = new LinkedHashMap<>();
                    p.put("code", code);
                    p.put("nom", nom);
                    w.write(new Feature(code, g, p));
                });
                if (n == 0) {
                    throw LoadException.inFile(InputFile.displayName(e.getValue()), "fichier sans aucune entité");
                }
                report.addRowsRead(n);
            }
            staged.commitAll(report);
        }
        return report;
    }

    private static LayerSchema layerFor(Path file) {
        String name = InputFile.displayName(file).toLowerCase(Locale.ROOT);
        if (!VectorFiles.isVectorFile(file)) {
            throw LoadException.inFile(InputFile.displayName(file), "format non reconnu (attendu .shp, .geojson ou .geojson.gz)");
        }
        if (name.startsWith("departement")) {
            return CommunesLayers.DEPARTEMENTS;
        }
        if (name.startsWith("region")) {
            return CommunesLayers.REGIONS;
        }
        throw LoadException.inFile(InputFile.displayName(file),
                "couche non reconnue : le nom du fichier doit commencer par « departement » ou « region »");
    }
}
