package fr.carence.analysis;

import static fr.carence.analysis.param.ParameterCatalog.*;

import fr.carence.analysis.model.Commune;
import fr.carence.analysis.model.Flow;
import fr.carence.analysis.model.Intention;
import fr.carence.analysis.model.Place;
import fr.carence.analysis.model.Venue;
import fr.carence.analysis.param.InvalidParameterException;
import fr.carence.analysis.param.Perimetre;
import fr.carence.analysis.param.ScenarioParameters;
import fr.carence.analysis.step.BroadbandGate;
import fr.carence.analysis.step.CandidateSites;
import fr.carence.analysis.step.CarenceClassifier;
import fr.carence.analysis.step.CarenceZoneBuilder;
import fr.carence.analysis.step.RobustnessAnalysis;
import fr.carence.analysis.step.CoveringSolution;
import fr.carence.analysis.step.DemandEstimator;
import fr.carence.analysis.step.DistanceDecay;
import fr.carence.analysis.step.FragilityClassifier;
import fr.carence.analysis.step.ImpactSimulator;
import fr.carence.analysis.step.MaximalCoveringSolver;
import fr.carence.analysis.step.RadiationModel;
import fr.carence.analysis.step.ResidualCarence;
import fr.carence.analysis.step.TeleworkShare;
import fr.carence.analysis.step.TravelTimes;
import fr.carence.analysis.step.TwoStepFloatingCatchment;
import fr.carence.crs.LegalCrs;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.operation.overlayng.OverlayNG;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;

/**
 * Runs steps 1–8 on in-memory inputs. Knows nothing of the store or of HTTP: the store side is
 * {@link fr.carence.analysis.store.ScenarioRunner}.
 */
public final class ScenarioAnalysis {

    private ScenarioAnalysis() {
    }

