package fr.carence.loaders.admin;

import fr.carence.loaders.core.DatasetLoader;
import fr.carence.loaders.core.InputFile;
import fr.carence.loaders.core.InputKind;
import fr.carence.loaders.core.LoadContext;
import fr.carence.loaders.core.LoadException;
import fr.carence.loaders.core.LoadReport;
import fr.carence.loaders.core.LayerPublisher;
import fr.carence.store.Feature;
import fr.carence.store.LayerInfo;
import fr.carence.store.LayerSchema;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The reference dataset: COG communes (with history), EPCI, départements and régions from
 * @etalab/decoupage-administratif. Every other loader normalises its codes against what this one
 * writes, so it is loaded first. Files are recognised by name: {@code communes*.json[.gz]} or
 * {@code communes*.csv[.gz]} (required), {@code epci*.json[.gz]}, {@code departements*.json[.gz]},
 * {@code regions*.json[.gz]} (optional: a layer whose file is not given is left as it is).
 */
public final class AdminLoader implements DatasetLoader {

    @Override
    public String key() {
        return "admin";
    }

    @Override
    public String description() {
        return "Référentiel COG : communes (et historique des codes), EPCI, départements, régions — @etalab/decoupage-administratif";
    }

    @Override
    public List<String> layers() {
        return List.of(AdminLayers.COMMUNES_INSEE.name(), AdminLayers.HISTORIQUE.name(), AdminLayers.EPCI.name(),
                AdminLayers.DEPARTEMENTS.name(), AdminLayers.REGIONS.name());
    }

    @Override
    public Set<InputKind> inputKinds() {
        return EnumSet.of(InputKind.JSON, InputKind.CSV);
    }

    @Override
    public LoadReport load(List<Path> files, LoadContext ctx) {
        AdminFiles in = AdminFiles.classify(files);
        LoadReport report = new LoadReport(key());

        List<AdminEntry> entries = in.communesCsv()
                ? CommunesCsvReader.read(in.communes(), ctx.progress())
                : CommunesJsonReader.read(in.communes(), ctx.progress());
        report.addRowsRead(entries.size());
        Map<String, AdminEntry> current = currentCommunes(entries);
        List<CommuneHistory.Mapping> history = CommuneHistory.build(entries, current.keySet(), report);

        List<Epci> epcis = in.epci() == null ? List.of() : EpciJsonReader.read(in.epci(), ctx.progress());
        report.addRowsRead(epcis.size());
        Map<String, String> epciOf = epciMembership(epcis, current.keySet(), history);

        List<Territory> deps = in.departements() == null ? List.of() : TerritoriesJsonReader.read(in.departements(), true, ctx.progress());
        List<Territory> regs = in.regions() == null ? List.of() : TerritoriesJsonReader.read(in.regions(), false, ctx.progress());
        report.addRowsRead(deps.size() + regs.size());

        LayerInfo.Source source = ctx.source(key(),
                files.stream().map(InputFile::displayName).collect(Collectors.joining(", ")),
                ctx.option("millesime").orElse(null));
        // Everything is read and checked above: nothing is written when the input is wrong.
        Map<LayerSchema, List<Feature>> layers = new LinkedHashMap<>();
        List<Feature> communes = new ArrayList<>(current.size());
        for (AdminEntry e : current.values()) {
            String epci = epcis.isEmpty() ? e.epci() : epciOf.get(e.code());
            communes.add(feature(e.code(), "code", e.code(), "nom", e.nom(), "type", e.type(), "zone", e.zone(),
                    "dep", e.dep(), "reg", e.reg(), "arrondissement", e.arrondissement(), "epci", epci,
                    "population", e.population(), "chef_lieu", null));
        }
        layers.put(AdminLayers.COMMUNES_INSEE, communes);
        layers.put(AdminLayers.HISTORIQUE, history.stream().map(m -> feature(m.ancienCode(),
                "ancien_code", m.ancienCode(), "code_actuel", m.codeActuel(), "nature", m.nature())).toList());
        if (!epcis.isEmpty()) {
            layers.put(AdminLayers.EPCI, epcis.stream().map(e -> feature(e.code(),
                    "code", e.code(), "nom", e.nom(), "type", e.type(), "population", e.population())).toList());
        }
        if (!deps.isEmpty()) {
            layers.put(AdminLayers.DEPARTEMENTS, deps.stream().map(t -> feature(t.code(),
                    "code", t.code(), "nom", t.nom(), "reg", t.reg())).toList());
        }
        if (!regs.isEmpty()) {
            layers.put(AdminLayers.REGIONS, regs.stream().map(t -> feature(t.code(), "code", t.code(), "nom", t.nom())).toList());
        }
        LayerPublisher.publishAll(ctx.store(), source, layers, report);
        return report;
    }

