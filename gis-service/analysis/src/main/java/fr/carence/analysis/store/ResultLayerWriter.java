package fr.carence.analysis.store;

import static fr.carence.analysis.store.ResultLayers.PARTITION;

import fr.carence.analysis.AnalysisInput;
import fr.carence.analysis.AnalysisResult;
import fr.carence.analysis.model.Commune;
import fr.carence.analysis.model.Flow;
import fr.carence.analysis.step.CarenceZoneBuilder;
import fr.carence.analysis.step.ImpactSimulator;
import fr.carence.store.Feature;
import fr.carence.store.FeatureStore;
import fr.carence.store.LayerInfo;
import fr.carence.store.LayerSchema;
import fr.carence.store.LayerTransaction;
import fr.carence.store.LayerWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.util.PolygonExtracter;

/**
 * Stages one run's result layers, each into its {@code scenario} partition, in the run's
 * {@link LayerTransaction}: they are published together with the scenario's record when the
 * transaction commits, so a failure or a killed process at any point leaves every previous
 * result of the scenario untouched, never results of two runs side by side.
 */
public final class ResultLayerWriter {
    private static final GeometryFactory GF = new GeometryFactory();

    private final Map<LayerSchema, List<Feature>> layers = new LinkedHashMap<>();
    private final LayerInfo.Source source;
    private final String scenario;

    /** Builds the result features of one run (kept in memory: a retry stages them again). */
    public ResultLayerWriter(String scenario, AnalysisInput in, AnalysisResult r, int topFlows) {
        this.scenario = scenario;
        this.source = new LayerInfo.Source("scenario", "scenario " + scenario,
                in.flowSource() == null ? "flux modélisés" : in.flowSource());
        layers.put(ResultLayers.INDICATEURS_SCHEMA, indicators(scenario, in, r));
        layers.put(ResultLayers.ZONES_SCHEMA, zones(scenario, in, r));
        layers.put(ResultLayers.SITES_SCHEMA, sites(scenario, in, r));
        layers.put(ResultLayers.FLUX_OD_SCHEMA, flows(scenario, in, r, topFlows));
    }

    /** Stages the four result partitions in the transaction; nothing is visible before it commits. */
    public void stage(LayerTransaction tx) {
        for (Map.Entry<LayerSchema, List<Feature>> e : layers.entrySet()) {
            LayerWriter w = tx.replacePartition(e.getKey(), PARTITION, scenario, source);
            e.getValue().forEach(w::write);
            w.commit();  // staged and indexed: its connection goes back to the pool
        }
    }

    static String zoneId(String scenario, int rank) {
        return scenario + ":zone-" + rank;
    }

    static String siteId(String scenario, int rank) {
        return scenario + ":site-" + rank;
    }

