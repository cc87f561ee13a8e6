package fr.carence.ogc.core;

import fr.carence.ogc.OwsException;

/** The four corner numbers of a bbox parameter (WMS BBOX, OGC API bbox): finite numbers or a 400 naming the parameter. */
public final class BboxNumbers {

    private BboxNumbers() {
    }

    /**
     * @param parts the comma-separated values (only the first four are read)
     * @param locator the parameter, as the exception's locator
     * @param label how messages name the parameter (e.g. "BBOX", "Paramètre bbox")
     */
    public static double[] parse(String[] parts, String locator, String label) {
        double[] v = new double[4];
        for (int i = 0; i < 4; i++) {
            try {
                v[i] = Double.parseDouble(parts[i].trim());
            } catch (NumberFormatException e) {
                v[i] = Double.NaN;
            }
            if (!Double.isFinite(v[i])) {
                throw OwsException.badRequest(OwsException.INVALID_PARAMETER_VALUE, locator,
                        label + " : « " + parts[i].trim() + " » n'est pas un nombre.");
            }
        }
        return v;
    }
}
