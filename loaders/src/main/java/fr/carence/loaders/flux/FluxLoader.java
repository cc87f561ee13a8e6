package fr.carence.loaders.flux;

import fr.carence.loaders.core.DatasetLoader;
import fr.carence.loaders.core.InputFile;
import fr.carence.loaders.core.InputKind;
import fr.carence.loaders.core.LoadContext;
import fr.carence.loaders.core.LoadException;
import fr.carence.loaders.core.LoadReport;
import fr.carence.loaders.core.StagedLayers;
import fr.carence.store.LayerInfo;
import fr.carence.store.LayerSchema;
import fr.carence.store.LayerSchema.Attribute;
import fr.carence.store.LayerSchema.AttributeType;
import fr.carence.store.LayerWriter;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Loader "flux": INSEE home–work commuting (FD_MOBPRO detail file or aggregated base) into
 * {@code flux_domicile_travail}, and the residents' socio-professional categories (CS1 of a detail
 * file that has it) into {@code actifs_cs1}, which the analysis turns into a per-commune
 * teleworkable share. Both layers are replaced together (empty {@code actifs_cs1} when the file
 * has no CS1), so a reload never leaves categories of an earlier file. Options: {@code trans} (TRANS nomenclature name or
 * .properties path, default rp2017), {@code annee} (census year when the file name lacks it).
 */
public final class FluxLoader implements DatasetLoader {

    public static final String LAYER = "flux_domicile_travail";
    public static final String LAYER_CS1 = "actifs_cs1";

    static final LayerSchema SCHEMA = new LayerSchema(LAYER, List.of(
            Attribute.required("id", AttributeType.STRING),
            Attribute.required("code_residence", AttributeType.STRING),
            Attribute.required("code_travail", AttributeType.STRING),
            Attribute.required("mode", AttributeType.STRING),
            Attribute.required("flux", AttributeType.DOUBLE),
            Attribute.required("source", AttributeType.STRING)),
            LayerSchema.GeometryType.NONE, "id");

    static final LayerSchema SCHEMA_CS1 = new LayerSchema(LAYER_CS1, List.of(
            Attribute.required("id", AttributeType.STRING),
            Attribute.required("code_residence", AttributeType.STRING),
            Attribute.required("cs1", AttributeType.INTEGER),
            Attribute.required("actifs", AttributeType.DOUBLE),
            Attribute.required("source", AttributeType.STRING)),
            LayerSchema.GeometryType.NONE, "id");

    @Override
    public String key() {
        return "flux";
    }

    @Override
    public String description() {
        return "Flux domicile-travail INSEE (fichier détail FD_MOBPRO ou base flux de mobilité)";
    }

    @Override
    public List<String> layers() {
        return List.of(LAYER, LAYER_CS1);
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
        if (files.size() != 1) {
            throw LoadException.prerequisite("le jeu « flux » attend un seul fichier (FD_MOBPRO ou base flux de mobilité), reçu "
                    + files.size());
        }
        Path file = files.get(0);
        LoadReport report = new LoadReport(key());
        FluxFileReader.Result result = new FluxFileReader(ctx.communeCodes(), report, ctx.progress())
                .read(file, ctx.option("trans").orElse(null), ctx.option("annee").orElse(null));
        LayerInfo.Source source = ctx.source(key(), InputFile.displayName(file), result.vintage());
        try (StagedLayers staged = new StagedLayers(ctx.store(), source)) {
            LayerWriter writer = staged.writer(SCHEMA);
            result.table().forEachFeature(result.source(), writer::write);
            LayerWriter categories = staged.writer(SCHEMA_CS1);
            result.table().forEachCategoryFeature(result.source(), categories::write);
            staged.commitAll(report);
        }
        return report;
    }
}
