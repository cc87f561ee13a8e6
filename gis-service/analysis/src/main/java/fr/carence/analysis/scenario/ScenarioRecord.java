package fr.carence.analysis.scenario;

import fr.carence.analysis.store.InputVersion;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * One row of the {@code scenarios} table, as the REST API shows it.
 *
 * @param id scenario id (also the partition value of the result layers)
 * @param nom display name
 * @param parametres complete validated parameters
 * @param statut en_attente, en_cours, termine or echec
 * @param progression 0–1
 * @param etape current step label while running
 * @param message error message when failed
 * @param tempsEtapesMs time per step (ms)
 * @param resume result figures, null until finished
 * @param auteur login of whoever launched the run; null for runs the server started itself
 *               (the default scenario) and for records written before authors were kept
 * @param provenance the version of each input layer the run read (couche, millesime, sha256,
 *                   chargement…); null until finished and for runs before this was recorded
 * @param versionMethode project version and git commit of the code that computed it
 * @param entreesModifiees input layers republished since the run (not stored: computed when the
 *                         record is read); empty when its inputs are unchanged, null when unknown
 */
public record ScenarioRecord(String id, String nom, Map<String, Object> parametres, String statut, double progression,
                             String etape, String message, Instant createdAt, Instant startedAt, Instant finishedAt,
                             Long dureeMs, Map<String, Long> tempsEtapesMs, List<String> avertissements,
                             Resume resume, String auteur, List<InputVersion> provenance, String versionMethode,
                             List<String> entreesModifiees) {

    public static final String EN_ATTENTE = "en_attente";
    public static final String EN_COURS = "en_cours";
    public static final String TERMINE = "termine";
    public static final String ECHEC = "echec";

    /** Headline figures of a finished run. */
    public record Resume(String sourceFlux, Integer nbCommunes, Integer nbCommunesFluxModelises,
                         Integer nbCommunesCarence, Integer nbZones, Double demandeTotale, Double demandeCarence,
                         Double demandeCouverte, Double seuilAccessibiliteApplique, String methodeSites,
                         Double ecartOptimalite, Double kmEvitesAn, Double kgCo2eEvitesAn) {
    }

    /**
     * This record as a caller sees it: each field stored in a column of the {@code scenarios}
     * table that {@code readable} refuses (site-derived figures, the author) becomes null.
     */
    public ScenarioRecord readableBy(Predicate<String> readable) {
        Resume r = resume == null ? null : new Resume(
                keep(readable, "source_flux", resume.sourceFlux()), keep(readable, "nb_communes", resume.nbCommunes()),
                keep(readable, "nb_communes_flux_modelises", resume.nbCommunesFluxModelises()),
                keep(readable, "nb_communes_carence", resume.nbCommunesCarence()), keep(readable, "nb_zones", resume.nbZones()),
                keep(readable, "demande_totale", resume.demandeTotale()),
                keep(readable, "demande_carence", resume.demandeCarence()),
                keep(readable, "demande_couverte", resume.demandeCouverte()),
                keep(readable, "seuil_accessibilite_applique", resume.seuilAccessibiliteApplique()),
                keep(readable, "methode_sites", resume.methodeSites()),
                keep(readable, "ecart_optimalite", resume.ecartOptimalite()),
                keep(readable, "km_evites_an", resume.kmEvitesAn()),
                keep(readable, "kg_co2e_evites_an", resume.kgCo2eEvitesAn()));
        return new ScenarioRecord(id, nom, parametres, statut, progression, etape, message, createdAt, startedAt,
                finishedAt, dureeMs, tempsEtapesMs, avertissements, r, keep(readable, "auteur", auteur),
                provenance, versionMethode, entreesModifiees);
    }

    private static <T> T keep(Predicate<String> readable, String column, T value) {
        return readable.test(column) ? value : null;
    }

    public boolean active() {
        return EN_ATTENTE.equals(statut) || EN_COURS.equals(statut);
    }

    ScenarioRecord withProgress(String newStatut, double p, String step) {
        return new ScenarioRecord(id, nom, parametres, newStatut, p, step, message, createdAt, startedAt, finishedAt,
                dureeMs, tempsEtapesMs, avertissements, resume, auteur, provenance, versionMethode, entreesModifiees);
    }

    ScenarioRecord withInputsChanged(List<String> changed) {
        return new ScenarioRecord(id, nom, parametres, statut, progression, etape, message, createdAt, startedAt,
                finishedAt, dureeMs, tempsEtapesMs, avertissements, resume, auteur, provenance, versionMethode, changed);
    }
}
