package fr.carence.api.dossier;

import fr.carence.analysis.param.ParameterSpec;
import fr.carence.analysis.scenario.ScenarioConflictException;
import fr.carence.analysis.scenario.ScenarioNotFoundException;
import fr.carence.analysis.scenario.ScenarioRecord;
import fr.carence.analysis.scenario.ScenarioService;
import fr.carence.analysis.store.InputSources;
import fr.carence.analysis.store.InputVersion;
import fr.carence.analysis.store.ResultLayers;
import fr.carence.ogc.catalog.Catalog;
import fr.carence.store.Feature;
import fr.carence.store.FeatureCursor;
import fr.carence.store.FeatureQuery;
import fr.carence.store.FeatureStore;
import fr.carence.store.filter.Filter;
import fr.carence.store.filter.Filter.ComparisonOperator;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;

/**
 * Reads a {@link ZoneDossier} from the store: the same layers, partitions and values as the WFS
 * serves. Whether candidate sites may be shown is decided by the caller-filtered catalogue (the
 * same layer rule as WMS and WFS), and every row keeps only the columns the catalogue's column
 * rules let the caller read ({@link Catalog#columnReadable}, e.g. no {@code site_*} nor
 * {@code demande_couverte} anonymously), so a dossier never shows a caller more than the WFS would.
 */
public final class DossierReader {

    /** Layer name of the candidate sites in the catalogue (its read rule decides who sees them). */
    static final String SITES_LAYER = "sites_candidats";
    /** The AMII intentions (accounts only: its read rule decides who sees them). */
    static final String INTENTIONS_LAYER = fr.carence.analysis.store.AnalysisInputReader.INTENTIONS;
    /** Map width / height of the dossier's map (A4 portrait text width by about 12 cm). */
    static final double MAP_ASPECT = 1.45;
    static final String LIEUX_LAYER = fr.carence.analysis.store.AnalysisInputReader.LIEUX;
    static final int LIEUX_MAX = 8;
    static final double LIEUX_RAYON_M = 30_000;
    static final String UNITE_PAR_DEFAUT = "communes contiguës";

    private final FeatureStore store;
    private final ScenarioService scenarios;
    private final Catalog catalog;
    private final String versionService;

    public DossierReader(FeatureStore store, ScenarioService scenarios, Catalog catalog) {
        this.store = store;
        this.scenarios = scenarios;
        this.catalog = catalog;
        this.versionService = serviceVersion();
    }

    /** The finished scenario, or 404 / 409 in French. */
    ScenarioRecord finishedScenario(String scenarioId) {
        ScenarioRecord s = scenarios.get(scenarioId).orElseThrow(() -> new ScenarioNotFoundException(scenarioId));
        if (!ScenarioRecord.TERMINE.equals(s.statut())) {
            throw new ScenarioConflictException("le scénario « " + scenarioId + " » n'est pas terminé (statut "
                    + s.statut() + ") : ses zones ne sont pas encore publiées");
        }
        return s;
    }

    /** Every zone of a finished scenario, by rank, named. */
    public List<ZoneDossier.ZoneResume> zones(String scenarioId) {
        return zoneTable(scenarioId).stream().map(ZoneDossier.ZoneLigne::resume).toList();
    }

    /** Every zone of a finished scenario, by rank, with its figures and its communes named. */
    public List<ZoneDossier.ZoneLigne> zoneTable(String scenarioId) {
        finishedScenario(scenarioId);
        return zoneRows(scenarioId, null, false).stream().map(r -> ligne(r.zone(), r.communes()))
                .sorted(Comparator.comparingInt(l -> l.resume().rang())).toList();
    }

    private static ZoneDossier.ZoneLigne ligne(Feature z, List<Feature> communes) {
        List<ZoneDossier.CommuneNommee> named = communes.stream()
                .sorted(Comparator.comparing((Feature f) -> f.get("population") instanceof Number n ? -n.doubleValue() : 0.0)
                        .thenComparing(f -> (String) f.get("code")))
                .map(f -> new ZoneDossier.CommuneNommee((String) f.get("code"),
                        Optional.ofNullable(text(f.get("nom"))).orElse((String) f.get("code"))))
                .toList();
        Integer nb = number(z.get("nb_communes")) == null ? null : number(z.get("nb_communes")).intValue();
        Integer flux = number(z.get("nb_flux_modelises")) == null ? null : number(z.get("nb_flux_modelises")).intValue();
        return new ZoneDossier.ZoneLigne(resume(z, communes), nb == null ? named.size() : nb,
                doubleOrNull(z.get("population")), doubleOrNull(z.get("demande")), doubleOrNull(z.get("score")), flux, named);
    }

