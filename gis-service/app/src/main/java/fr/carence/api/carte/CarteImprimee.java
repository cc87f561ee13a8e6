package fr.carence.api.carte;

import fr.carence.analysis.scenario.ScenarioConflictException;
import fr.carence.analysis.scenario.ScenarioNotFoundException;
import fr.carence.analysis.scenario.ScenarioRecord;
import fr.carence.analysis.scenario.ScenarioService;
import fr.carence.analysis.store.InputVersion;
import fr.carence.analysis.store.ResultLayers;
import fr.carence.api.dossier.DossierMap;
import fr.carence.api.dossier.DossierPdf;
import fr.carence.api.dossier.FrenchText;
import fr.carence.api.territoire.TerritoireRequestException;
import fr.carence.ogc.catalog.Catalog;
import fr.carence.ogc.catalog.PublishedLayer;
import fr.carence.store.FeatureQuery;
import fr.carence.store.FeatureStore;
import fr.carence.store.filter.Filter;
import fr.carence.store.filter.Filter.ComparisonOperator;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.locationtech.jts.geom.Envelope;

/**
 * The printable map of the web map: an A4 landscape PDF of the current extent and visible layers,
 * drawn by the service's own renderer ({@link DossierMap}, the dossier's map: same SLD styles as
 * WMS, scale bar, north arrow), with a title, the legend of each layer, the scale, the sources and
 * vintages the scenario read, the share of modelled flows when the flows are drawn, the date and
 * the planner's comment. Layers follow the caller-filtered catalogue (a layer the caller may not
 * read is "unknown", as in WMS).
 */
public final class CarteImprimee {

    static final int WIDTH = 1500;
    static final int HEIGHT = 1150;
    /** Printed width of the map on A4 landscape (72 % of 297 mm less the margins), for the scale 1:n. */
    static final double PRINTED_WIDTH_M = 0.192;
    static final int TITRE_MAX = 120;
    static final int COMMENTAIRE_MAX = 1000;
    static final int COUCHES_MAX = 15;
    /** Lambert-93's area of use (metropolitan France with margins); overseas prints are not offered yet. */
    static final Envelope L93 = new Envelope(-378305.81, 1212610.74, 6093283.21, 7186901.68);

    /** What the web map asks: everything already checked (see {@link #request}). */
    public record Demande(String scenario, Envelope etendue, List<DossierMap.Choice> couches, String titre,
                          String commentaire, String territoire) {
    }

    private final DossierMap maps;
    private final FeatureStore store;
    private final ScenarioService scenarios;
    private final Catalog catalog;

    public CarteImprimee(DossierMap maps, FeatureStore store, ScenarioService scenarios, Catalog catalog) {
        this.maps = maps;
        this.store = store;
        this.scenarios = scenarios;
        this.catalog = catalog;
    }

    /** Checks the query parameters; every refusal names its parameter in French. */
    public Demande request(String scenario, String bbox, String couches, String titre, String commentaire, String territoire) {
        if (scenario == null || scenario.isBlank()) {
            throw new TerritoireRequestException("paramètre « scenario » manquant (ex. scenario=defaut)", "scenario");
        }
        Envelope e = bbox(bbox);
        if (couches == null || couches.isBlank()) {
            throw new TerritoireRequestException("paramètre « couches » manquant : au moins une couche (ex. couches=communes,zones_carence)", "couches");
        }
        List<DossierMap.Choice> choices = new ArrayList<>();
        for (String c : couches.split(",")) {
            String[] nameStyle = c.trim().split(":", 2);
            String name = nameStyle[0];
            if (name.isEmpty()) {
                continue;
            }
            if (catalog.layer(name).isEmpty()) {
                throw new TerritoireRequestException("paramètre « couches » : couche inconnue « " + name + " »", "couches");
            }
            choices.add(new DossierMap.Choice(name, nameStyle.length > 1 && !nameStyle[1].isBlank() ? nameStyle[1] : null));
        }
        if (choices.isEmpty() || choices.size() > COUCHES_MAX) {
            throw new TerritoireRequestException("paramètre « couches » : de 1 à " + COUCHES_MAX + " couches", "couches");
        }
        String t = clean(titre, TITRE_MAX, "titre");
        return new Demande(scenario.trim(), e, choices, t == null || t.isBlank() ? "Zones de carence en lieux de télétravail" : t,
                clean(commentaire, COMMENTAIRE_MAX, "commentaire"), clean(territoire, TITRE_MAX, "territoire"));
    }

