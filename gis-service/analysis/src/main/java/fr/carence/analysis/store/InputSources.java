package fr.carence.analysis.store;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What each input layer is, in French, with its publisher and licence: the one declaration the
 * dossier de carence, the printed map and the web map's cartouche all cite, through the scenario's
 * provenance ({@link InputVersion#libelle()}, served by {@code GET /api/scenarios/{id}}).
 *
 * <p>It lives in the analysis, next to the layer names {@link AnalysisInputReader} reads, because the
 * analysis is the lowest module that needs it: it records the provenance these labels describe. The
 * loaders write the layers but never cite them, and the application only displays them.
 * {@code InputSourcesTest} fails when a layer the reader reads has no entry here.
 *
 * <p>Publishers and licences are those of docs/loaders-data.md and of each data folder's
 * {@code SOURCE.md}; a licence is null when the file loaded does not state one (venue inventories,
 * AMII intentions: they vary with the file an administrator loads).
 */
public final class InputSources {

    /**
     * An input layer in words.
     *
     * @param nom what the layer is, in French ("Flux domicile-travail observés")
     * @param producteur who publishes it ("INSEE, MOBPRO"), null when it depends on the file loaded
     * @param licence the publisher's licence, null when not known
     */
    public record InputSource(String nom, String producteur, String licence) {

        /** "Flux domicile-travail observés (INSEE, MOBPRO)": the wording every document uses. */
        public String libelle() {
            return producteur == null ? nom : nom + " (" + producteur + ")";
        }
    }

    private static final String LICENCE_OUVERTE = "Licence Ouverte / Etalab";
    private static final Map<String, InputSource> SOURCES = declare();

    private InputSources() {
    }

    private static Map<String, InputSource> declare() {
        Map<String, InputSource> m = new LinkedHashMap<>();
        // Read by the analysis (AnalysisInputReader).
        m.put(AnalysisInputReader.COMMUNES, new InputSource("Limites communales", "IGN, ADMIN EXPRESS", LICENCE_OUVERTE));
        m.put(AnalysisInputReader.FLUX, new InputSource("Flux domicile-travail observés", "INSEE, MOBPRO", LICENCE_OUVERTE));
        m.put(AnalysisInputReader.ACTIFS_CS1, new InputSource("Actifs par catégorie socioprofessionnelle",
                "INSEE, MOBPRO", LICENCE_OUVERTE));
        m.put(AnalysisInputReader.THD, new InputSource("Couverture en fibre optique", "ARCEP", LICENCE_OUVERTE));
        m.put(AnalysisInputReader.DENSITE, new InputSource("Grille communale de densité", "INSEE", LICENCE_OUVERTE));
        m.put(AnalysisInputReader.FRR, new InputSource("France Ruralités Revitalisation", "DGCL, ANCT", LICENCE_OUVERTE));
        m.put(AnalysisInputReader.MONTAGNE, new InputSource("Communes classées en zone de montagne", "ANCT", LICENCE_OUVERTE));
        m.put(AnalysisInputReader.ZRR, new InputSource("Zones de revitalisation rurale (historique, avant FRR)", "ANCT",
                LICENCE_OUVERTE));
        m.put(AnalysisInputReader.QPV, new InputSource("Quartiers prioritaires de la politique de la ville", "ANCT",
                LICENCE_OUVERTE));
        m.put(AnalysisInputReader.QPV_PERIMETRES, new InputSource("Contours des quartiers prioritaires", "ANCT",
                LICENCE_OUVERTE));
        m.put(AnalysisInputReader.LIEUX, new InputSource("Lieux de télétravail existants", null, null));
        m.put(AnalysisInputReader.LIEUX_COUVERTURE, new InputSource("Couverture de l'inventaire des lieux", null, null));
        m.put(AnalysisInputReader.EPCI, new InputSource("Intercommunalités", "DGCL", LICENCE_OUVERTE));
        m.put(AnalysisInputReader.DEPARTEMENTS, new InputSource("Départements", "INSEE", LICENCE_OUVERTE));
        m.put(AnalysisInputReader.INTENTIONS, new InputSource("Intentions d'investissement déclarées à l'AMII", null, null));
        // Loaded inputs the analysis does not read (drawn on maps, or feeding the layers above).
        m.put("communes_insee", new InputSource("Code officiel géographique et populations", "INSEE", LICENCE_OUVERTE));
        m.put("codes_communes_historique", new InputSource("Historique des codes communaux", "INSEE", LICENCE_OUVERTE));
        m.put("regions_insee", new InputSource("Régions", "INSEE", LICENCE_OUVERTE));
        m.put("departements", new InputSource("Limites départementales", "IGN, ADMIN EXPRESS", LICENCE_OUVERTE));
        m.put("regions", new InputSource("Limites régionales", "IGN, ADMIN EXPRESS", LICENCE_OUVERTE));
        m.put("massifs", new InputSource("Massifs de montagne", "ANCT", LICENCE_OUVERTE));
        m.put("ruralite", new InputSource("Typologie des ruralités", "ANCT", LICENCE_OUVERTE));
        m.put("centralite", new InputSource("Niveaux de centralité", "ANCT", LICENCE_OUVERTE));
        m.put("zrr_perimetre", new InputSource("Périmètre des zones de revitalisation rurale (historique)", "ANCT",
                LICENCE_OUVERTE));
        return java.util.Collections.unmodifiableMap(m);
    }

    /** The layer's source, empty for a layer that is not an input (a result layer, a layer unknown here). */
    public static Optional<InputSource> of(String layer) {
        return Optional.ofNullable(SOURCES.get(layer));
    }

    /** Every declared input layer, those the analysis reads first, in reading order. */
    public static Set<String> layers() {
        return SOURCES.keySet();
    }
}
