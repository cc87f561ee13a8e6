package fr.carence.analysis.model;

/**
 * An existing telework venue (or a chosen site) as a supply point for the 2SFCA.
 *
 * @param id feature id
 * @param place location in the legal CRS
 * @param seats capacity (a default when unknown)
 * @param seatsKnown false when {@code seats} is the default capacity
 */
public record Venue(String id, Place place, double seats, boolean seatsKnown) {
}
