package fr.carence.analysis.store;

import fr.carence.analysis.AdminUnits;
import fr.carence.analysis.AnalysisInput;
import fr.carence.analysis.model.Commune;
import fr.carence.analysis.model.Flow;
import fr.carence.analysis.model.Intention;
import fr.carence.analysis.model.Place;
import fr.carence.analysis.model.Venue;
import fr.carence.crs.CrsTransforms;
import fr.carence.crs.LegalCrs;
import fr.carence.store.Feature;
import fr.carence.store.FeatureCursor;
import fr.carence.store.FeatureQuery;
import fr.carence.store.FeatureStore;
import fr.carence.store.LayerNotFoundException;
import fr.carence.store.LayerSchema;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.operation.union.UnaryUnionOp;

/**
 * Reads the loaded layers (docs/layers.md) into an {@link AnalysisInput}. Only {@code communes} is
 * required; a missing optional layer becomes a warning and neutral values (no flag, unknown THD,
 * modelled flows, no venue).
 */
public final class AnalysisInputReader {

    public static final String COMMUNES = "communes";
    public static final String FLUX = "flux_domicile_travail";
    /** Residents' socio-professional categories from FD_MOBPRO (the {@code flux} loader writes both). */
    public static final String ACTIFS_CS1 = "actifs_cs1";
    public static final String THD = "couverture_thd";
    public static final String DENSITE = "grille_densite";
    public static final String MONTAGNE = "zone_montagne";
    public static final String ZRR = "zrr";
    public static final String QPV = "qpv_communes";
    public static final String LIEUX = "lieux_existants";
    public static final String LIEUX_COUVERTURE = "lieux_couverture";
    public static final String FRR = "frr";
    public static final String QPV_PERIMETRES = "qpv_perimetres";
    public static final String EPCI = "epci";
    public static final String DEPARTEMENTS = "departements_insee";
    /** Investment intentions of an AMII (loader "intentions"); optional, absent = no AMII. */
    public static final String INTENTIONS = "intentions_amii";

    /** Times a layer replaced between its provenance lookup and its read is looked up again. */
    private static final int READ_ATTEMPTS = 3;

    private final FeatureStore store;
    /** Layer → version to read (a recomputation on a scenario's exact inputs), or null: current versions. */
    private final Map<String, InputVersion> pinned;
    private final Map<String, InputVersion> provenance = new java.util.LinkedHashMap<>();

    public AnalysisInputReader(FeatureStore store) {
        this.store = store;
        this.pinned = null;
    }

    /**
     * Reads exactly the versions a scenario recorded; a layer it did not read counts as absent.
     *
     * @throws MissingLayerException later, from {@link #read}, when a version is no longer kept
     */
    public AnalysisInputReader(FeatureStore store, List<InputVersion> versions) {
        this.store = store;
        this.pinned = new HashMap<>();
        versions.forEach(v -> pinned.put(v.couche(), v));
    }

    /** The version of each layer {@link #read} read, in reading order. */
    public List<InputVersion> provenance() {
        return List.copyOf(provenance.values());
    }

    public AnalysisInput read() {
        List<String> warnings = new ArrayList<>();
        if (schema(COMMUNES).isEmpty()) {
            throw new MissingLayerException(COMMUNES, "la couche 'communes' n'est pas chargée : lancer d'abord les chargeurs "
                    + "admin et communes");
        }
        List<Commune> communes = new ArrayList<>();
        // dep, reg and epci are optional attributes: without them, study areas are limited to france
        // and zones by EPCI or département fall back to one zone per commune
        Map<String, String[]> territoryOf = new HashMap<>();
        LayerSchema communesSchema = schema(COMMUNES).orElseThrow();
        List<String> territoryColumns = List.of("dep", "reg", "epci").stream()
                .filter(a -> communesSchema.attribute(a).isPresent()).toList();
        List<String> communeColumns = new ArrayList<>(List.of("code", "nom", "population"));
        communeColumns.addAll(territoryColumns);
        each(COMMUNES, communeColumns, true, f -> {
            communes.add(commune(f));
            territoryOf.put(str(f, "code"), new String[] {str(f, "reg"), str(f, "dep"), str(f, "epci")});
        });
        if (territoryColumns.size() < 3) {
            warnings.add("couche 'communes' sans dep/reg/epci : périmètres d'étude limités à france");
        }
        communes.sort((a, b) -> a.code().compareTo(b.code()));
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < communes.size(); i++) {
            index.put(communes.get(i).code(), i);
        }
        int n = communes.size();
        String[] region = new String[n];
        String[] departement = new String[n];
        String[] epci = new String[n];
        for (int i = 0; i < n; i++) {
            String[] t = territoryOf.get(communes.get(i).code());
            region[i] = blankToNull(t[0]);
            departement[i] = blankToNull(t[1]);
            epci[i] = blankToNull(t[2]);
        }
        // the same arrays: study areas and zoning units read one attachment
        AdminUnits units = new AdminUnits(epci, departement, names(EPCI), names(DEPARTEMENTS));

