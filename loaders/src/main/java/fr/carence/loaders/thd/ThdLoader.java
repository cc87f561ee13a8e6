package fr.carence.loaders.thd;

import fr.carence.loaders.core.CommuneCodes;
import fr.carence.loaders.core.DatasetLoader;
import fr.carence.loaders.core.InputFile;
import fr.carence.loaders.core.InputKind;
import fr.carence.loaders.core.LoadContext;
import fr.carence.loaders.core.LoadException;
import fr.carence.loaders.core.LoadReport;
import fr.carence.loaders.core.StagedLayers;
import fr.carence.loaders.thd.ArcepLayout.FileSection;
import fr.carence.loaders.thd.ArcepLayout.Measure;
import fr.carence.store.Feature;
import fr.carence.store.LayerInfo;
import fr.carence.store.LayerSchema;
import fr.carence.store.LayerSchema.Attribute;
import fr.carence.store.LayerSchema.AttributeType;
import fr.carence.store.LayerWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Loader "thd": ARCEP per-commune FttH files into {@code couverture_thd}. The column mapping is
 * an {@link ArcepLayout} chosen with the option {@code vintage} (built-in name or .properties
 * path) or recognised from the headers. Codes of the vintage's COG are normalised to the
 * current COG; merged communes are summed and their class recomputed.
 */
public final class ThdLoader implements DatasetLoader {

    public static final String LAYER = "couverture_thd";

    static final LayerSchema SCHEMA = new LayerSchema(LAYER, List.of(
            Attribute.required("code", AttributeType.STRING),
            Attribute.required("locaux", AttributeType.DOUBLE),
            Attribute.required("locaux_raccordables", AttributeType.DOUBLE),
            Attribute.required("taux_ftth", AttributeType.DOUBLE),
            Attribute.required("categorie", AttributeType.INTEGER),
            Attribute.required("millesime", AttributeType.STRING)),
            LayerSchema.GeometryType.NONE, "code");

    @Override
    public String key() {
        return "thd";
    }

    @Override
    public String description() {
        return "Déploiement FttH ARCEP par commune (correspondance des colonnes par millésime)";
    }

    @Override
    public List<String> layers() {
        return List.of(LAYER);
    }

    @Override
    public Set<InputKind> inputKinds() {
        return EnumSet.of(InputKind.CSV);
    }

    @Override
    public List<String> dependsOn() {
        return List.of("admin");
    }

    @Override
    public LoadReport load(List<Path> files, LoadContext ctx) {
        LoadReport report = new LoadReport(key());
        LayoutMatcher.Match match = LayoutMatcher.match(files, ctx.option("vintage"));
        ArcepLayout layout = match.layout();
        ArcepFileReader reader = new ArcepFileReader(ctx.progress(), report);
        Map<String, EnumMap<Measure, Double>> byCode = new LinkedHashMap<>();
        List<String> incomplete = new ArrayList<>();
        for (Map.Entry<FileSection, Path> e : match.files().entrySet()) {
            reader.read(e.getValue(), e.getKey())
                    .forEach((code, m) -> byCode.computeIfAbsent(code, k -> new EnumMap<>(Measure.class)).putAll(m));
        }
        Map<String, Coverage> merged = merge(byCode, ctx.communeCodes(), report, incomplete);
        if (!incomplete.isEmpty()) {
            report.warning(incomplete.size() + " communes absentes de l'un des fichiers, écartées : "
                    + String.join(", ", incomplete.subList(0, Math.min(20, incomplete.size())))
                    + (incomplete.size() > 20 ? ", …" : ""));
        }
        if (merged.isEmpty()) {
            throw LoadException.inFile(InputFile.displayName(files.get(0)), "aucune commune lue");
        }
        String fileNames = String.join(", ", match.files().values().stream().map(InputFile::displayName).toList());
        LayerInfo.Source source = ctx.source(key(), fileNames, "ARCEP " + layout.millesime());
        try (StagedLayers staged = new StagedLayers(ctx.store(), source)) {
            LayerWriter writer = staged.writer(SCHEMA);
            for (Coverage c : merged.values()) {
                writer.write(c.feature(layout.millesime()));
            }
            staged.commitAll(report);
        }
        return report;
    }

    /** Groups the published communes by current code; sums, recomputes rate and class. */
    static Map<String, Coverage> merge(Map<String, EnumMap<Measure, Double>> byCode, CommuneCodes codes,
                                       LoadReport report, List<String> incomplete) {
        Map<String, Coverage> out = new TreeMap<>();
        for (Map.Entry<String, EnumMap<Measure, Double>> e : byCode.entrySet()) {
            EnumMap<Measure, Double> m = e.getValue();
            if (!m.containsKey(Measure.LOCAUX) || !m.containsKey(Measure.RACCORDABLES)) {
                incomplete.add(e.getKey());
                continue;
            }
            Optional<String> current = codes.normalise(e.getKey());
            if (current.isEmpty()) {
                report.unknownCode(e.getKey());
                continue;
            }
            out.computeIfAbsent(current.get(), Coverage::new).add(m);
        }
        return out;
    }

    /** One current commune: the sum of the published communes it absorbed. */
    static final class Coverage {
        final String code;
        double locaux;
        double raccordables;
        Integer publishedClass;
        int sources;

        Coverage(String code) {
            this.code = code;
        }

        void add(EnumMap<Measure, Double> m) {
            locaux += m.get(Measure.LOCAUX);
            raccordables += m.get(Measure.RACCORDABLES);
            Double c = m.get(Measure.CATEGORIE);
            publishedClass = c == null ? null : (int) Math.round(c);
            sources++;
        }

        double taux() {
            return CoverageClass.taux(locaux, raccordables);
        }

        /** The published class for an unchanged commune; recomputed for merged ones or when not published. */
        int categorie() {
            return sources == 1 && publishedClass != null ? publishedClass : CoverageClass.of(raccordables, taux());
        }

        Feature feature(String millesime) {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("code", code);
            p.put("locaux", locaux);
            p.put("locaux_raccordables", raccordables);
            p.put("taux_ftth", taux());
            p.put("categorie", categorie());
            p.put("millesime", millesime);
            return new Feature(code, null, p);
        }
    }
}
