package fr.carence.analysis.result;

import fr.carence.analysis.AnalysisInput;
import fr.carence.analysis.AnalysisResult;
import fr.carence.analysis.model.Commune;
import fr.carence.analysis.model.Flow;
import fr.carence.analysis.model.Intention;
import fr.carence.analysis.step.CarenceZoneBuilder;
import fr.carence.analysis.step.ResidualCarence;
import fr.carence.analysis.step.ZoneIdentity;
import fr.carence.crs.LegalCrs;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;

/** The rows the result columns read: one run, and one commune, zone, site or flow of it. */
public final class ResultRows {

    private ResultRows() {
    }

    /**
     * One run's inputs and results, with the per-commune facts several columns share.
     *
     * @param candidate per commune: a candidate site of the MCLP
     * @param chosen per commune: hosts a chosen site
     */
    public record Run(String scenario, AnalysisInput in, AnalysisResult r, boolean[] candidate, boolean[] chosen,
                      List<String> zoneCodes) {

        public static Run of(String scenario, AnalysisInput in, AnalysisResult r) {
            boolean[] candidate = new boolean[in.communes().size()];
            for (int c : r.candidates()) {
                candidate[c] = true;
            }
            boolean[] chosen = new boolean[in.communes().size()];
            r.sites().forEach(s -> chosen[s.commune()] = true);
            ZoneIdentity.Quartiers quartiers = quartiers(in, r);
            List<String> codes = r.zones().stream().map(z -> ZoneIdentity.code(z, in.communes(), quartiers)).toList();
            return new Run(scenario, in, r, candidate, chosen, codes);
        }

        /** The QPV quartiers the run judged apart from their commune (their zones are named after them). */
        static ZoneIdentity.Quartiers quartiers(AnalysisInput in, AnalysisResult r) {
            int n = in.communes().size();
            String[] code = new String[n];
            String[] name = new String[n];
            for (int i = 0; i < n; i++) {
                if (r.fragility().quartier()[i]) {
                    code[i] = in.territory().qpvCode()[i];
                    name[i] = in.territory().qpvName()[i];
                }
            }
            return new ZoneIdentity.Quartiers(code, name);
        }

        public Commune commune(int i) {
            return in.communes().get(i);
        }

        /** Published id of the zone containing commune {@code i}, or null. */
        public String zoneIdOf(int i) {
            return r.zoneOf()[i] < 0 ? null : ResultColumns.zoneId(scenario, zoneCodes.get(r.zoneOf()[i]));
        }

        public List<CommuneRow> communeRows() {
            List<CommuneRow> rows = new ArrayList<>();
            for (int i = 0; i < in.communes().size(); i++) {
                rows.add(new CommuneRow(this, i));
            }
            return rows;
        }

        public List<ZoneRow> zoneRows() {
            List<ZoneRow> rows = new ArrayList<>();
            for (int k = 0; k < r.zones().size(); k++) {
                rows.add(ZoneRow.of(this, r.zones().get(k), zoneCodes.get(k)));
            }
            return rows;
        }

        /** The residual zones (step 6c): the presumptive zones with members still in carence, in rank order. */
        public List<ResidualZoneRow> residualZoneRows() {
            List<ResidualZoneRow> rows = new ArrayList<>();
            for (ResidualCarence.Zone z : r.residual().zones()) {
                if (z.remains()) {
                    rows.add(new ResidualZoneRow(this, z, r.zones().get(z.zone()), zoneCodes.get(z.zone())));
                }
            }
            return rows;
        }

        /** Whether and which AMII was applied, in the words every document uses (docs/amii.md). */
        public String statutAmii() {
            AnalysisInput.Amii amii = in.amii();
            if (r.residual().applied()) {
                return "AMII appliqué : " + r.residual().intentions().size() + " intention(s) retenue(s) sur "
                        + amii.intentions().size() + " du fichier " + amii.fichier() + " (chargé le " + loadDate(amii) + ")";
            }
            if (!amii.loaded()) {
                return AUCUN_AMII;
            }
            return AUCUN_AMII + " ; intentions du fichier " + amii.fichier() + " chargé le " + loadDate(amii)
                    + " non appliquées (paramètre appliquer_intentions, ou aucune intention retenue)";
        }

        /** "7 décembre 2026 à 01h48 (heure de Paris)": when the AMII file was loaded, for French readers. */
        private static String loadDate(AnalysisInput.Amii amii) {
            return java.time.format.DateTimeFormatter.ofPattern("d MMMM yyyy 'à' HH'h'mm '(heure de Paris)'", java.util.Locale.FRENCH)
                    .withZone(java.time.ZoneId.of("Europe/Paris")).format(java.time.Instant.parse(amii.chargement()));
        }

        public List<SiteRow> siteRows() {
            return r.sites().stream().map(s -> SiteRow.of(this, s)).toList();
        }

        /** The {@code top} largest inter-commune flows used, largest first. */
        public List<FlowRow> flowRows(int top) {
            List<Flow> sorted = r.flows().stream().filter(f -> f.origin() != f.destination())
                    .sorted(Comparator.comparingDouble(Flow::commuters).reversed()
                            .thenComparing(Flow::origin).thenComparing(Flow::destination))
                    .limit(top).toList();
            List<FlowRow> rows = new ArrayList<>();
            for (int k = 0; k < sorted.size(); k++) {
                rows.add(new FlowRow(this, sorted.get(k), k + 1));
            }
            return rows;
        }
    }