    static Envelope bbox(String bbox) {
        String help = " : attendu minx,miny,maxx,maxy en mètres Lambert-93 (EPSG:2154)";
        if (bbox == null || bbox.isBlank()) {
            throw new TerritoireRequestException("paramètre « bbox » manquant" + help, "bbox");
        }
        String[] p = bbox.split(",");
        if (p.length != 4) {
            throw new TerritoireRequestException("paramètre « bbox » : 4 nombres" + help + " (reçu « " + bbox + " »)", "bbox");
        }
        double[] v = new double[4];
        for (int i = 0; i < 4; i++) {
            try {
                v[i] = Double.parseDouble(p[i].trim());
            } catch (NumberFormatException ex) {
                throw new TerritoireRequestException("paramètre « bbox » : « " + p[i].trim() + " » n'est pas un nombre" + help, "bbox");
            }
            if (!Double.isFinite(v[i])) {
                throw new TerritoireRequestException("paramètre « bbox » : nombre fini attendu" + help, "bbox");
            }
        }
        if (v[0] >= v[2] || v[1] >= v[3]) {
            throw new TerritoireRequestException("paramètre « bbox » : minx doit être inférieur à maxx et miny à maxy", "bbox");
        }
        Envelope e = new Envelope(v[0], v[2], v[1], v[3]);
        if (!L93.intersects(e)) {
            throw new TerritoireRequestException("paramètre « bbox » : l'étendue est hors de la France métropolitaine" + help, "bbox");
        }
        return e.intersection(L93);
    }

    private static String clean(String text, int max, String parametre) {
        if (text == null) {
            return null;
        }
        String t = text.replaceAll("[\\p{Cntrl}&&[^\\n]]", " ").strip();
        if (t.length() > max) {
            throw new TerritoireRequestException("paramètre « " + parametre + " » : au plus " + max + " caractères (reçu " + t.length() + ")", parametre);
        }
        return t.isEmpty() ? null : t;
    }

    /** The scenario shown, finished (its result layers are published only then). */
    ScenarioRecord scenario(String id) {
        ScenarioRecord s = scenarios.get(id).orElseThrow(() -> new ScenarioNotFoundException(id));
        if (!ScenarioRecord.TERMINE.equals(s.statut())) {
            throw new ScenarioConflictException("le scénario « " + id + " » n'est pas terminé (statut " + s.statut() + ") : sa carte n'est pas encore imprimable");
        }
        return s;
    }

    public void write(Demande d, OutputStream out) throws IOException {
        ScenarioRecord s = scenario(d.scenario());
        DossierMap.Drawn map = maps.draw(d.etendue(), d.couches(), s.id(), WIDTH, HEIGHT);
        DossierPdf.writeHtml(html(d, s, map, Instant.now()), out);
    }

    String html(Demande d, ScenarioRecord s, DossierMap.Drawn map, Instant now) {
        DossierPdf.Html h = new DossierPdf.Html();
        h.raw("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"fr\"><head>");
        h.raw("<title>").text(d.titre()).raw("</title><style>").raw(CSS).raw("</style></head><body>");
        h.raw("<h1>").text(d.titre()).raw("</h1>");
        h.raw("<p class=\"sous-titre\">").text("Scénario « " + s.nom() + " »"
                + (d.territoire() == null ? "" : " · territoire : " + d.territoire())
                + " · carte produite le " + FrenchText.dateTime(now) + " · scénario calculé le " + FrenchText.dateTime(s.finishedAt())).raw("</p>");
        // Map on the left, everything that reads it on the right: one A4 landscape page.
        h.raw("<table class=\"mise-en-page\"><tr><td class=\"carte\"><img src=\"data:image/png;base64,").raw(DossierPdf.png(map.image())).raw("\" alt=\"Carte\"/>");
        double widthM = DossierMap.withAspect(d.etendue(), (double) WIDTH / HEIGHT).getWidth();
        h.raw("<p class=\"echelle\">").text("Échelle : barre de " + FrenchText.number(map.scaleBarKm(), map.scaleBarKm() < 1 ? 1 : 0)
                + " km sur la carte, environ 1:" + FrenchText.number(roundScale(widthM / PRINTED_WIDTH_M), 0)
                + " imprimée sur A4 paysage ; nord en haut ; projection Lambert-93 (EPSG:2154).").raw("</p>");
        h.raw("<p class=\"definition\">").text("Zone de carence : communes voisines de territoires fragiles où la demande potentielle de télétravail est forte et l'offre de lieux faible. La carence est présumée par le modèle, pas constatée.").raw("</p>");
        h.raw("</td><td class=\"cote\">");
        if (d.commentaire() != null) {
            h.raw("<div class=\"commentaire\"><b>Commentaire : </b>").text(d.commentaire()).raw("</div>");
        }
        h.raw("<h2>Légende</h2>");
        for (DossierMap.Legend l : map.legend()) {
            h.raw("<div class=\"entree\"><b>").text(l.title()).raw("</b><br/><img src=\"data:image/png;base64,").raw(DossierPdf.png(l.image()))
                    .raw("\" style=\"width:").raw(Integer.toString(Math.max(1, l.image().getWidth() * 33 / 100))).raw("px\"/></div>");
        }
        fluxCue(d, s).ifPresent(t -> h.raw("<p class=\"flux\">").text(t).raw("</p>"));
        h.raw("<h2>Sources et millésimes</h2><p class=\"sources\">").text(sources(s)).raw("</p>");
        h.raw("<p class=\"sources\">").text("Résultats : scénario « " + s.nom() + " » (" + s.id() + "), méthode "
                + Optional.ofNullable(s.versionMethode()).orElse("non enregistrée") + ". Carte dessinée par Carence avec les styles SLD de ses services WMS.").raw("</p>");
        h.raw("</td></tr></table>");
        h.raw("</body></html>");
        return h.toString();
    }

