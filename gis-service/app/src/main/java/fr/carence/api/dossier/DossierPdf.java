package fr.carence.api.dossier;

import com.openhtmltopdf.extend.FSSupplier;
import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import fr.carence.store.Feature;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * Writes a {@link ZoneDossier} as a multi-page A4 PDF: an XHTML page built here (the template),
 * laid out by openhtmltopdf on PDFBox with DejaVu Sans embedded (it has « ₂ », « ≥ » and the
 * French no-break spaces). Every figure goes through {@link FrenchText}, with the number of
 * decimals stated once per column in {@link Figures}.
 */
public final class DossierPdf {

    private static final byte[] REGULAR = font("/dossier/fonts/DejaVuSans.ttf");
    private static final byte[] BOLD = font("/dossier/fonts/DejaVuSans-Bold.ttf");
    static final String FONT_FAMILY = "DejaVu Sans";

    private final DossierMap maps;

    public DossierPdf(DossierMap maps) {
        this.maps = maps;
    }

    public void write(ZoneDossier d, OutputStream out) throws IOException {
        writeHtml(html(d, maps.draw(d)), out);
    }

    /** Lays out an XHTML page as PDF with the embedded DejaVu fonts (the dossier and the printed map). */
    public static void writeHtml(String html, OutputStream out) throws IOException {
        PdfRendererBuilder b = new PdfRendererBuilder();
        b.useFastMode();
        b.useFont((FSSupplier<InputStream>) () -> new ByteArrayInputStream(REGULAR), FONT_FAMILY, 400, FontStyle.NORMAL, true);
        b.useFont((FSSupplier<InputStream>) () -> new ByteArrayInputStream(BOLD), FONT_FAMILY, 700, FontStyle.NORMAL, true);
        b.withHtmlContent(html, null);
        b.withProducer("Carence");
        b.toStream(out);
        b.run();
    }