        double[] ftth = new double[n];
        Arrays.fill(ftth, Double.NaN);
        if (optional(THD, warnings)) {
            each(THD, List.of("code", "taux_ftth"), false, f -> {
                Integer i = index.get(str(f, "code"));
                Number v = (Number) f.get("taux_ftth");
                if (i != null && v != null) {
                    ftth[i] = v.doubleValue();
                }
            });
        }
        int[] density = new int[n];
        if (optional(DENSITE, warnings)) {
            each(DENSITE, List.of("code", "niveau"), false, f -> {
                Integer i = index.get(str(f, "code"));
                Number v = (Number) f.get("niveau");
                if (i != null && v != null) {
                    density[i] = v.intValue();
                }
            });
        }
        String[] massif = new String[n];
        if (optional(MONTAGNE, warnings)) {
            each(MONTAGNE, List.of("code", "massif"), false, f -> {
                Integer i = index.get(str(f, "code"));
                if (i != null) {
                    String m = str(f, "massif");
                    massif[i] = m == null || m.isBlank() ? "montagne" : m;
                }
            });
        }
        boolean[] zrr = codeSet(ZRR, index, null);
        boolean[] qpv = codeSet(QPV, index, warnings);
        String[] frr = new String[n];
        if (optional(FRR, warnings)) {
            each(FRR, List.of("code", "classement"), false, f -> {
                Integer i = index.get(str(f, "code"));
                if (i != null) {
                    frr[i] = str(f, "classement");
                }
            });
        }
        Geometry[] qpvPerimeter = new Geometry[n];
        Place[] qpvPlace = new Place[n];
        String[] qpvCode = new String[n];
        String[] qpvName = new String[n];
        if (schema(QPV_PERIMETRES).isPresent()) {
            Map<Integer, List<Geometry>> parts = new HashMap<>();
            // code → name per commune, sorted by code: a quartier zone's code and name come from them
            Map<Integer, java.util.TreeMap<String, String>> quartiers = new HashMap<>();
            boolean named = schema(QPV_PERIMETRES).orElseThrow().attribute("nom_qp").isPresent();
            each(QPV_PERIMETRES, named ? List.of("code_qp", "nom_qp", "code_commune") : List.of("code_qp", "code_commune"),
                    true, f -> {
                Integer i = index.get(str(f, "code_commune"));
                if (i != null && f.geometry() != null) {
                    parts.computeIfAbsent(i, k -> new ArrayList<>()).add(f.geometry());
                    String code = str(f, "code_qp");
                    String nom = named ? blankToNull(str(f, "nom_qp")) : null;
                    quartiers.computeIfAbsent(i, k -> new java.util.TreeMap<>()).put(code, nom == null ? code : nom);
                }
            });
            quartiers.forEach((i, q) -> {
                qpvCode[i] = String.join("+", q.keySet());
                qpvName[i] = String.join(" + ", q.values());
            });
            parts.forEach((i, g) -> {
                Geometry union = UnaryUnionOp.union(g);
                union.setSRID(FeatureStore.STORAGE_SRID);
                qpvPerimeter[i] = union;
                qpvPlace[i] = legalPlace(communes.get(i).code(), union.getInteriorPoint());
                qpv[i] = true; // a perimeter is a QPV even where the commune list is not loaded
            });
        } else {
            warnings.add("couche '" + QPV_PERIMETRES + "' absente : les QPV sont seulement signalés (liste communale), "
                    + "jamais retenus seuls");
        }

        List<Venue> venues = new ArrayList<>();
        if (optional(LIEUX, warnings)) {
            each(LIEUX, List.of("id", "code_commune", "capacite"), true, f -> {
                if (f.geometry() == null) {
                    return;
                }
                Point p = f.geometry().getInteriorPoint();
                String code = str(f, "code_commune");
                Number seats = (Number) f.get("capacite");
                venues.add(new Venue(f.id(), legalPlace(code == null ? "" : code, p), seats == null ? Double.NaN
                        : seats.doubleValue(), seats != null));
            });
        }

