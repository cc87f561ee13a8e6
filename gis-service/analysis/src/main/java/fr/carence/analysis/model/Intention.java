package fr.carence.analysis.model;

/**
 * An investment intention declared in answer to an AMII (layer {@code intentions_amii}): a venue
 * that may open, applied by a scenario as future supply beside the existing venues.
 *
 * @param id identifier in the AMII file
 * @param porteur who declared it
 * @param places seats declared
 * @param statut projet, confirme, ouvert or abandonne
 * @param place location in the legal CRS (declared coordinates or the commune's representative point)
 */
public record Intention(String id, String porteur, double places, String statut, Place place) {

    /**
     * The statut of a venue already open: the one that may also be in the venue inventory (a run
     * warns of it, the zone dossier marks it).
     */
    public static final String OUVERT = "ouvert";

    /** As a supply point of the 2SFCA, with its declared seats. */
    public Venue asVenue() {
        return new Venue("intention:" + id, place, places, true);
    }

    /** "AMII-3 (SARL Exemple, 12 places, confirme)": how a zone lists the intentions touching it. */
    public String label() {
        return id + " (" + porteur + ", " + Math.round(places) + " places, " + statut + ")";
    }
}