    /** The XHTML page (package-private for tests of the template). */
    static String html(ZoneDossier d, DossierMap.Drawn map) {
        ZoneDossier.ZoneResume z = d.resume();
        Feature zone = d.zone();
        Html h = new Html();
        h.raw("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"fr\"><head>");
        h.raw("<title>").text("Dossier de carence — " + z.nom()).raw("</title>");
        h.raw("<meta name=\"subject\" content=\"").text("Zone de carence " + z.id()).raw("\"/>");
        h.raw("<style>").raw(CSS).raw("</style></head><body>");

        h.raw("<h1>").text("Dossier de carence — " + z.nom()).raw("</h1>");
        h.raw("<p class=\"sous-titre\">").text("Zone n° " + z.rang() + " du scénario « " + d.scenario().nom()
                + " » (identifiant " + d.scenario().id() + ") · zone " + z.id() + " · unité de zonage : " + z.unite()
                + " · classe de robustesse : " + (z.classeRobustesse() == null
                ? "non calculée par cette version de la méthode" : z.classeRobustesse())).raw("</p>");
        h.raw("<p class=\"date\">").text("Document produit le " + FrenchText.dateTime(d.produitLe())
                + " ; scénario calculé le " + FrenchText.dateTime(d.scenario().finishedAt()) + ".").raw("</p>");

        h.raw("<div class=\"encadre\"><p><b>").text("Statut de l'appel à manifestation d'intention d'investissement (AMII) :")
                .raw("</b> ").text(d.amii().statut()).raw("</p>");
        if (d.amii().bilan() != null) {
            h.raw("<p>").text(d.amii().bilan()).raw("</p>");
        }
        h.raw("<p>").text("Flux domicile-travail : " + d.communesFluxModelises() + " des " + d.nbCommunes()
                + " communes de la zone (" + FrenchText.percent(share(d.communesFluxModelises(), d.nbCommunes()), 0)
                + ") ont des flux modélisés (modèle de radiation), pas observés : leur demande est une estimation.")
                .raw("</p></div>");

        // Map, legend, scale, sources and date.
        h.raw("<div class=\"carte\"><img src=\"data:image/png;base64,").raw(png(map.image())).raw("\" alt=\"Carte de la zone\"/>");
        h.raw("<p class=\"legende-carte\">").text("Carte : Lambert-93 (EPSG:2154), barre d'échelle de "
                + FrenchText.number(map.scaleBarKm(), map.scaleBarKm() < 1 ? 1 : 0) + " km, nord en haut. Sources : "
                + sourcesShort(d) + ". Dessinée par Carence le " + FrenchText.date(d.produitLe()) + ".").raw("</p>");
        h.raw("<table class=\"legende\"><tr>");
        int col = 0;
        for (DossierMap.Legend l : map.legend()) {
            if (col > 0 && col % 3 == 0) {
                h.raw("</tr><tr>");
            }
            h.raw("<td><b>").text(l.title()).raw("</b><br/><img src=\"data:image/png;base64,").raw(png(l.image()))
                    .raw("\" style=\"width:").raw(Integer.toString(Math.max(1, l.image().getWidth() * 45 / 100)))
                    .raw("px\"/></td>");
            col++;
        }
        h.raw("</tr></table></div>");

        // Key figures of the zone.
        h.raw("<h2 class=\"nouvelle-page\">Indicateurs de la zone</h2><table class=\"chiffres\"><thead><tr><th>Indicateur</th><th>Valeur</th><th>Unité</th><th>Définition</th></tr></thead><tbody>");
        for (Figures.Indicator i : Figures.ZONE) {
            if (!zone.properties().containsKey(i.column())) {
                continue; // a column the caller may not read (DossierReader kept only readable ones): no row at all
            }
            h.raw("<tr><td>").text(i.label()).raw("</td><td class=\"n\">").text(FrenchText.number(zone.get(i.column()), i.decimals()))
                    .raw("</td><td>").text(i.unit()).raw("</td><td>").text(i.definition()).raw("</td></tr>");
        }
        h.raw("</tbody></table>");

        h.raw("<h2>Catégories de fragilité</h2><p>").text("Nombre de communes de la zone dans chaque catégorie de territoire fragile (une commune peut relever de plusieurs).").raw("</p>");
        h.raw("<table class=\"chiffres\"><thead><tr><th>Catégorie</th><th>Communes</th><th>Définition</th></tr></thead><tbody>");
        for (Figures.Indicator i : Figures.FRAGILITES_ZONE) {
            h.raw("<tr><td>").text(i.label()).raw("</td><td class=\"n\">").text(FrenchText.number(zone.get(i.column()), 0))
                    .raw("</td><td>").text(i.definition()).raw("</td></tr>");
        }
        h.raw("<tr><td>Massifs</td><td colspan=\"2\">").text(zone.get("massifs") == null ? "aucun" : zone.get("massifs").toString()).raw("</td></tr>");
        h.raw("</tbody></table>");

        // Communes.
        h.raw("<h2>Communes de la zone</h2><p>").text("Par score de carence décroissant. Accessibilité : places de lieux de télétravail pour 1 000 télétravailleurs potentiels, pondérées par le temps de trajet.").raw("</p>");
        h.raw("<table class=\"communes\"><thead><tr><th>Code officiel géographique</th><th>Commune</th>");
        for (Figures.Indicator i : Figures.COMMUNE) {
            h.raw("<th>").text(i.label()).raw("<br/><small>").text(i.unit()).raw("</small></th>");
        }
        h.raw("<th>Fragilités</th>");
        if (d.sitesLisibles()) {
            h.raw("<th>Site qui la dessert</th>");
        }
        h.raw("</tr></thead><tbody>");
        for (Feature c : d.communes()) {
            h.raw("<tr><td>").text((String) c.get("code")).raw("</td><td>").text(name(c.get("nom"))).raw("</td>");
            for (Figures.Indicator i : Figures.COMMUNE) {
                h.raw("<td class=\"n\">").text(i.format(c.get(i.column()))).raw("</td>");
            }
            h.raw("<td>").text(Figures.fragilites(c)).raw("</td>");
            if (d.sitesLisibles()) {
                h.raw("<td>").text(siteName(d, c.get("site_desservant"))).raw("</td>");
            }
            h.raw("</tr>");
        }
        h.raw("</tbody></table>");
        h.raw("<p class=\"note\">").text(definitions(Figures.COMMUNE)).raw("</p>");

        // Existing venues.
        h.raw("<h2>Lieux de télétravail existants les plus proches</h2>");
        if (d.lieux().isEmpty()) {
            h.raw("<p>").text("Aucun lieu existant à moins de " + FrenchText.number(DossierReader.LIEUX_RAYON_M / 1000, 0) + " km de la zone.").raw("</p>");
        } else {
            h.raw("<table class=\"chiffres\"><thead><tr><th>Lieu</th><th>Type</th><th>Code de la commune</th><th>Places</th><th>Distance à la zone<br/><small>km, à vol d'oiseau</small></th></tr></thead><tbody>");
            for (ZoneDossier.LieuProche l : d.lieux()) {
                Feature f = l.lieu();
                h.raw("<tr><td>").text(name(f.get("nom"))).raw("</td><td>").text(name(f.get("type"))).raw("</td><td>")
                        .text(name(f.get("code_commune"))).raw("</td><td class=\"n\">")
                        .text(f.get("capacite") == null ? "inconnu" : FrenchText.number(f.get("capacite"), 0))
                        .raw("</td><td class=\"n\">").text(FrenchText.number(l.distanceKm(), 1)).raw("</td></tr>");
            }
            h.raw("</tbody></table>");
        }

        // AMII: what remains of the zone, and the intentions near it (accounts only).
        h.raw("<h2>Intentions d'investissement (AMII)</h2><p>").text(d.amii().statut()).raw("</p>");
        Feature reste = d.amii().reste();
        if (reste != null && reste.get("intentions") != null) {
            h.raw("<p>").text("Intentions appliquées qui touchent la zone (à moins de la durée du bassin d'une de ses "
                    + "communes) : " + reste.get("intentions") + ".").raw("</p>");
        }
        if (!d.amii().intentionsLisibles()) {
            h.raw("<p>").text("La liste des intentions déclarées est réservée aux comptes (planificateurs, financeurs) : "
                    + "se connecter pour la voir.").raw("</p>");
        } else if (d.amii().intentions().isEmpty()) {
            h.raw("<p>").text("Aucune intention déclarée à moins de " + FrenchText.number(DossierReader.LIEUX_RAYON_M / 1000, 0)
                    + " km de la zone.").raw("</p>");
        } else {
            h.raw("<table class=\"chiffres\"><thead><tr><th>Intention</th><th>Porteur</th><th>Type</th><th>Places</th><th>Ouverture prévue</th><th>Statut</th><th>Distance à la zone<br/><small>km, à vol d'oiseau</small></th></tr></thead><tbody>");
            for (ZoneDossier.LieuProche l : d.amii().intentions()) {
                Feature f = l.lieu();
                List<String> same = d.amii().doublonsPossibles().get(f.id());
                h.raw("<tr><td>").text(name(f.get("id"))).raw("</td><td>").text(name(f.get("porteur"))).raw("</td><td>")
                        .text(name(f.get("type"))).raw("</td><td class=\"n\">").text(FrenchText.number(f.get("places"), 0))
                        .raw("</td><td>").text(name(f.get("date_ouverture"))).raw("</td><td>").text(name(f.get("statut"))
                                + (same == null ? "" : " — doublon possible de " + String.join(", ", same)
                                + ", déjà inventorié" + (same.size() > 1 ? "s" : "") + " dans la commune"))
                        .raw("</td><td class=\"n\">").text(FrenchText.number(l.distanceKm(), 1)).raw("</td></tr>");
            }
            h.raw("</tbody></table>");
            if (!d.amii().doublonsPossibles().isEmpty()) {
                h.raw("<p class=\"note\">").text("Une intention « ouvert » dans une commune où l'inventaire des lieux compte "
                        + "déjà un lieu peut être ce lieu : ses places sont alors comptées deux fois (comme lieu existant et "
                        + "comme intention). Si c'est le même lieu, le retirer du fichier AMII et relancer le scénario.").raw("</p>");
            }
        }

        // Candidate sites: only for callers who may read them.
        if (d.sitesLisibles()) {
            h.raw("<h2>Sites candidats qui desservent la zone</h2>");
            if (d.sites().isEmpty()) {
                h.raw("<p>Aucun site candidat retenu ne dessert cette zone.</p>");
            } else {
                h.raw("<table class=\"chiffres\"><thead><tr><th>Rang</th><th>Commune d'accueil</th>");
                for (Figures.Indicator i : Figures.SITE) {
                    h.raw("<th>").text(i.label()).raw("<br/><small>").text(i.unit()).raw("</small></th>");
                }
                h.raw("</tr></thead><tbody>");
                for (Feature s : d.sites()) {
                    h.raw("<tr><td class=\"n\">").text(String.valueOf(s.get("rang"))).raw("</td><td>").text(name(s.get("nom_commune"))).raw("</td>");
                    for (Figures.Indicator i : Figures.SITE) {
                        h.raw("<td class=\"n\">").text(i.format(s.get(i.column()))).raw("</td>");
                    }
                    h.raw("</tr>");
                }
                h.raw("</tbody></table><p class=\"note\">").text(definitions(Figures.SITE)).raw("</p>");
            }
        }

        // Scenario parameters.
        h.raw("<h2>Paramètres du scénario</h2><table class=\"chiffres\"><thead><tr><th>Paramètre</th><th>Valeur</th><th>Unité</th></tr></thead><tbody>");
        for (ZoneDossier.ParametreAffiche p : d.parametres()) {
            h.raw("<tr><td>").text(p.description()).raw("</td><td class=\"n\">").text(p.valeur()).raw("</td><td>").text(p.unite()).raw("</td></tr>");
        }
        h.raw("</tbody></table>");

        // Provenance.
        h.raw("<h2>Provenance</h2><p>").text("Version de la méthode : " + d.versionMethode() + ".").raw("</p>");
        h.raw("<table class=\"chiffres\"><thead><tr><th>Donnée</th><th>Millésime</th><th>Licence</th><th>Fichiers lus</th><th>Chargée le</th></tr></thead><tbody>");
        for (ZoneDossier.SourceAffichee s : d.sources()) {
            h.raw("<tr><td>").text(s.libelle()).raw("</td><td>").text(s.millesime() == null ? "non indiqué" : s.millesime())
                    .raw("</td><td>").text(s.licence() == null ? "non indiquée" : s.licence())
                    .raw("</td><td class=\"fichiers\">").text(s.fichiers() == null ? "" : s.fichiers()).raw("</td><td>")
                    .text(FrenchText.date(s.chargeLe())).raw("</td></tr>");
        }
        h.raw("</tbody></table>");

        h.raw("<h2>Méthode en bref</h2>");
        for (String para : METHODE) {
            h.raw("<p>").text(para).raw("</p>");
        }
        h.raw("</body></html>");
        return h.toString();
    }

