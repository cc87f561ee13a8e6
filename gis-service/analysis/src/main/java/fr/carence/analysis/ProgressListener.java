package fr.carence.analysis;

/** Receives the progress of a run: fraction done in [0, 1] and the current step's label. */
@FunctionalInterface
public interface ProgressListener {
    void progress(double fraction, String step);

    ProgressListener NONE = (f, s) -> { };
}
