package fr.carence.analysis.model;

import java.util.List;

/**
 * An existing telework venue (or a chosen site) as a supply point for the 2SFCA.
 *
 * @param id feature id
 * @param place location in the legal CRS
 * @param seats capacity (a default when unknown)
 * @param seatsKnown false when {@code seats} is the default capacity
 */
public record Venue(String id, Place place, double seats, boolean seatsKnown) {

    /** The venues with {@code defaultSeats} where the capacity is unknown (NaN) or not positive. */
    public static List<Venue> withDefaultSeats(List<Venue> venues, double defaultSeats) {
        return venues.stream().map(v -> Double.isNaN(v.seats()) || v.seats() <= 0
                ? new Venue(v.id(), v.place(), defaultSeats, false) : v).toList();
    }
}