    private static final List<String> METHODE = List.of(
            "1. Demande : les actifs d'une commune qui travaillent dans une autre commune à une distance comprise entre les bornes du scénario, multipliés par la part des emplois télétravaillables, forment les télétravailleurs potentiels.",
            "2. Flux : les flux domicile-travail observés par l'INSEE sont utilisés quand ils couvrent assez d'actifs de la commune ; sinon ils sont estimés par le modèle de radiation (Simini et al., 2012), ce que ce dossier signale.",
            "3. Accessibilité : méthode des aires flottantes à deux étapes (2SFCA, Luo et Wang 2003) avec décroissance par bandes de temps (Luo et Qi 2009) ; le résultat est un nombre de places pour 1 000 télétravailleurs potentiels.",
            "4. Carence présumée : une commune est en carence quand elle relève d'un territoire fragile, que sa demande atteint le minimum du scénario et que son accessibilité est sous le seuil. Les communes en carence contiguës forment une zone ; les zones sont classées par score total.",
            "5. AMII : les intentions d'investissement déclarées à un appel à manifestation d'intention d'investissement sont ajoutées comme lieux futurs (mêmes bassin et décroissance) ; les communes qui restent sous le seuil forment les zones de carence résiduelles. Une intention abandonnée ne compte jamais.",
            "6. Limites : sans AMII appliqué, la carence est présumée par un modèle, pas constatée. Les capacités des lieux existants sont souvent inconnues (valeur par défaut du scénario).");

