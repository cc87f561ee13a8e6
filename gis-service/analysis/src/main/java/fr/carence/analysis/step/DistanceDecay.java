package fr.carence.analysis.step;

/**
 * Step-wise distance decay of the enhanced 2SFCA (Luo & Qi 2009): the catchment is cut into three
 * equal time bands weighted w1 ≥ w2 ≥ w3; beyond the catchment the weight is 0.
 */
public record DistanceDecay(double catchmentMinutes, double w1, double w2, double w3) {

    public double weight(double minutes) {
        if (!(minutes <= catchmentMinutes)) {
            return 0;
        }
        double band = catchmentMinutes / 3.0;
        if (minutes < band) {
            return w1;
        }
        return minutes < 2 * band ? w2 : w3;
    }
}