    /**
     * @param times travel times (detour estimate, or a user matrix over it)
     */
    public static AnalysisResult run(AnalysisInput in, ScenarioParameters p, TravelTimes times, ProgressListener progress) {
        Map<String, Long> timings = new LinkedHashMap<>();
        List<Commune> communes = in.communes();
        int n = communes.size();
        List<Place> places = communes.stream().map(Commune::place).toList();

        // Step 2 first: decide, per origin, observed or modelled flows.
        progress.progress(0.05, "flux");
        long t = System.nanoTime();
        boolean[] modelled = new boolean[n];
        List<Flow> flows = chooseFlows(in, p, modelled);
        timings.put("2-flux", ms(t));

        progress.progress(0.25, "demande");
        t = System.nanoTime();
        AnalysisInput.Territory territory = in.territory();
        // The CS1 detail counts only where the commune's own flows are used: a local extract (CC Millau)
        // holds a few commuters of the neighbouring communes, too few to describe their residents.
        double[][] cs1 = new double[n][];
        for (int i = 0; i < n; i++) {
            cs1[i] = modelled[i] ? null : territory.cs1Commuters()[i];
        }
        TeleworkShare.Result telework = TeleworkShare.perCommune(territory.region(), cs1,
                PART_UNIFORME.equals(p.text(SOURCE_PART_TELETRAVAILLABLE)), p.number(PART_TELETRAVAILLABLE));
        DemandEstimator.Result demand = DemandEstimator.estimate(communes, flows, new DemandEstimator.Settings(
                p.number(DISTANCE_MIN_KM), p.number(DISTANCE_MAX_KM), p.number(PART_TELETRAVAILLABLE),
                p.flag(VOITURE_SEULEMENT), telework.share()));
        timings.put("1-demande", ms(t));

        progress.progress(0.35, "accessibilite");
        t = System.nanoTime();
        double catchment = p.number(BASSIN_MINUTES);
        DistanceDecay decay = new DistanceDecay(catchment, p.number(POIDS_ZONE_1), p.number(POIDS_ZONE_2),
                p.number(POIDS_ZONE_3));
        List<Venue> venues = Venue.withDefaultSeats(in.venues(), p.number(CAPACITE_DEFAUT));
        // QPV quartiers are extra points without demand of their own: they do not change the venues'
        // ratios, they only read the accessibility where the quartier lies.
        int[] quartierPoints = IntStream.range(0, n).filter(i -> territory.qpvPlace()[i] != null).toArray();
        List<Place> accessPoints = new ArrayList<>(places);
        Arrays.stream(quartierPoints).forEach(i -> accessPoints.add(territory.qpvPlace()[i]));
        double[] accessDemand = Arrays.copyOf(demand.demand(), accessPoints.size());
        TwoStepFloatingCatchment.Result all = TwoStepFloatingCatchment.compute(accessPoints, accessDemand, venues, times,
                decay);
        TwoStepFloatingCatchment.Result access = new TwoStepFloatingCatchment.Result(
                Arrays.copyOf(all.accessibility(), n), all.supplyRatio(), Arrays.copyOf(all.nearestVenueMinutes(), n));
        timings.put("3-accessibilite", ms(t));

        progress.progress(0.5, "thd-fragilite");
        t = System.nanoTime();
        boolean[] broadband = BroadbandGate.eligible(in.ftthCoverage(), p.number(SEUIL_THD));
        timings.put("4-thd", ms(t));
        t = System.nanoTime();
        boolean[] mountain = new boolean[n];
        boolean[] overseas = new boolean[n];
        boolean[] qpvPerimeter = new boolean[n];
        for (int i = 0; i < n; i++) {
            mountain[i] = in.massif()[i] != null;
            overseas[i] = LegalCrs.isOverseas(communes.get(i).code());
            qpvPerimeter[i] = territory.qpvPerimeter()[i] != null;
        }
        Set<FragilityClassifier.Category> profile = categories(p);
        FragilityClassifier.Result fragility = FragilityClassifier.classify(
                new FragilityClassifier.Inputs(in.densityLevel(), territory.frr(), mountain, in.qpv(), qpvPerimeter, overseas),
                new FragilityClassifier.Settings(p.integer(NIVEAU_DENSITE_RURAL_MIN), profile));
        timings.put("5-fragilite", ms(t));

        progress.progress(0.55, "carence");
        t = System.nanoTime();
        List<String> warnings = new ArrayList<>();
        if (profile.contains(FragilityClassifier.Category.ZONES_RECONVERSION)) {
            warnings.add("zones_reconversion : aucune donnée de zones de reconversion n'est disponible hors ligne ici ; "
                    + "catégorie non évaluée");
        }
        String[] status = studyStatus(in, Perimetre.parse(p.text(PERIMETRE)), warnings);
        // Carence is looked for only where it can be established; a QPV quartier counts with its own
        // demand (the commune's, pro rata of the quartier's area: the only measure loaded) and accessibility.
        boolean[] candidate = new boolean[n];
        double[] carenceDemand = demand.demand().clone();
        double[] carenceAccess = access.accessibility().clone();
        double[] quartierDemand = new double[n];
        double[] quartierAccess = new double[n];
        Arrays.fill(quartierDemand, Double.NaN);
        Arrays.fill(quartierAccess, Double.NaN);
        for (int k = 0; k < quartierPoints.length; k++) {
            int i = quartierPoints[k];
            Geometry commune = communes.get(i).geometry();
            double share = commune.getArea() > 0
                    ? Math.min(1, OverlayNGRobust.overlay(territory.qpvPerimeter()[i], commune,
                    OverlayNG.INTERSECTION).getArea() / commune.getArea()) : 0;
            quartierDemand[i] = demand.demand()[i] * share;
            quartierAccess[i] = all.accessibility()[n + k];
        }
        for (int i = 0; i < n; i++) {
            boolean established = !status[i].equals(AnalysisResult.HORS_PERIMETRE) && !status[i].equals(AnalysisResult.INVENTAIRE_ABSENT);
            candidate[i] = established && (fragility.fragile()[i] || fragility.quartier()[i]);
            if (!established) {
                carenceDemand[i] = 0; // nor in the percentile threshold: it is taken over the established communes
            } else if (fragility.quartier()[i]) {
                carenceDemand[i] = quartierDemand[i];
                carenceAccess[i] = quartierAccess[i];
            }
        }
        CarenceClassifier.Result carence = CarenceClassifier.classify(candidate, fragility.weight(),
                carenceDemand, carenceAccess, new CarenceClassifier.Settings(p.number(DEMANDE_MIN),
                        MODE_PERCENTILE.equals(p.text(MODE_SEUIL)), p.number(SEUIL_ACCESSIBILITE),
                        p.number(PERCENTILE_ACCESSIBILITE)));
        // A quartier's zone is drawn with the quartier, not its whole commune.
        List<Geometry> geometries = IntStream.range(0, n).mapToObj(i -> fragility.quartier()[i]
                ? territory.qpvPerimeter()[i] : communes.get(i).geometry()).toList();
        List<CarenceZoneBuilder.Zone> zones = zones(in, p, carence, geometries);
        int[] zoneOf = new int[n];
        Arrays.fill(zoneOf, -1);
        for (int z = 0; z < zones.size(); z++) {
            for (int i : zones.get(z).members()) {
                zoneOf[i] = z;
            }
        }
        timings.put("6-carence-zones", ms(t));

        // Step 6c: the AMII's intentions as future supply (docs/amii.md).
        t = System.nanoTime();
        int[] carencePoint = new int[n];
        for (int i = 0; i < n; i++) {
            carencePoint[i] = i;
        }
        for (int k = 0; k < quartierPoints.length; k++) {
            if (fragility.quartier()[quartierPoints[k]]) {
                carencePoint[quartierPoints[k]] = n + k;
            }
        }
        List<Intention> applied = appliedIntentions(in, p);
        ResidualCarence.Result residual = applied.isEmpty()
                ? ResidualCarence.none(carence.carence(), carenceAccess, zones)
                : ResidualCarence.compute(new ResidualCarence.Inputs(accessPoints, accessDemand, venues, applied, times, decay,
                        catchment, carencePoint, candidate, fragility.weight(), carenceDemand, p.number(DEMANDE_MIN),
                        carence.threshold()), zones, geometries);
        warnings.addAll(possibleDuplicates(applied, venues));
        if (in.amii().loaded() && p.flag(APPLIQUER_INTENTIONS) && applied.isEmpty()) {
            warnings.add("AMII chargé (" + in.amii().fichier() + ") mais aucune intention retenue (statuts, paramètre "
                    + INTENTIONS_RETENUES + ") : zones résiduelles = zones présumées");
        }
        timings.put("6c-amii", ms(t));
        AnalysisResult.Study study = new AnalysisResult.Study(status, telework.share(), telework.source(), quartierDemand,
                quartierAccess, carenceDemand, warnings);

        RobustnessAnalysis.Result robustness = null;
        int draws = p.integer(TIRAGES_ROBUSTESSE);
        if (draws > 0) {
            t = System.nanoTime();
            DistanceDecay base = decay;
            // The draws recompute this run's carence stage: same candidates (fragility categories of the
            // profil d'appel, study area), quartiers judged on their own point and demand share.
            double[] carenceWeight = new double[n];
            int[] accessPoint = new int[n];
            for (int i = 0; i < n; i++) {
                double d = demand.demand()[i];
                carenceWeight[i] = d > 0 ? carenceDemand[i] / d : 0;
                accessPoint[i] = i;
            }
            for (int k = 0; k < quartierPoints.length; k++) {
                if (fragility.quartier()[quartierPoints[k]]) {
                    accessPoint[quartierPoints[k]] = n + k;
                }
            }
            robustness = RobustnessAnalysis.run(new RobustnessAnalysis.Base(accessPoints, in.venues(), times,
                    demand.demand(), p.number(PART_TELETRAVAILLABLE), modelled, candidate, fragility.weight(),
                    carenceWeight, accessPoint,
                    new CarenceClassifier.Settings(p.number(DEMANDE_MIN), MODE_PERCENTILE.equals(p.text(MODE_SEUIL)),
                            p.number(SEUIL_ACCESSIBILITE), p.number(PERCENTILE_ACCESSIBILITE)),
                    minutes -> new DistanceDecay(minutes, base.w1(), base.w2(), base.w3())),
                    zones, RobustnessAnalysis.Ranges.DEFAULT, draws,
                    (fraction, step) -> progress.progress(0.6 + 0.1 * fraction, step));
            timings.put("6b-robustesse", ms(t));
        }

        progress.progress(0.7, "sites");
        t = System.nanoTime();
        CandidateSites.Instance instance = CandidateSites.build(places, broadband, carence.carence(), carenceDemand,
                times, catchment, p.integer(NOMBRE_SITES));
        CoveringSolution solution = MaximalCoveringSolver.solve(instance.problem(), p.integer(TAILLE_MAX_EXACTE),
                p.integer(TEMPS_MAX_SOLVEUR_S));
        timings.put("7-sites", ms(t));

        progress.progress(0.85, "impact");
        t = System.nanoTime();
        int[] siteCommunes = Arrays.stream(solution.chosen()).map(j -> instance.candidates()[j]).toArray();
        int[] nodes = instance.demandNodes();
        List<Place> nodePlaces = Arrays.stream(nodes).mapToObj(places::get).toList();
        double[] nodeDemand = Arrays.stream(nodes).mapToDouble(i -> carenceDemand[i]).toArray();
        double[] nodeKm = Arrays.stream(nodes).mapToDouble(i -> demand.meanEligibleKm()[i]).toArray();
        ImpactSimulator.Result impact = ImpactSimulator.simulate(nodePlaces, nodeDemand, nodeKm,
                Arrays.stream(siteCommunes).mapToObj(places::get).toList(), times, catchment,
                new ImpactSimulator.Settings(p.number(JOURS_TELETRAVAIL), p.number(SEMAINES_TRAVAILLEES),
                        p.number(TAUX_FREQUENTATION), p.number(PART_REBOND), p.number(FACTEUR_DETOUR),
                        p.number(VITESSE_KMH), p.number(CONSOMMATION), p.number(FACTEUR_EMISSION)));
        List<AnalysisResult.Site> sites = new ArrayList<>();
        ImpactSimulator.Impact total = ImpactSimulator.Impact.zero();
        for (int s = 0; s < siteCommunes.length; s++) {
            sites.add(new AnalysisResult.Site(s + 1, siteCommunes[s], impact.impacts()[s]));
            total = total.plus(impact.impacts()[s]);
        }
        int[] servedBy = new int[n];
        for (int k = 0; k < nodes.length; k++) {
            servedBy[nodes[k]] = impact.assignedSite()[k] + 1;
        }
        timings.put("8-impact", ms(t));
        progress.progress(0.9, "ecriture");
        return new AnalysisResult(modelled, flows, demand, access, broadband, fragility, carence.carence(),
                carence.score(), carence.threshold(), zones, zoneOf, instance.candidates(), sites, solution, servedBy,
                total, timings, study, robustness, residual);
    }