    private static String definitions(List<Figures.Indicator> indicators) {
        StringBuilder s = new StringBuilder();
        for (Figures.Indicator i : indicators) {
            s.append(i.label()).append(" : ").append(i.definition()).append(' ');
        }
        return s.toString().trim();
    }

    private static String sourcesShort(ZoneDossier d) {
        List<String> parts = new ArrayList<>();
        for (ZoneDossier.SourceAffichee s : d.sources()) {
            if (s.couche().equals("communes") || s.couche().equals(DossierReader.LIEUX_LAYER)) {
                parts.add(s.libelle() + (s.millesime() == null ? "" : " " + s.millesime()));
            }
        }
        parts.add("résultats du scénario « " + d.scenario().nom() + " »");
        return String.join(", ", parts);
    }

    private static String siteName(ZoneDossier d, Object siteId) {
        if (siteId == null) {
            return "aucun";
        }
        return d.sites().stream().filter(s -> s.id().equals(siteId)).findFirst()
                .map(s -> "n° " + s.get("rang") + " " + name(s.get("nom_commune"))).orElse(siteId.toString());
    }

    private static String name(Object v) {
        return v == null ? "–" : v.toString();
    }

    private static double share(int part, int whole) {
        return whole == 0 ? 0 : (double) part / whole;
    }

