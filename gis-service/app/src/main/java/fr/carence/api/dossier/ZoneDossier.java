package fr.carence.api.dossier;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import fr.carence.analysis.scenario.ScenarioRecord;
import fr.carence.store.Feature;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Envelope;

/**
 * Everything a dossier de carence shows, read once from the store for one zone of one scenario
 * and for one caller: the PDF and the GeoPackage are two writings of this same content, so they
 * cannot disagree. Features are the result layers' rows as the WFS serves them (same columns,
 * same values); restricted content (candidate sites, {@code site_*} columns) is already left out
 * when the caller may not read it.
 *
 * @param scenario the finished scenario
 * @param zone the {@code zones_carence} row
 * @param resume the zone's name, unit and robustness class (read from the zone when the method
 *               provides them, derived otherwise)
 * @param communes the zone's communes ({@code indicateurs_communes}), by decreasing score
 * @param lieux existing venues nearest to the zone, with their distance
 * @param sites candidate sites serving the zone's communes; empty when {@code sitesLisibles} is false
 * @param sitesLisibles whether the caller may read candidate sites (FUNDER, ADMIN)
 * @param parametres the scenario's parameters, in plain French
 * @param sources provenance of the input layers (publisher vintage, load date)
 * @param versionMethode method version (the scenario's {@code version_methode} when recorded, else the service's version)
 * @param etendueCarte map extent in Lambert-93
 * @param produitLe when the dossier was produced
 * @param amii the AMII status of the zone (applied or not, what remains, the intentions touching it)
 */
public record ZoneDossier(ScenarioRecord scenario, Feature zone, ZoneResume resume, List<Feature> communes,
                          List<LieuProche> lieux, List<Feature> sites, boolean sitesLisibles,
                          List<ParametreAffiche> parametres, List<SourceAffichee> sources, String versionMethode,
                          Envelope etendueCarte, Instant produitLe, Amii amii) {

    /**
     * The zone after the AMII (docs/amii.md).
     *
     * @param statut the scenario's AMII status ({@code statut_amii} of {@code zones_carence_residuelles})
     * @param reste what remains of the zone: its {@code zones_carence_residuelles} row (caller's columns),
     *              null when nothing remains or the scenario predates the residual layer
     * @param bilan one sentence: how much of the zone the intentions serve
     * @param intentions the intentions near the zone ({@code intentions_amii}, with their distance); empty
     *                   when none or when the caller may not read them
     * @param intentionsLisibles whether the caller may read the intentions (accounts)
     * @param doublonsPossibles per id of a listed intention declared {@code ouvert}, the names of the
     *                          venues the inventory already lists in its commune (it may be one of them,
     *                          its seats then counted twice); empty when none or not readable
     */
    public record Amii(String statut, Feature reste, String bilan, List<LieuProche> intentions, boolean intentionsLisibles,
                       Map<String, List<String>> doublonsPossibles) {
    }

    /**
     * @param id zone id as in the layer ({@code scenario:zone-rang} today)
     * @param nom readable name (the zone's {@code nom} when present)
     * @param rang rank by total score
     * @param unite zoning unit (the zone's {@code unite} when present)
     * @param classeRobustesse the zone's {@code classe_robustesse}, null when the method has not computed it
     */
    public record ZoneResume(String id, String nom, int rang, String unite, String classeRobustesse) {
    }

    /**
     * A line of the web map's zones table: the zone's summary, its figures (the columns the caller
     * may read; null otherwise) and its communes named, most populous first.
     */
    public record ZoneLigne(@JsonUnwrapped ZoneResume resume, int nbCommunes, Double population, Double demande,
                            Double score, Integer nbFluxModelises, List<CommuneNommee> communes) {
    }

    /** A commune of a zone: code and name. */
    public record CommuneNommee(String code, String nom) {
    }

    /** An existing venue and its straight-line distance to the zone (0 inside). */
    public record LieuProche(Feature lieu, double distanceKm) {
    }

    /** One scenario parameter: its French description, value and unit (never its code alone). */
    public record ParametreAffiche(String nom, String description, String valeur, String unite) {
    }

    /**
     * One input layer: what it is (with its publisher), its publisher vintage, its licence (null when
     * not known), where it comes from and when it was loaded.
     */
    public record SourceAffichee(String couche, String libelle, String millesime, String licence, String fichiers,
                                 Instant chargeLe) {
    }

    /** The zone's share of communes whose commuting flows are modelled, not observed. */
    public int communesFluxModelises() {
        return ((Number) zone.get("nb_flux_modelises")).intValue();
    }

    public int nbCommunes() {
        return ((Number) zone.get("nb_communes")).intValue();
    }
}
