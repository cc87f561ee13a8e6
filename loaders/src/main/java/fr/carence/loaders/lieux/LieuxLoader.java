package fr.carence.loaders.lieux;

import fr.carence.loaders.core.CommuneCodes;
import fr.carence.loaders.core.DatasetLoader;
import fr.carence.loaders.core.InputFile;
import fr.carence.loaders.core.InputKind;
import fr.carence.loaders.core.LoadContext;
import fr.carence.loaders.core.LoadException;
import fr.carence.loaders.core.LoadReport;
import fr.carence.loaders.core.Placement;
import fr.carence.loaders.core.StagedLayers;
import fr.carence.loaders.flux.HeaderLines;
import fr.carence.store.Feature;
import fr.carence.store.LayerInfo;
import fr.carence.store.LayerSchema;
import fr.carence.store.LayerSchema.Attribute;
import fr.carence.store.LayerSchema.AttributeType;
import fr.carence.store.LayerWriter;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Loader "lieux": existing telework venues (CSV with lon/lat columns, or GeoJSON points) into
 * {@code lieux_existants}. The format is recognised from the content (a GeoJSON file starts with
 * '{'). See {@link VenueCsvReader} for the column options.
 */
public final class LieuxLoader implements DatasetLoader {

    public static final String LAYER = "lieux_existants";

    static final LayerSchema SCHEMA = new LayerSchema(LAYER, List.of(
            Attribute.required("id", AttributeType.STRING),
            Attribute.required("nom", AttributeType.STRING),
            Attribute.required("type", AttributeType.STRING),
            Attribute.optional("adresse", AttributeType.STRING),
            Attribute.optional("code_commune", AttributeType.STRING),
            Attribute.optional("capacite", AttributeType.INTEGER),
            Attribute.optional("precision", AttributeType.STRING),
            Attribute.required("source", AttributeType.STRING)),
            LayerSchema.GeometryType.POINT, "id");

    @Override
    public String key() {
        return "lieux";
    }

    @Override
    public String description() {
        return "Lieux existants (tiers-lieux, coworkings, télécentres) : CSV lon/lat ou GeoJSON";
    }

    @Override
    public List<String> layers() {
        return List.of(LAYER, VenueCoverage.LAYER);
    }

    @Override
    public Set<InputKind> inputKinds() {
        return EnumSet.of(InputKind.CSV, InputKind.JSON);
    }

    @Override
    public List<String> dependsOn() {
        return List.of("admin");
    }

    @Override
    public LoadReport load(List<Path> files, LoadContext ctx) {
        if (files.size() != 1) {
            throw LoadException.prerequisite("le jeu « lieux » attend un seul fichier (CSV ou GeoJSON), reçu " + files.size());
        }
        Path file = files.get(0);
        String name = InputFile.displayName(file);
        LoadReport report = new LoadReport(key());
        CommuneCodes codes = ctx.communeCodes();
        Map<String, String> locationOfId = new HashMap<>();
        LayerInfo.Source source = ctx.source(key(), name, null);
        try (StagedLayers staged = new StagedLayers(ctx.store(), source)) {
            LayerWriter writer = staged.writer(SCHEMA);
            java.util.Set<String> communes = new java.util.TreeSet<>();
            java.util.function.Consumer<VenueRecord> sink = v -> {
                Feature f = feature(v, name, codes, report, locationOfId);
                if (f.get("code_commune") != null) {
                    communes.add((String) f.get("code_commune"));
                }
                writer.write(f);
            };
            String firstLine = HeaderLines.read(file, 1).line(1);
            long n = firstLine != null && firstLine.stripLeading().startsWith("{")
                    ? new VenueGeoJsonReader().read(file, ctx.progress(), sink)
                    : new VenueCsvReader(ctx.options()).read(file, ctx.progress(), sink);
            if (n == 0) {
                throw LoadException.inFile(name, "aucun lieu dans le fichier");
            }
            report.addRowsRead(n);
            LayerWriter coverage = staged.writer(VenueCoverage.SCHEMA);
            VenueCoverage.of(ctx.options(), communes, ctx.store(), name, report).forEach(coverage::write);
            staged.commitAll(report);
        }
        return report;
    }

    static Feature feature(VenueRecord v, String sourceName, CommuneCodes codes, LoadReport report,
                           Map<String, String> locationOfId) {
        Placement.Place place = Placement.atCoordinates(v.lon(), v.lat(), v.srid(), v.error()::apply);
        String type = v.type() == null ? VenueType.infer(v.nom())
                : VenueType.parse(v.type()).orElseThrow(() -> v.error().apply("type",
                "type « " + v.type() + " » inconnu (attendu l'un de " + VenueType.TYPES + ")"));
        String commune = null;
        if (v.commune() != null) {
            Optional<String> current = codes.normalise(v.commune());
            if (current.isPresent()) {
                commune = current.get();
            } else {
                report.unknownCode(v.commune());
            }
        }
        String id = VenueId.of(v.nom(), commune, place.lon(), place.lat());
        String first = locationOfId.putIfAbsent(id, v.location());
        if (first != null) {
            throw v.error().apply("nom", "lieu « " + v.nom() + " » en double (même nom, commune et coordonnées qu'en " + first + ")");
        }
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("id", id);
        p.put("nom", v.nom());
        p.put("type", type);
        p.put("adresse", v.adresse());
        p.put("code_commune", commune);
        p.put("capacite", v.capacite());
        p.put("precision", v.precision());
        p.put("source", sourceName);
        return new Feature(id, place.point(), p);
    }
}