    private static Number number(Object v) {
        return v instanceof Number n ? n : null;
    }

    private static Double doubleOrNull(Object v) {
        return v instanceof Number n ? n.doubleValue() : null;
    }

    /** A zone and the communes it groups. */
    private record ZoneRows(Feature zone, List<Feature> communes) {
    }

    /**
     * The one place zones are read, for the list and for a dossier alike (so a zone is named the
     * same in both): the scenario's zones ({@code zoneId} null: all of them), each with its communes
     * (the {@code indicateurs_communes} rows whose {@code zone_id} is the zone's), every row with only
     * the columns the caller may read.
     */
    private List<ZoneRows> zoneRows(String scenarioId, String zoneId, boolean geometry) {
        Filter scenario = scenarioFilter(scenarioId);
        List<Feature> zones = read(ResultLayers.ZONES, zoneId == null ? scenario
                : new Filter.And(List.of(scenario, new Filter.Compare("id", ComparisonOperator.EQ, zoneId))), geometry);
        if (zones.isEmpty()) {
            return List.of();
        }
        Filter inZone = zoneId == null ? new Filter.Not(new Filter.IsNull("zone_id"))
                : new Filter.Compare("zone_id", ComparisonOperator.EQ, zoneId);
        Map<String, List<Feature>> communesByZone = read(ResultLayers.INDICATEURS,
                new Filter.And(List.of(scenario, inZone)), geometry).stream()
                .collect(Collectors.groupingBy(f -> (String) f.get("zone_id")));
        return zones.stream().map(z -> new ZoneRows(z, communesByZone.getOrDefault(z.id(), List.of()))).toList();
    }

    /** The dossier of one zone ({@code zone}: its id, with or without the {@code scenario:} prefix). */
    public ZoneDossier read(String scenarioId, String zone) {
        ScenarioRecord scenario = finishedScenario(scenarioId);
        String zoneId = zone.startsWith(scenarioId + ":") ? zone : scenarioId + ":" + zone;
        List<ZoneRows> found = zoneRows(scenarioId, zoneId, true);
        if (found.isEmpty()) {
            throw new ZoneNotFoundException(scenarioId, zone);
        }
        Feature z = found.get(0).zone();
        boolean sitesLisibles = catalog.layer(SITES_LAYER).isPresent();
        List<Feature> communes = found.get(0).communes().stream()
                .sorted(Comparator.comparing((Feature f) -> -((Number) f.get("score_carence")).doubleValue())
                        .thenComparing(f -> (String) f.get("code")))
                .toList();
        Envelope extent = mapExtent(z.geometry());
        List<Feature> sites = sitesLisibles ? servingSites(scenarioId, z, communes) : List.of();
        return new ZoneDossier(scenario, z, resume(z, communes), communes, nearby(LIEUX_LAYER, z.geometry()), sites,
                sitesLisibles, parametres(scenario), sources(scenario), versionMethode(scenario), extent, Instant.now(),
                amii(scenarioId, z));
    }

    /**
     * The zone after the AMII: the scenario's status and the zone's residual row (same id in
     * {@code zones_carence_residuelles}), and the intentions near it when the caller may read them.
     */
    private ZoneDossier.Amii amii(String scenarioId, Feature zone) {
        boolean lisibles = catalog.layer(INTENTIONS_LAYER).isPresent();
        List<ZoneDossier.LieuProche> near = lisibles ? nearby(INTENTIONS_LAYER, zone.geometry()) : List.of();
        List<Feature> rows = store.schema(ResultLayers.ZONES_RESIDUELLES).isPresent()
                ? read(ResultLayers.ZONES_RESIDUELLES, scenarioFilter(scenarioId), true) : List.of();
        if (rows.isEmpty()) {
            return new ZoneDossier.Amii("Statut de l'AMII non enregistré pour ce calcul (scénario calculé par une version "
                    + "antérieure, ou toutes ses zones desservies par les intentions) : relancer le scénario.", null, null,
                    near, lisibles, possibleDuplicates(near));
        }
        String statut = text(rows.get(0).get("statut_amii"));
        Feature reste = rows.stream().filter(r -> zone.id().equals(r.id())).findFirst().orElse(null);
        String bilan;
        if (reste == null) {
            bilan = "Zone entièrement desservie par les intentions appliquées : aucune de ses communes ne reste en carence.";
        } else if (((Number) reste.get("nb_intentions")).intValue() == 0) {
            bilan = "Aucune intention appliquée ne touche la zone : la zone résiduelle est la zone présumée.";
        } else {
            bilan = "Après application des intentions, " + reste.get("nb_communes") + " des " + reste.get("nb_communes_presumees")
                    + " communes restent en carence ; demande desservie par les intentions : "
                    + FrenchText.number(reste.get("demande_servie_intentions"), 0) + " télétravailleurs potentiels sur "
                    + FrenchText.number(reste.get("demande_presumee"), 0) + ".";
        }
        return new ZoneDossier.Amii(statut, reste, bilan, near, lisibles, possibleDuplicates(near));
    }