    /** The words of a result where no AMII was applied (residual zones = presumptive zones). */
    public static final String AUCUN_AMII = "Aucun appel à manifestation d'intention d'investissement (AMII) n'a été "
            + "appliqué : la carence est présumée par le modèle, pas constatée (zones résiduelles = zones présumées)";

    /**
     * What remains of a presumptive zone once the AMII's intentions are applied.
     *
     * @param presumptive the zone as in zones_carence (code, name, rank, unit)
     * @param code its stable code
     */
    public record ResidualZoneRow(Run run, ResidualCarence.Zone zone, CarenceZoneBuilder.Zone presumptive, String code) {

        public String nom() {
            return ZoneIdentity.name(presumptive, run.in().communes(), run.in().units(), Run.quartiers(run.in(), run.r()));
        }

        public double population() {
            return zone.members().stream().mapToDouble(i -> run.commune(i).population()).sum();
        }

        public double demand() {
            return zone.members().stream().mapToDouble(i -> run.r().study().carenceDemand()[i]).sum();
        }

        public double presumptiveDemand() {
            return presumptive.members().stream().mapToDouble(i -> run.r().study().carenceDemand()[i]).sum();
        }

        public List<Intention> intentions() {
            return zone.intentions().stream().map(j -> run.r().residual().intentions().get(j)).toList();
        }

        public String codes() {
            return String.join(";", zone.members().stream().map(i -> run.commune(i).code()).toList());
        }
    }

    /** Commune {@code i} of a run. */
    public record CommuneRow(Run run, int i) {
        public Commune commune() {
            return run.commune(i);
        }
    }

    /**
     * A carence zone with its stable code and name and the totals of its member communes.
     *
     * @param code stable code ({@link ZoneIdentity#code})
     */
    public record ZoneRow(Run run, CarenceZoneBuilder.Zone zone, String code, double population, double demand,
                          double covered, int rural, int zrr, int mountain, int qpv, int overseas, int modelled,
                          String massifs, String codes) {

        public String nom() {
            return ZoneIdentity.name(zone, run.in().communes(), run.in().units(), Run.quartiers(run.in(), run.r()));
        }

        static ZoneRow of(Run run, CarenceZoneBuilder.Zone z, String code) {
            AnalysisResult r = run.r();
            AnalysisInput in = run.in();
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
                // a QPV quartier counts with its own demand, not its whole commune's
                demand += r.study().carenceDemand()[i];
                covered += r.servedBy()[i] > 0 ? r.study().carenceDemand()[i] : 0;
                rural += r.fragility().rural()[i] ? 1 : 0;
                zrr += in.zrr()[i] ? 1 : 0;
                if (in.massif()[i] != null) {
                    mountain++;
                    massifs.add(in.massif()[i]);
                }
                qpv += in.qpv()[i] ? 1 : 0;
                overseas += LegalCrs.isOverseas(c.code()) ? 1 : 0;
                modelled += r.modelledFlows()[i] ? 1 : 0;
            }
            return new ZoneRow(run, z, code, pop, demand, covered, rural, zrr, mountain, qpv, overseas, modelled,
                    massifs.isEmpty() ? null : String.join(";", massifs), String.join(";", codes));
        }
    }

    /**
     * A chosen site.
     *
     * @param modelled the host or a commune it serves uses modelled flows
     */
    public record SiteRow(Run run, AnalysisResult.Site site, boolean modelled) {

        static SiteRow of(Run run, AnalysisResult.Site s) {
            AnalysisResult r = run.r();
            boolean modelled = r.modelledFlows()[s.commune()];
            for (int i = 0; i < r.servedBy().length; i++) {
                modelled |= r.servedBy()[i] == s.rank() && r.modelledFlows()[i];
            }
            return new SiteRow(run, s, modelled);
        }

        public Commune host() {
            return run.commune(site.commune());
        }
    }

    /** One of the largest flows, ranked. */
    public record FlowRow(Run run, Flow flow, int rank) {
        public Commune origin() {
            return run.commune(flow.origin());
        }

        public Commune destination() {
            return run.commune(flow.destination());
        }
    }
}
