package fr.carence.analysis.step;

import fr.carence.analysis.model.Place;

/** Car travel time between two places, in minutes (+∞ when unreachable). */
@FunctionalInterface
public interface TravelTimes {
    double minutes(Place from, Place to);
}