        List<Flow> flows = new ArrayList<>();
        String flowSource = null;
        if (optional(FLUX, warnings)) {
            Map<Long, double[]> pairs = new HashMap<>();
            TreeSet<String> sources = new TreeSet<>();
            int[] unknown = new int[1];
            each(FLUX, List.of("code_residence", "code_travail", "mode", "flux", "source"), false, f -> {
                Integer o = index.get(str(f, "code_residence"));
                Integer d = index.get(str(f, "code_travail"));
                if (o == null || d == null) {
                    unknown[0]++;
                    return;
                }
                double[] v = pairs.computeIfAbsent((long) o * n + d, k -> new double[] {0, Double.NaN});
                double count = ((Number) f.get("flux")).doubleValue();
                String mode = str(f, "mode");
                if ("tous".equals(mode)) {
                    v[0] += count;
                } else if ("voiture".equals(mode)) {
                    v[1] = (Double.isNaN(v[1]) ? 0 : v[1]) + count;
                }
                String s = str(f, "source");
                if (s != null) {
                    sources.add(s);
                }
            });
            pairs.forEach((k, v) -> flows.add(new Flow((int) (k / n), (int) (k % n), v[0], v[1], false)));
            flows.sort((a, b) -> a.origin() != b.origin() ? Integer.compare(a.origin(), b.origin())
                    : Integer.compare(a.destination(), b.destination()));
            flowSource = sources.isEmpty() ? FLUX : String.join(", ", sources);
            if (unknown[0] > 0) {
                warnings.add(unknown[0] + " lignes de flux avec une commune absente de la couche communes ignorées");
            }
        }
        // Weighted commuters by CS1 per residence commune; absent (a base file, or no CS1 column): no row
        double[][] cs1 = new double[n][];
        if (schema(ACTIFS_CS1).isPresent()) {
            each(ACTIFS_CS1, List.of("code_residence", "cs1", "actifs"), false, f -> {
                Integer i = index.get(str(f, "code_residence"));
                Number k = (Number) f.get("cs1");
                Number v = (Number) f.get("actifs");
                if (i != null && k != null && v != null && k.intValue() >= 1 && k.intValue() <= 6) {
                    if (cs1[i] == null) {
                        cs1[i] = new double[6];
                    }
                    cs1[i][k.intValue() - 1] += v.doubleValue();
                }
            });
        }
        boolean[] inventory = inventory(venues, index, region, departement, warnings);
        return new AnalysisInput(communes, flows, flowSource, ftth, density, zrr, massif, qpv, venues, warnings,
                new AnalysisInput.Territory(region, departement, epci, frr, qpvPerimeter, qpvPlace, qpvCode, qpvName, inventory,
                        cs1), units, amii());
    }

    /** The AMII intentions when the layer is loaded (no warning otherwise: most studies have no AMII yet). */
    private AnalysisInput.Amii amii() {
        if (schema(INTENTIONS).isEmpty()) {
            return AnalysisInput.Amii.NONE;
        }
        List<Intention> intentions = new ArrayList<>();
        each(INTENTIONS, List.of("id", "porteur", "places", "statut", "code_commune"), true, f -> {
            if (f.geometry() == null) {
                return;
            }
            String code = str(f, "code_commune");
            Number places = (Number) f.get("places");
            intentions.add(new Intention(str(f, "id"), str(f, "porteur"), places == null ? 0 : places.doubleValue(),
                    str(f, "statut"), legalPlace(code == null ? "" : code, f.geometry().getInteriorPoint())));
        });
        intentions.sort(java.util.Comparator.comparing(Intention::id));
        InputVersion v = provenance.get(INTENTIONS);
        return new AnalysisInput.Amii(intentions, v.fichiers(), v.chargement());
    }

    /**
     * Communes inside a territory covered by the loaded venue inventory ({@code lieux_couverture},
     * written by the loader); for a venue layer loaded before coverage was recorded, the régions
     * of its venues, with a warning.
     */
    private boolean[] inventory(List<Venue> venues, Map<String, Integer> index, String[] region, String[] departement,
                                List<String> warnings) {
        boolean[] covered = new boolean[region.length];
        java.util.Set<String> keys = new java.util.HashSet<>();
        if (schema(LIEUX_COUVERTURE).isPresent()) {
            each(LIEUX_COUVERTURE, List.of("niveau", "code"), false, f -> keys.add(str(f, "niveau") + ":" + str(f, "code")));
        } else if (!venues.isEmpty()) {
            for (Venue v : venues) {
                Integer i = index.get(v.place().code());
                if (i != null && region[i] != null) {
                    keys.add("region:" + region[i]);
                }
            }
            warnings.add("couverture de l'inventaire des lieux non enregistrée (chargement antérieur) : déduite des régions "
                    + "des lieux");
        }
        for (int i = 0; i < covered.length; i++) {
            covered[i] = keys.contains("france:FR") || keys.contains("region:" + region[i])
                    || keys.contains("departement:" + departement[i]);
        }
        return covered;
    }

    /** code → nom of a reference layer (EPCI, départements), empty when it is not loaded. */
    private Map<String, String> names(String layer) {
        Map<String, String> out = new HashMap<>();
        if (schema(layer).isPresent()) {
            each(layer, List.of("code", "nom"), false, f -> out.put(str(f, "code"), str(f, "nom")));
        }
        return out;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private Commune commune(Feature f) {
        String code = str(f, "code");
        Geometry g = f.geometry();
        if (g == null || g.isEmpty()) {
            throw new MissingLayerException(COMMUNES, "commune " + code + " sans géométrie dans la couche communes");
        }
        Point interior = g.getInteriorPoint();
        Number pop = (Number) f.get("population");
        return new Commune(code, str(f, "nom"), pop == null ? 0 : pop.doubleValue(), legalPlace(code, interior), interior, g);
    }

    /** The point in the legal CRS of the commune's territory (Lambert-93 is not metric overseas). */
    static Place legalPlace(String code, Point storagePoint) {
        int epsg = LegalCrs.forCode(code).epsg();
        double[] xy = CrsTransforms.transform(storagePoint.getX(), storagePoint.getY(), FeatureStore.STORAGE_SRID, epsg);
        return new Place(code, xy[0], xy[1], epsg);
    }

    /** Codes listed in a layer; {@code warnings} null: a historical layer whose absence is not worth a warning. */
    private boolean[] codeSet(String layer, Map<String, Integer> index, List<String> warnings) {
        boolean[] set = new boolean[index.size()];
        if (warnings == null ? schema(layer).isPresent() : optional(layer, warnings)) {
            each(layer, List.of("code"), false, f -> {
                Integer i = index.get(str(f, "code"));
                if (i != null) {
                    set[i] = true;
                }
            });
        }
        return set;
    }

    private boolean optional(String layer, List<String> warnings) {
        if (schema(layer).isPresent()) {
            return true;
        }
        warnings.add("couche '" + layer + "' absente : valeurs neutres utilisées");
        return false;
    }

    private Optional<LayerSchema> schema(String layer) {
        if (pinned == null) {
            return store.schema(layer);
        }
        InputVersion v = pinned.get(layer);
        if (v == null) {
            return Optional.empty();
        }
        Optional<LayerSchema> schema = store.schemaAt(layer, Instant.parse(v.chargement()));
        if (schema.isEmpty()) {
            throw new MissingLayerException(layer, "la version du " + v.chargement() + " de la couche '" + layer
                    + "' (" + v.fichiers() + ") n'est plus conservée : ce scénario ne peut plus être recalculé à l'identique");
        }
        return schema;
    }

    /**
     * Reads one version of the layer and records it in the provenance: the pinned one, or the
     * current one looked up just before (read by its publication time, so a replacement meanwhile
     * cannot mix versions: a new lookup then reads the new one).
     */
    private void each(String layer, List<String> properties, boolean geometry, Consumer<Feature> action) {
        LayerSchema schema = schema(layer).orElseThrow();
        for (String p : properties) {
            if (schema.attribute(p).isEmpty()) {
                throw new MissingLayerException(layer, "la couche '" + layer + "' n'a pas l'attribut '" + p
                        + "' attendu (voir docs/layers.md)");
            }
        }
        FeatureQuery q = FeatureQuery.all().withProperties(properties);
        if (!geometry) {
            q = q.withoutGeometry();
        }
        for (int attempt = 1; ; attempt++) {
            InputVersion version = pinned != null ? pinned.get(layer)
                    : store.info(layer).map(InputVersion::of).orElseThrow(() -> new MissingLayerException(layer,
                            "la couche '" + layer + "' a été supprimée pendant la lecture"));
            FeatureCursor cursor;
            try {
                cursor = store.queryAt(layer, Instant.parse(version.chargement()), q);
            } catch (LayerNotFoundException e) {  // only raised before the first row: nothing applied yet
                if (pinned != null || attempt == READ_ATTEMPTS) {
                    throw new MissingLayerException(layer, "la couche '" + layer + "' a changé pendant la lecture ("
                            + attempt + " essais) : relancer le scénario");
                }
                continue;
            }
            try (FeatureCursor c = cursor) {
                while (c.hasNext()) {
                    action.accept(c.next());
                }
            }
            provenance.put(layer, version);
            return;
        }
    }

    private static String str(Feature f, String name) {
        Object v = f.get(name);
        return v == null ? null : v.toString();
    }
}