    /** "1:250 000": the scale denominator rounded to two significant figures. */
    static double roundScale(double n) {
        double pow = Math.pow(10, Math.floor(Math.log10(n)) - 1);
        return Math.round(n / pow) * pow;
    }

    /** When the flows are drawn: how many of the flows drawn are modelled (dashed), not observed. */
    private Optional<String> fluxCue(Demande d, ScenarioRecord s) {
        boolean drawn = d.couches().stream().anyMatch(c -> c.name().equals(ResultLayers.FLUX_OD))
                && catalog.layer(ResultLayers.FLUX_OD).isPresent() && catalog.columnReadable(ResultLayers.FLUX_OD, "modelise")
                && store.schema(ResultLayers.FLUX_OD).isPresent();
        if (!drawn) {
            return Optional.empty();
        }
        Filter ofScenario = new Filter.Compare(ResultLayers.PARTITION, ComparisonOperator.EQ, s.id());
        long all = store.count(ResultLayers.FLUX_OD, FeatureQuery.all().withFilter(ofScenario));
        long modelled = store.count(ResultLayers.FLUX_OD, FeatureQuery.all().withFilter(new Filter.And(List.of(ofScenario,
                new Filter.Compare("modelise", ComparisonOperator.EQ, Boolean.TRUE)))));
        return Optional.of("Flux domicile-travail : " + FrenchText.number(modelled, 0) + " des " + FrenchText.number(all, 0)
                + " flux tracés sont modélisés (modèle de radiation, traits tiretés), les autres observés par l'INSEE (MOBPRO, traits pleins).");
    }

    /**
     * The input layers the scenario read, each named as its provenance names it (one wording for
     * the dossier, this map and the web map), with their publisher vintage.
     */
    static String sources(ScenarioRecord s) {
        if (s.provenance() == null || s.provenance().isEmpty()) {
            return "Provenance non enregistrée pour ce scénario.";
        }
        List<String> dated = new ArrayList<>();
        List<String> undated = new ArrayList<>();
        for (InputVersion v : s.provenance()) {
            if (v.millesime() == null || v.millesime().isBlank()) {
                undated.add(v.libelle());
            } else {
                // "Couverture en fibre optique (ARCEP) 2018T1": the wording of the dossier and the web map's cartouche.
                dated.add(v.libelle() + " " + v.millesime());
            }
        }
        return "Données lues par le calcul : " + (dated.isEmpty() ? "aucun millésime déclaré" : String.join(", ", dated))
                + (undated.isEmpty() ? "" : " ; sans millésime déclaré : " + String.join(", ", undated)) + ".";
    }

    private static final String CSS = """
            @page { size: A4 landscape; margin: 10mm 14mm 12mm 14mm;
              @bottom-left { content: "Carence — carte imprimée"; font-family: 'DejaVu Sans'; font-size: 7pt; color: #555; }
              @bottom-right { content: "page " counter(page) " sur " counter(pages); font-family: 'DejaVu Sans'; font-size: 7pt; color: #555; } }
            body { font-family: 'DejaVu Sans'; font-size: 8pt; color: #222; }
            h1 { font-size: 14pt; margin: 0 0 1mm 0; color: #000091; }
            h2 { font-size: 10pt; margin: 3mm 0 1mm 0; color: #000091; page-break-after: avoid; }
            p { margin: 1mm 0; }
            .sous-titre, .echelle, .definition { font-size: 7.5pt; color: #333; }
            .sources { font-size: 6.3pt; color: #333; }
            table.mise-en-page { border-collapse: collapse; width: 100%; }
            td.carte { width: 72%; vertical-align: top; padding: 0 3mm 0 0; }
            td.carte img { width: 100%; }
            td.cote { vertical-align: top; font-size: 6.8pt; }
            td.cote h2 { font-size: 9pt; margin: 2mm 0 0.8mm 0; }
            .entree { margin: 0 0 0.6mm 0; font-size: 6.5pt; }
            .commentaire { border: 1px solid #000091; background: #f0f0ff; padding: 1.5mm; margin: 1.5mm 0; white-space: pre-wrap; }
            .flux { font-weight: bold; }
            """;
}
