package fr.carence.loaders.fragilite;

import fr.carence.crs.CrsTransforms;
import fr.carence.loaders.core.DatasetLoader;
import fr.carence.loaders.core.GeoJsonFeature;
import fr.carence.loaders.core.GeoJsonReader;
import fr.carence.loaders.core.GeometryChecks;
import fr.carence.loaders.core.InputFile;
import fr.carence.loaders.core.InputKind;
import fr.carence.loaders.core.LoadContext;
import fr.carence.loaders.core.LoadException;
import fr.carence.loaders.core.LoadReport;
import fr.carence.loaders.core.StagedLayers;
import fr.carence.store.Feature;
import fr.carence.store.FeatureStore;
import fr.carence.store.LayerInfo;
import fr.carence.store.LayerSchema;
import fr.carence.store.LayerSchema.Attribute;
import fr.carence.store.LayerSchema.AttributeType;
import fr.carence.store.LayerWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.MultiPolygon;

/**
 * Common reading of a zoning perimeter published as GeoJSON polygons: each feature gets an id
 * from its properties, is transformed to Lambert-93 and checked (invalid polygons repaired with
 * GeometryFixer and listed in the report, see {@link GeometryChecks}); an id twice is an error.
 */
abstract class ZoningPolygonLoader implements DatasetLoader {

    /** Layer name; its schema is (id attribute) + MULTIPOLYGON. */
    abstract String layer();

    /** Name of the id attribute ("nom" for massifs, "id" for the ZRR perimeter). */
    abstract String idAttribute();

    abstract String vintage();

    /** The feature's id from its properties; missing values throw {@code feature.error}. */
    abstract String id(GeoJsonFeature feature);

    /** Attributes besides the id (none by default). */
    List<Attribute> otherAttributes() {
        return List.of();
    }

    /** Values of {@link #otherAttributes()} for one feature; bad values throw {@code feature.error}. */
    Map<String, Object> otherValues(GeoJsonFeature feature, String id, LoadContext ctx) {
        return Map.of();
    }

    LayerSchema schema() {
        List<Attribute> attributes = new ArrayList<>();
        attributes.add(Attribute.required(idAttribute(), AttributeType.STRING));
        attributes.addAll(otherAttributes());
        return new LayerSchema(layer(), attributes, LayerSchema.GeometryType.MULTIPOLYGON, idAttribute());
    }

    @Override
    public List<String> layers() {
        return List.of(layer());
    }

    @Override
    public Set<InputKind> inputKinds() {
        return EnumSet.of(InputKind.JSON);
    }

    @Override
    public LoadReport load(List<Path> files, LoadContext ctx) {
        if (files.size() != 1) {
            throw LoadException.prerequisite("le jeu « " + key() + " » attend un seul fichier GeoJSON, reçu " + files.size());
        }
        Path file = files.get(0);
        LoadReport report = new LoadReport(key());
        LayerInfo.Source source = ctx.source(key(), InputFile.displayName(file), vintage());
        Map<String, Long> indexOfId = new HashMap<>();
        try (StagedLayers staged = new StagedLayers(ctx.store(), source)) {
            LayerWriter writer = staged.writer(schema());
            long n = GeoJsonReader.forEach(file, ctx.progress(), f -> {
                String id = id(f);
                Long first = indexOfId.putIfAbsent(id, f.index());
                if (first != null) {
                    throw f.error(id, idAttribute(), "« " + id + " » en double (déjà entité n° " + first + ")");
                }
                if (f.geometry() == null) {
                    throw f.error(id, "geometry", "géométrie absente");
                }
                Geometry g = CrsTransforms.transform(f.geometry(), f.srid(), FeatureStore.STORAGE_SRID);
                MultiPolygon mp = GeometryChecks.validMultiPolygon(g, id, report, (field, reason) -> f.error(id, field, reason));
                mp.setSRID(FeatureStore.STORAGE_SRID);
                Map<String, Object> props = new LinkedHashMap<>();
                props.put(idAttribute(), id);
                props.putAll(otherValues(f, id, ctx));
                writer.write(new Feature(id, mp, props));
            });
            report.addRowsRead(n);
            if (n == 0) {
                throw LoadException.inFile(InputFile.displayName(file), "aucune entité dans la FeatureCollection");
            }
            staged.commitAll(report);
        }
        return report;
    }
}