    /**
     * The applied intentions declared {@code ouvert} in a commune where the venue inventory already
     * lists a venue: each may be that venue, whose seats would then count twice. The run cannot tell
     * (the 2016 inventory is placed at commune precision, with no capacity), so it counts them and
     * says how many. The warning is public (column {@code avertissements} of {@code scenarios}), the
     * intentions are not (security/layers.properties): it names none; the zone dossier, read with
     * the intentions' rule, marks each one.
     */
    static List<String> possibleDuplicates(List<Intention> applied, List<Venue> venues) {
        Set<String> inventoried = new java.util.HashSet<>();
        venues.forEach(v -> inventoried.add(v.place().code()));
        inventoried.remove("");
        long n = applied.stream().filter(i -> Intention.OUVERT.equals(i.statut()) && inventoried.contains(i.place().code())).count();
        if (n == 0) {
            return List.of();
        }
        return List.of(n + " intention(s) AMII de statut « ouvert » dans une commune où l'inventaire des lieux compte déjà "
                + "un lieu : doublon(s) possible(s), leurs places sont comptées en plus des lieux inventoriés ; le dossier "
                + "de zone les signale (liste des intentions réservée aux comptes). Si c'est le même lieu, retirer "
                + "l'intention du fichier AMII et relancer le scénario");
    }

