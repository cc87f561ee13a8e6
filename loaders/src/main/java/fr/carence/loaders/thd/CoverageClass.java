package fr.carence.loaders.thd;

/**
 * ARCEP's FttH coverage class of a commune ("Catégorie"): 0 when no premises are connectable,
 * then 5 (under 10 %), 10 (10–25 %), 25 (25–50 %), 50 (50–80 %), 80 (80 % and more). Checked
 * against the T1 2018 file: 35,359 of 35,361 published classes equal the class recomputed
 * from raccordables / (logements + établissements).
 */
final class CoverageClass {

    private CoverageClass() {
    }

    static int of(double raccordables, double taux) {
        if (raccordables <= 0) {
            return 0;
        }
        if (taux < 0.10) {
            return 5;
        }
        if (taux < 0.25) {
            return 10;
        }
        if (taux < 0.50) {
            return 25;
        }
        return taux < 0.80 ? 50 : 80;
    }

    /** raccordables / locaux capped at 1; 1 when premises are unknown (0) but some are connectable. */
    static double taux(double locaux, double raccordables) {
        if (locaux <= 0) {
            return raccordables > 0 ? 1 : 0;
        }
        return Math.min(1, raccordables / locaux);
    }
}