    private static List<Feature> indicators(String scenario, AnalysisInput in, AnalysisResult r) {
        List<Feature> out = new ArrayList<>();
        boolean[] candidate = new boolean[in.communes().size()];
        for (int c : r.candidates()) {
            candidate[c] = true;
        }
        boolean[] chosen = new boolean[in.communes().size()];
        r.sites().forEach(s -> chosen[s.commune()] = true);
        for (int i = 0; i < in.communes().size(); i++) {
            Commune c = in.communes().get(i);
            Map<String, Object> p = new LinkedHashMap<>();
            String id = scenario + ":" + c.code();
            p.put("id", id);
            p.put(PARTITION, scenario);
            p.put("code", c.code());
            p.put("nom", c.nom());
            p.put("population", c.population());
            p.put("flux_modelise", r.modelledFlows()[i]);
            p.put("navetteurs_sortants", r.demand().outboundCommuters()[i]);
            p.put("navetteurs_eligibles", r.demand().eligibleCommuters()[i]);
            p.put("demande", r.demand().demand()[i]);
            p.put("distance_moyenne_km", finite(r.demand().meanEligibleKm()[i]));
            p.put("part_longue_distance", finite(r.demand().longDistanceShare()[i]));
            p.put("accessibilite", r.access().accessibility()[i]);
            p.put("temps_lieu_proche_min", finite(r.access().nearestVenueMinutes()[i]));
            p.put("taux_thd", finite(in.ftthCoverage()[i]));
            p.put("eligible_thd", r.broadbandOk()[i]);
            p.put("niveau_densite", in.densityLevel()[i] == 0 ? null : in.densityLevel()[i]);
            p.put("rural", r.fragility().rural()[i]);
            p.put("zrr", in.zrr()[i]);
            p.put("montagne", in.massif()[i] != null);
            p.put("massif", in.massif()[i]);
            p.put("qpv", in.qpv()[i]);
            p.put("outre_mer", fr.carence.crs.LegalCrs.isOverseas(c.code()));
            p.put("poids_fragilite", r.fragility().weight()[i]);
            p.put("fragile", r.fragility().fragile()[i]);
            p.put("frr", in.territory().frr()[i]);
            p.put("categories_fragilite", r.fragility().categories()[i].isEmpty() ? null : r.fragility().categories()[i]);
            p.put("qpv_perimetre", in.territory().qpvPerimeter()[i] != null);
            p.put("demande_qpv", finite(r.study().quartierDemand()[i]));
            p.put("accessibilite_qpv", finite(r.study().quartierAccess()[i]));
            p.put("part_teletravaillable", r.study().teleworkShare()[i]);
            p.put("source_part_teletravaillable", r.study().teleworkSource()[i]);
            p.put("statut_etude", r.study().status()[i]);
            p.put("carence", r.carence()[i]);
            p.put("score_carence", r.carenceScore()[i]);
            p.put("zone_id", r.zoneOf()[i] < 0 ? null : zoneId(scenario, r.zones().get(r.zoneOf()[i]).rank()));
            p.put("site_candidat", candidate[i]);
            p.put("site_retenu", chosen[i]);
            p.put("site_desservant", r.servedBy()[i] == 0 ? null : siteId(scenario, r.servedBy()[i]));
            out.add(new Feature(id, multiPolygon(c.geometry()), p));
        }
        return out;
    }

    private static List<Feature> zones(String scenario, AnalysisInput in, AnalysisResult r) {
        List<Feature> out = new ArrayList<>();
        for (CarenceZoneBuilder.Zone z : r.zones()) {
            double pop = 0;
            double demand = 0;
            double covered = 0;
            int rural = 0;
            int zrr = 0;
            int mountain = 0;
            int qpv = 0;
            int overseas = 0;
            int modelled = 0;
            TreeSet<String> massifs = new TreeSet<>();
            List<String> codes = new ArrayList<>();
            for (int i : z.members()) {
                Commune c = in.communes().get(i);
                codes.add(c.code());
                pop += c.population();
                demand += r.study().carenceDemand()[i];
                covered += r.servedBy()[i] > 0 ? r.study().carenceDemand()[i] : 0;
                rural += r.fragility().rural()[i] ? 1 : 0;
                zrr += in.zrr()[i] ? 1 : 0;
                if (in.massif()[i] != null) {
                    mountain++;
                    massifs.add(in.massif()[i]);
                }
                qpv += in.qpv()[i] ? 1 : 0;
                overseas += fr.carence.crs.LegalCrs.isOverseas(c.code()) ? 1 : 0;
                modelled += r.modelledFlows()[i] ? 1 : 0;
            }
            Map<String, Object> p = new LinkedHashMap<>();
            String id = zoneId(scenario, z.rank());
            p.put("id", id);
            p.put(PARTITION, scenario);
            p.put("rang", z.rank());
            p.put("nb_communes", z.members().size());
            p.put("population", pop);
            p.put("demande", demand);
            p.put("score", z.score());
            p.put("demande_couverte", covered);
            p.put("nb_rural", rural);
            p.put("nb_zrr", zrr);
            p.put("nb_montagne", mountain);
            p.put("nb_qpv", qpv);
            p.put("nb_outre_mer", overseas);
            p.put("massifs", massifs.isEmpty() ? null : String.join(";", massifs));
            p.put("nb_flux_modelises", modelled);
            p.put("codes_communes", String.join(";", codes));
            out.add(new Feature(id, multiPolygon(z.geometry()), p));
        }
        return out;
    }

