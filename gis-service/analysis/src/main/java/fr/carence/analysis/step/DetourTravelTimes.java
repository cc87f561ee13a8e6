package fr.carence.analysis.step;

import fr.carence.analysis.model.Place;

/**
 * Travel time estimated from the straight-line distance in the legal CRS: distance × detour
 * factor ÷ speed. The default when no road travel-time matrix is supplied.
 */
public record DetourTravelTimes(double detourFactor, double speedKmh) implements TravelTimes {

    @Override
    public double minutes(Place from, Place to) {
        double metres = from.distanceTo(to);
        return metres * detourFactor / 1000.0 / speedKmh * 60.0;
    }

    /** Straight-line metres that correspond to the given time, for spatial pre-filtering. */
    public double metresFor(double minutes) {
        return minutes / 60.0 * speedKmh * 1000.0 / detourFactor;
    }
}
