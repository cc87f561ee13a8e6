package fr.carence.analysis.model;

/**
 * Home-to-work commuters between two communes (indices into the commune list).
 *
 * @param origin index of the commune of residence
 * @param destination index of the commune of work
 * @param commuters all modes
 * @param carCommuters commuters by car, or NaN when the mode is unknown (aggregated or modelled flows)
 * @param modelled true when estimated by the radiation model rather than read from INSEE files
 */
public record Flow(int origin, int destination, double commuters, double carCommuters, boolean modelled) {
}
