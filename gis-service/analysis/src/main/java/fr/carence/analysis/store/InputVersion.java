package fr.carence.analysis.store;

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
 */
public record InputVersion(String couche, String millesime, String sha256, String chargement, String fichiers,
                           long entites) {

    static InputVersion of(LayerInfo info) {
        LayerInfo.Source s = info.source();
        return new InputVersion(info.layer(), s == null ? null : s.vintage(), s == null ? null : s.sha256(),
                info.committedAt().toString(), s == null ? null : s.files(), info.featureCount());
    }

    /** Whether {@code current} (the layer as published now) is still this version. */
    public boolean sameAs(LayerInfo current) {
        return current != null && current.committedAt().toString().equals(chargement);
    }
}