    /** The intentions the scenario applies: none unless an AMII is loaded and {@code appliquer_intentions}. */
    static List<Intention> appliedIntentions(AnalysisInput in, ScenarioParameters p) {
        if (!in.amii().loaded() || !p.flag(APPLIQUER_INTENTIONS)) {
            return List.of();
        }
        Set<String> counted = INTENTIONS_CONFIRMEES.equals(p.text(INTENTIONS_RETENUES))
                ? Set.of("confirme", "ouvert") : Set.of("projet", "confirme", "ouvert");
        return in.amii().intentions().stream().filter(i -> counted.contains(i.statut()) && i.places() > 0).toList();
    }

    /**
     * Per commune: outside the perimeter, inside without a venue inventory (carence not
     * established), or established (with or without broadband data). Adds the warnings a planner
     * must read: the communes without inventory, by département.
     */
    static String[] studyStatus(AnalysisInput in, Perimetre perimetre, List<String> warnings) {
        int n = in.communes().size();
        AnalysisInput.Territory t = in.territory();
        String[] status = new String[n];
        int inside = 0;
        java.util.TreeMap<String, Integer> missing = new java.util.TreeMap<>();
        for (int i = 0; i < n; i++) {
            if (!perimetre.contains(t.region()[i], t.departement()[i], t.epci()[i], in.massif()[i])) {
                status[i] = AnalysisResult.HORS_PERIMETRE;
                continue;
            }
            inside++;
            if (!t.inventory()[i]) {
                status[i] = AnalysisResult.INVENTAIRE_ABSENT;
                missing.merge(t.departement()[i] == null ? "?" : t.departement()[i], 1, Integer::sum);
            } else {
                status[i] = Double.isNaN(in.ftthCoverage()[i]) ? AnalysisResult.THD_INCONNU : AnalysisResult.ETABLI;
            }
        }
        if (inside == 0) {
            throw new InvalidParameterException(PERIMETRE, PERIMETRE + " = « " + perimetre
                    + " » : aucune commune chargée dans ce périmètre");
        }
        if (!missing.isEmpty()) {
            int count = missing.values().stream().mapToInt(Integer::intValue).sum();
            warnings.add(count + " communes du périmètre sans inventaire des lieux chargé : carence non établie "
                    + "(départements " + String.join(", ", missing.keySet()) + ")");
        }
        return status;
    }