    /** The commune-actuelle entries by code, in file order; a repeated code is an error. */
    private static Map<String, AdminEntry> currentCommunes(List<AdminEntry> entries) {
        Map<String, AdminEntry> current = new LinkedHashMap<>();
        for (AdminEntry e : entries) {
            if (e.isCurrent() && current.putIfAbsent(e.code(), e) != null) {
                throw e.where().error("code", "code commune « " + e.code() + " » en double (deux communes actuelles)");
            }
        }
        if (current.isEmpty()) {
            throw LoadException.prerequisite("aucune « commune-actuelle » dans la liste des communes");
        }
        return current;
    }

    /** Commune code to EPCI SIREN; member codes are normalised (a former code is accepted). */
    private static Map<String, String> epciMembership(List<Epci> epcis, Set<String> current, List<CommuneHistory.Mapping> history) {
        Map<String, String> old = new HashMap<>();
        history.forEach(m -> old.put(m.ancienCode(), m.codeActuel()));
        Map<String, String> epciOf = new HashMap<>();
        Set<String> seen = new HashSet<>();
        for (Epci e : epcis) {
            if (!seen.add(e.code())) {
                throw e.where().error("code", "EPCI « " + e.code() + " » en double");
            }
            for (String member : e.members()) {
                String code = current.contains(member) ? member : old.get(member);
                if (code == null) {
                    throw e.where().error("membres.code", "commune membre « " + member + " » inconnue de la liste des communes");
                }
                String previous = epciOf.putIfAbsent(code, e.code());
                if (previous != null && !previous.equals(e.code())) {
                    throw e.where().error("membres.code", "la commune " + code + " est déjà membre de l'EPCI " + previous);
                }
            }
        }
        return epciOf;
    }

    private static Feature feature(String id, Object... keyValues) {
        Map<String, Object> props = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            props.put((String) keyValues[i], keyValues[i + 1]);
        }
        return new Feature(id, null, props);
    }

    /** The input files by role, recognised from their names. */
    record AdminFiles(Path communes, boolean communesCsv, Path epci, Path departements, Path regions) {

        static AdminFiles classify(List<Path> files) {
            Path communes = null;
            Path epci = null;
            Path deps = null;
            Path regs = null;
            for (Path p : files) {
                String name = InputFile.displayName(p).toLowerCase(Locale.ROOT).replaceFirst("\\.gz$", "");
                Path previous;
                if (name.startsWith("communes") && (name.endsWith(".json") || name.endsWith(".csv"))) {
                    previous = communes;
                    communes = p;
                } else if (name.startsWith("epci") && name.endsWith(".json")) {
                    previous = epci;
                    epci = p;
                } else if (name.startsWith("departements") && name.endsWith(".json")) {
                    previous = deps;
                    deps = p;
                } else if (name.startsWith("regions") && name.endsWith(".json")) {
                    previous = regs;
                    regs = p;
                } else {
                    throw LoadException.inFile(InputFile.displayName(p), "fichier non reconnu pour le jeu « admin » "
                            + "(attendu : communes*.json|csv, epci*.json, departements*.json, regions*.json, éventuellement .gz)");
                }
                if (previous != null) {
                    throw LoadException.inFile(InputFile.displayName(p), "deux fichiers du même rôle : "
                            + InputFile.displayName(previous) + " et " + InputFile.displayName(p));
                }
            }
            if (communes == null) {
                throw LoadException.prerequisite("le jeu « admin » demande la liste des communes (communes.json[.gz] ou communes*.csv)");
            }
            String cname = InputFile.displayName(communes).toLowerCase(Locale.ROOT).replaceFirst("\\.gz$", "");
            return new AdminFiles(communes, cname.endsWith(".csv"), epci, deps, regs);
        }
    }
}