    private static List<Feature> sites(String scenario, AnalysisInput in, AnalysisResult r) {
        List<Feature> out = new ArrayList<>();
        for (AnalysisResult.Site s : r.sites()) {
            Commune c = in.communes().get(s.commune());
            ImpactSimulator.Impact im = s.impact();
            boolean modelled = r.modelledFlows()[s.commune()];
            for (int i = 0; i < r.servedBy().length; i++) {
                modelled |= r.servedBy()[i] == s.rank() && r.modelledFlows()[i];
            }
            Map<String, Object> p = new LinkedHashMap<>();
            String id = siteId(scenario, s.rank());
            p.put("id", id);
            p.put(PARTITION, scenario);
            p.put("rang", s.rank());
            p.put("code_commune", c.code());
            p.put("nom_commune", c.nom());
            int zone = r.zoneOf()[s.commune()];
            p.put("zone_id", zone < 0 ? null : zoneId(scenario, r.zones().get(zone).rank()));
            p.put("taux_thd", finite(in.ftthCoverage()[s.commune()]));
            p.put("demande_couverte", im.demandCovered());
            p.put("communes_couvertes", im.communesCovered());
            p.put("km_evites_semaine", im.kmAvoidedWeekly());
            p.put("km_evites_an", im.kmAvoidedYearly());
            p.put("heures_gagnees_an", im.hoursSavedYearly());
            p.put("litres_carburant_an", im.fuelLitresYearly());
            p.put("kg_co2e_an", im.kgCo2eYearly());
            p.put("methode", r.solution().method());
            p.put("ecart_optimalite", r.solution().gap());
            p.put("flux_modelise", modelled);
            out.add(new Feature(id, c.pointStockage(), p));
        }
        return out;
    }

    private static List<Feature> flows(String scenario, AnalysisInput in, AnalysisResult r, int top) {
        List<Flow> sorted = r.flows().stream().filter(f -> f.origin() != f.destination())
                .sorted(Comparator.comparingDouble(Flow::commuters).reversed()
                        .thenComparing(Flow::origin).thenComparing(Flow::destination))
                .limit(top).toList();
        List<Feature> out = new ArrayList<>();
        int rank = 0;
        for (Flow f : sorted) {
            Commune o = in.communes().get(f.origin());
            Commune d = in.communes().get(f.destination());
            Map<String, Object> p = new LinkedHashMap<>();
            String id = scenario + ":" + o.code() + ">" + d.code();
            p.put("id", id);
            p.put(PARTITION, scenario);
            p.put("rang", ++rank);
            p.put("code_residence", o.code());
            p.put("code_travail", d.code());
            p.put("navetteurs", f.commuters());
            p.put("navetteurs_voiture", finite(f.carCommuters()));
            p.put("distance_km", finite(o.place().distanceTo(d.place()) / 1000.0));
            p.put("modelise", f.modelled());
            Geometry line = GF.createLineString(new Coordinate[] {o.pointStockage().getCoordinate(),
                    d.pointStockage().getCoordinate()});
            out.add(new Feature(id, line, p));
        }
        return out;
    }

    private static Double finite(double v) {
        return Double.isNaN(v) || Double.isInfinite(v) ? null : v;
    }

    static MultiPolygon multiPolygon(Geometry g) {
        if (g == null) {
            return null;
        }
        if (g instanceof MultiPolygon m) {
            return m;
        }
        @SuppressWarnings("unchecked")
        List<Polygon> polygons = PolygonExtracter.getPolygons(g);
        MultiPolygon m = GF.createMultiPolygon(polygons.toArray(new Polygon[0]));
        m.setSRID(FeatureStore.STORAGE_SRID);
        return m;
    }

}