    public static String png(BufferedImage image) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            ImageIO.write(image, "png", bytes);
            return Base64.getEncoder().encodeToString(bytes.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] font(String path) {
        try (InputStream in = DossierPdf.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("police manquante dans l'application : " + path);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** XHTML under construction: {@link #text} escapes and applies French typography, {@link #raw} does not. */
    public static final class Html {
        private final StringBuilder b = new StringBuilder(64 * 1024);

        public Html raw(String s) {
            b.append(s);
            return this;
        }

        public Html text(String s) {
            String t = FrenchText.typo(s);
            for (int i = 0; i < t.length(); i++) {
                char c = t.charAt(i);
                switch (c) {
                    case '<' -> b.append("&lt;");
                    case '>' -> b.append("&gt;");
                    case '&' -> b.append("&amp;");
                    case '"' -> b.append("&quot;");
                    default -> b.append(c);
                }
            }
            return this;
        }

        @Override
        public String toString() {
            return b.toString();
        }
    }

    private static final String CSS = """
            @page { size: A4; margin: 16mm 14mm 18mm 14mm;
              @bottom-left { content: "Carence — dossier de carence"; font-family: 'DejaVu Sans'; font-size: 7pt; color: #555; }
              @bottom-right { content: "page " counter(page) " sur " counter(pages); font-family: 'DejaVu Sans'; font-size: 7pt; color: #555; } }
            body { font-family: 'DejaVu Sans'; font-size: 8.5pt; color: #222; }
            h1 { font-size: 15pt; margin: 0 0 2mm 0; color: #67000d; }
            h2 { font-size: 11pt; margin: 5mm 0 1.5mm 0; color: #67000d; page-break-after: avoid; }
            h2.nouvelle-page { page-break-before: always; margin-top: 0; }
            p { margin: 1mm 0; }
            .sous-titre { font-size: 9pt; }
            .date, .note, .legende-carte { font-size: 7.5pt; color: #444; }
            .encadre { border: 1px solid #99000d; background: #fff5f0; padding: 2mm; margin: 2mm 0; }
            .carte img { width: 100%; }
            .carte { page-break-inside: avoid; }
            table { border-collapse: collapse; width: 100%; -fs-table-paginate: paginate; }
            thead { display: table-header-group; }
            tr { page-break-inside: avoid; }
            th { background: #f0f0f0; text-align: left; font-weight: bold; }
            th, td { border: 0.5px solid #bbb; padding: 0.8mm 1.2mm; vertical-align: top; }
            td.n { text-align: right; white-space: nowrap; }
            td.fichiers { font-size: 6.5pt; word-wrap: break-word; }
            table.legende td { border: none; font-size: 7pt; }
            table.communes { font-size: 7.5pt; }
            table.chiffres td:first-child { width: 28%; }
            small { font-weight: normal; font-size: 6.5pt; }
            """;
}