    /**
     * For each listed intention declared {@code ouvert}, the venues the inventory already lists in its
     * commune: it may be one of them. The same test as the run's warning
     * ({@code ScenarioAnalysis.possibleDuplicates}), which names no intention (its warnings are public).
     */
    private Map<String, List<String>> possibleDuplicates(List<ZoneDossier.LieuProche> intentions) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        Map<String, String> communeOfOpen = new LinkedHashMap<>();
        for (ZoneDossier.LieuProche l : intentions) {
            String code = text(l.lieu().get("code_commune"));
            if (fr.carence.analysis.model.Intention.OUVERT.equals(l.lieu().get("statut")) && code != null) {
                communeOfOpen.put(l.lieu().id(), code);
            }
        }
        if (communeOfOpen.isEmpty() || store.schema(LIEUX_LAYER).isEmpty()) {
            return out;
        }
        // One read for all their communes (a zone lists a handful of intentions), grouped by commune.
        List<Filter> communes = communeOfOpen.values().stream().distinct()
                .<Filter>map(code -> new Filter.Compare("code_commune", ComparisonOperator.EQ, code)).toList();
        Map<String, List<String>> venuesByCommune = read(LIEUX_LAYER,
                communes.size() == 1 ? communes.get(0) : new Filter.Or(communes), false).stream()
                .collect(Collectors.groupingBy(v -> String.valueOf(text(v.get("code_commune"))),
                        Collectors.mapping(v -> Optional.ofNullable(text(v.get("nom"))).orElse(v.id()), Collectors.toList())));
        communeOfOpen.forEach((id, code) -> {
            List<String> venues = venuesByCommune.get(code);
            if (venues != null) {
                out.put(id, venues.stream().sorted().toList());
            }
        });
        return out;
    }

    /** The zone's name, unit and robustness: the method's columns when the layer has them, derived otherwise. */
    static ZoneDossier.ZoneResume resume(Feature zone, List<Feature> communes) {
        String nom = text(zone.get("nom"));
        if (nom == null) {
            nom = derivedName(communes);
        }
        String unite = Optional.ofNullable(text(zone.get("unite"))).orElse(UNITE_PAR_DEFAUT);
        return new ZoneDossier.ZoneResume(zone.id(), nom, ((Number) zone.get("rang")).intValue(), unite,
                text(zone.get("classe_robustesse")));
    }

    /**
     * A place name for a zone without one: its most populous commune, then how many others
     * ("Saint-Affrique et 3 communes voisines"); the rank only when no commune has a name.
     */
    static String derivedName(List<Feature> communes) {
        List<Feature> named = communes.stream().filter(f -> text(f.get("nom")) != null)
                .sorted(Comparator.comparing((Feature f) -> -((Number) f.get("population")).doubleValue())
                        .thenComparing(f -> (String) f.get("code")))
                .toList();
        if (named.isEmpty()) {
            return "Zone sans nom";
        }
        String first = (String) named.get(0).get("nom");
        int others = communes.size() - 1;
        return switch (others) {
            case 0 -> first;
            case 1 -> first + " et " + communes.stream().filter(f -> f != named.get(0)).findFirst()
                    .map(f -> Optional.ofNullable(text(f.get("nom"))).orElse((String) f.get("code"))).orElseThrow();
            default -> first + " et " + others + " communes voisines";
        };
    }

    private List<Feature> servingSites(String scenarioId, Feature zone, List<Feature> communes) {
        Set<String> serving = new HashSet<>();
        communes.forEach(c -> Optional.ofNullable(text(c.get("site_desservant"))).ifPresent(serving::add));
        return read(ResultLayers.SITES, scenarioFilter(scenarioId), true).stream()
                .filter(s -> serving.contains(s.id()) || zone.id().equals(s.get("zone_id")))
                .sorted(Comparator.comparingInt(s -> ((Number) s.get("rang")).intValue()))
                .toList();
    }

    /** Points of a layer (existing venues, AMII intentions) nearest to the zone, within {@link #LIEUX_RAYON_M}. */
    private List<ZoneDossier.LieuProche> nearby(String layer, Geometry zone) {
        Envelope around = new Envelope(zone.getEnvelopeInternal());
        around.expandBy(LIEUX_RAYON_M);
        if (store.schema(layer).isEmpty()) {
            return List.of();
        }
        List<ZoneDossier.LieuProche> out = new ArrayList<>();
        try (FeatureCursor c = store.query(layer, FeatureQuery.all().withBbox(around))) {
            while (c.hasNext()) {
                Feature f = c.next();
                if (f.geometry() != null) {
                    out.add(new ZoneDossier.LieuProche(f, zone.distance(f.geometry()) / 1000.0));
                }
            }
        }
        return out.stream().sorted(Comparator.comparingDouble(ZoneDossier.LieuProche::distanceKm)
                .thenComparing(l -> l.lieu().id())).limit(LIEUX_MAX).toList();
    }

    private List<ZoneDossier.ParametreAffiche> parametres(ScenarioRecord scenario) {
        Map<String, ParameterSpec> specs = scenarios.parameters().stream()
                .collect(Collectors.toMap(ParameterSpec::name, Function.identity()));
        List<ZoneDossier.ParametreAffiche> out = new ArrayList<>();
        scenario.parametres().forEach((name, value) -> {
            ParameterSpec spec = specs.get(name);
            out.add(new ZoneDossier.ParametreAffiche(name, spec == null ? name : spec.description(),
                    FrenchText.value(value), spec == null ? "" : spec.unit()));
        });
        return out;
    }

    /**
     * The input versions the scenario read (its provenance), each named as the provenance names it
     * ({@link InputVersion#libelle()}: one wording for the dossier, the printed map and the web map).
     * The AMII intentions only for callers who may read them. A scenario saved before provenance was
     * recorded cites the current version of every declared input instead.
     */
    private List<ZoneDossier.SourceAffichee> sources(ScenarioRecord scenario) {
        boolean intentions = catalog.layer(INTENTIONS_LAYER).isPresent();
        List<ZoneDossier.SourceAffichee> out = new ArrayList<>();
        if (scenario.provenance() != null) {
            for (InputVersion v : scenario.provenance()) {
                if (intentions || !v.couche().equals(INTENTIONS_LAYER)) {
                    out.add(new ZoneDossier.SourceAffichee(v.couche(), v.libelle(), v.millesime(), v.licence(), v.fichiers(),
                            Instant.parse(v.chargement())));
                }
            }
            return out;
        }
        for (String layer : InputSources.layers()) {
            if (layer.equals(INTENTIONS_LAYER) && !intentions) {
                continue;
            }
            store.info(layer).ifPresent(info -> {
                InputVersion v = InputVersion.of(info);
                out.add(new ZoneDossier.SourceAffichee(layer, v.libelle(), v.millesime(), v.licence(), v.fichiers(),
                        info.committedAt()));
            });
        }
        return out;
    }

    /** The method version the scenario's record holds (runs since issue 11 record one), else the service's. */
    private String versionMethode(ScenarioRecord scenario) {
        String recorded = text(scenario.versionMethode());
        if (recorded != null) {
            return recorded;
        }
        return "Carence " + versionService + " (version du service qui produit ce dossier ; le scénario n'enregistre pas encore la sienne)";
    }

    /** A map extent around the zone: its envelope with a margin, widened to the map's aspect ratio. */
    static Envelope mapExtent(Geometry zone) {
        Envelope e = new Envelope(zone.getEnvelopeInternal());
        double margin = Math.max(3000, 0.15 * Math.max(e.getWidth(), e.getHeight()));
        e.expandBy(margin);
        return DossierMap.withAspect(e, MAP_ASPECT);
    }

    static Filter scenarioFilter(String scenarioId) {
        return new Filter.Compare(ResultLayers.PARTITION, ComparisonOperator.EQ, scenarioId);
    }

    /** The layer's rows, each with only the columns the caller may read (the catalogue's column rules). */
    private List<Feature> read(String layer, Filter filter, boolean geometry) {
        FeatureQuery q = FeatureQuery.all().withFilter(filter);
        if (!geometry) {
            q = q.withoutGeometry();
        }
        List<Feature> out = new ArrayList<>();
        try (FeatureCursor c = store.query(layer, q)) {
            c.forEachRemaining(f -> out.add(readableColumns(layer, f)));
        }
        return out;
    }

    private Feature readableColumns(String layer, Feature f) {
        Map<String, Object> kept = new LinkedHashMap<>();
        f.properties().forEach((k, v) -> {
            if (catalog.columnReadable(layer, k)) {
                kept.put(k, v);
            }
        });
        return kept.size() == f.properties().size() ? f : new Feature(f.id(), f.geometry(), kept);
    }

    private static String text(Object v) {
        return v == null || v.toString().isBlank() ? null : v.toString();
    }

    private static String serviceVersion() {
        Properties p = new Properties();
        try (InputStream in = DossierReader.class.getResourceAsStream("/dossier/version.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p.getProperty("version", "(version inconnue)");
    }
}
