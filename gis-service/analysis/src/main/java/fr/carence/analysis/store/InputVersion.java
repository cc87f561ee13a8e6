package fr.carence.analysis.store;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import fr.carence.store.LayerInfo;

/**
 * The version of one input layer a scenario read (its {@code provenance}).
 *
 * @param couche layer name
 * @param millesime the publisher's vintage, null when the file does not give one
 * @param sha256 SHA-256 of the files loaded, null for layers loaded before digests were recorded
 * @param chargement when that version was published in the store (ISO-8601, UTC): identifies it
 * @param fichiers files read by the load
 * @param entites features of that version
 *
 * <p>Each entry also states what the layer is ({@link #libelle()}, {@link #producteur()},
 * {@link #licence()}), from {@link InputSources}: derived on output, never stored nor read back.
 */
@JsonIgnoreProperties(value = {"libelle", "producteur", "licence"}, allowGetters = true)
public record InputVersion(String couche, String millesime, String sha256, String chargement, String fichiers,
                           long entites) {

    /** The version {@code info} describes (the layer as published now, or one of its history). */
    public static InputVersion of(LayerInfo info) {
        LayerInfo.Source s = info.source();
        return new InputVersion(info.layer(), s == null ? null : s.vintage(), s == null ? null : s.sha256(),
                info.committedAt().toString(), s == null ? null : s.files(), info.featureCount());
    }

    /** The layer in words, publisher included ("Flux domicile-travail observés (INSEE, MOBPRO)"); its name when undeclared. */
    @JsonProperty("libelle")
    public String libelle() {
        return InputSources.of(couche).map(InputSources.InputSource::libelle).orElse(couche);
    }

    /** Who publishes the layer, null when it depends on the file loaded. */
    @JsonProperty("producteur")
    public String producteur() {
        return InputSources.of(couche).map(InputSources.InputSource::producteur).orElse(null);
    }

    /** The publisher's licence, null when not known. */
    @JsonProperty("licence")
    public String licence() {
        return InputSources.of(couche).map(InputSources.InputSource::licence).orElse(null);
    }

    /** Whether {@code current} (the layer as published now) is still this version. */
    public boolean sameAs(LayerInfo current) {
        return current != null && current.committedAt().toString().equals(chargement);
    }
}