    /**
     * Observed flows for origins whose loaded flows cover at least {@code couverture_flux_min} of
     * their estimated employed residents; radiation-model flows for every other origin.
     */
    static List<Flow> chooseFlows(AnalysisInput in, ScenarioParameters p, boolean[] modelled) {
        int n = in.communes().size();
        double[] observedTotal = new double[n];
        for (Flow f : in.observedFlows()) {
            observedTotal[f.origin()] += f.commuters();
        }
        double employedShare = p.number(TAUX_ACTIFS_OCCUPES);
        double minCoverage = p.number(COUVERTURE_FLUX_MIN);
        boolean[] observed = new boolean[n];
        for (int i = 0; i < n; i++) {
            double employed = in.communes().get(i).population() * employedShare;
            observed[i] = observedTotal[i] > 0 && observedTotal[i] >= minCoverage * employed;
            modelled[i] = !observed[i];
        }
        List<Flow> flows = new ArrayList<>();
        for (Flow f : in.observedFlows()) {
            if (observed[f.origin()]) {
                flows.add(f);
            }
        }
        int[] origins = IntStream.range(0, n).filter(i -> modelled[i]).toArray();
        if (origins.length > 0) {
            flows.addAll(RadiationModel.estimate(in.communes(), origins, new RadiationModel.Settings(employedShare,
                    p.number(PART_NAVETTEURS_SORTANTS), p.number(RADIATION_DISTANCE_MAX_KM), p.number(RADIATION_FLUX_MIN))));
        }
        return flows;
    }

    /** Step 6b in the scenario's unit ({@code unite_zonage}). */
    static List<CarenceZoneBuilder.Zone> zones(AnalysisInput in, ScenarioParameters p, CarenceClassifier.Result carence,
                                               List<Geometry> geometries) {
        String unit = p.text(UNITE_ZONAGE);
        if (UNITE_GRAPPES.equals(unit)) {
            return CarenceZoneBuilder.build(carence.carence(), geometries, carence.score(), p.number(TOLERANCE_ADJACENCE_M));
        }
        boolean epci = UNITE_EPCI.equals(unit);
        String[] codes = epci ? in.units().epci() : in.units().departement();
        int n = in.communes().size();
        String[] keys = new String[n];
        String[] fallback = new String[n];
        for (int i = 0; i < n; i++) {
            keys[i] = codes[i] == null ? null : (epci ? "epci:" : "departement:") + codes[i];
            fallback[i] = "commune:" + in.communes().get(i).code();
        }
        return CarenceZoneBuilder.byUnit(carence.carence(), keys, fallback, geometries, carence.score());
    }

    private static long ms(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }
}
