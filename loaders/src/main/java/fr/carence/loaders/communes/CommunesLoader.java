package fr.carence.loaders.communes;

import fr.carence.crs.CrsTransforms;
import fr.carence.loaders.core.CommuneCodes;
import fr.carence.loaders.core.DatasetLoader;
import fr.carence.loaders.core.GeometryChecks;
import fr.carence.loaders.core.InputFile;
import fr.carence.loaders.core.InputKind;
import fr.carence.loaders.core.LoadContext;
import fr.carence.loaders.core.LoadException;
import fr.carence.loaders.core.LoadReport;
import fr.carence.loaders.core.StagedLayers;
import fr.carence.loaders.core.VectorFeature;
import fr.carence.loaders.core.VectorFiles;
import fr.carence.store.Feature;
import fr.carence.store.FeatureStore;
import fr.carence.store.LayerInfo;
import fr.carence.store.LayerWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.locationtech.jts.geom.MultiPolygon;

/**
 * Commune polygons from IGN ADMIN EXPRESS (Shapefile, fields INSEE_COM / NOM) or GeoJSON (fields
 * INSEE_COM or code): codes normalised to the current COG, polygons of merged communes dissolved,
 * stored in Lambert-93 with the reference attributes of {@code communes_insee} (admin first).
 * Unknown codes are errors here: a polygon that cannot be placed means the reference and the
 * geometry vintages do not match, and the user must load a newer reference.
 */
public final class CommunesLoader implements DatasetLoader {

    static final String[] CODE_FIELDS = {"INSEE_COM", "code", "CODE_INSEE", "insee"};

    @Override
    public String key() {
        return "communes";
    }

    @Override
    public String description() {
        return "Contours des communes (IGN ADMIN EXPRESS, Shapefile ou GeoJSON), fusionnés au COG courant";
    }

    @Override
    public List<String> layers() {
        return List.of(CommunesLayers.COMMUNES.name());
    }

    @Override
    public Set<InputKind> inputKinds() {
        return EnumSet.of(InputKind.SHAPEFILE, InputKind.JSON);
    }

    @Override
    public List<String> dependsOn() {
        return List.of("admin");
    }

    @Override
    public LoadReport load(List<Path> files, LoadContext ctx) {
        if (files.isEmpty()) {
            throw LoadException.prerequisite("le jeu « communes » demande au moins un fichier (.shp ou .geojson[.gz])");
        }
        CommuneCodes codes = ctx.communeCodes();
        Map<String, CommuneReference> reference = CommuneReference.readAll(ctx.store());
        LoadReport report = new LoadReport(key());
        Map<String, CommunePolygons> byCommune = new TreeMap<>();
        Map<String, String> seen = new HashMap<>();
        for (Path file : files) {
            long n = VectorFiles.forEach(file, ctx.progress(), f -> {
                String source = sourceCode(f, seen);
                String current = codes.normalise(source).orElseThrow(() -> f.error(source, field(f),
                        "code commune « " + source + " » inconnu du référentiel COG chargé (jeu « admin »)"));
                MultiPolygon valid = GeometryChecks.validMultiPolygon(f.geometry(), source, report,
                        (fieldName, reason) -> f.error(source, fieldName, reason));
                byCommune.computeIfAbsent(current, CommunePolygons::new)
                        .add(source, CrsTransforms.transform(valid, f.srid(), FeatureStore.STORAGE_SRID));
            });
            if (n == 0) {
                throw LoadException.inFile(InputFile.displayName(file), "aucune commune dans le fichier");
            }
            report.addRowsRead(n);
        }
        reportMissing(reference, byCommune, report);

        LayerInfo.Source src = ctx.source(key(),
                files.stream().map(InputFile::displayName).collect(Collectors.joining(", ")), ctx.option("millesime").orElse(null));
        try (StagedLayers staged = new StagedLayers(ctx.store(), src)) {
            LayerWriter w = staged.writer(CommunesLayers.COMMUNES);
            for (CommunePolygons c : byCommune.values()) {
                CommuneReference ref = reference.get(c.code());
                MultiPolygon g = c.dissolved();
                Map<String, Object> p = new LinkedHashMap<>();
                p.put("code", c.code());
                p.put("nom", ref.nom());
                p.put("dep", ref.dep());
                p.put("reg", ref.reg());
                p.put("epci", ref.epci());
                p.put("population", ref.population());
                p.put("superficie_km2", CommunePolygons.areaKm2(c.code(), g));
                p.put("codes_source", c.codesSource());
                w.write(new Feature(c.code(), g, p));
            }
            staged.commitAll(report);
        }
        return report;
    }

    /** The feature's commune code, checked for shape and uniqueness across all input files. */
    private static String sourceCode(VectorFeature f, Map<String, String> seen) {
        String raw = f.firstText(CODE_FIELDS);
        if (raw == null) {
            throw f.error(null, String.join(" ou ", CODE_FIELDS), "code commune absent");
        }
        String code = CommuneCodes.canonical(raw);
        if (code == null) {
            throw f.error(raw, field(f), "code commune INSEE invalide « " + raw + " »");
        }
        String where = f.file() + " entité n° " + f.index();
        String first = seen.putIfAbsent(code, where);
        if (first != null) {
            throw f.error(code, field(f), "code commune en double (déjà présent : " + first + ")");
        }
        return code;
    }

    private static String field(VectorFeature f) {
        for (String name : CODE_FIELDS) {
            if (f.text(name) != null) {
                return name;
            }
        }
        return CODE_FIELDS[0];
    }

    /** Current communes with no polygon are listed, not ignored (COM are outside ADMIN EXPRESS). */
    private static void reportMissing(Map<String, CommuneReference> reference, Map<String, CommunePolygons> loaded, LoadReport report) {
        List<String> missing = new ArrayList<>();
        int com = 0;
        for (CommuneReference r : reference.values()) {
            if (!loaded.containsKey(r.code())) {
                if ("com".equals(r.zone())) {
                    com++;
                } else {
                    missing.add(r.code() + " " + r.nom());
                }
            }
        }
        if (!missing.isEmpty()) {
            report.warning(missing.size() + " communes du référentiel sans contour : " + String.join(", ", missing));
        }
        if (com > 0) {
            report.warning(com + " communes des collectivités d'outre-mer (COM) sans contour (hors ADMIN EXPRESS)");
        }
    }
}
