package fr.carence.loaders.core;

/**
 * How a publisher writes numbers, so a loader accepts exactly its conventions and nothing else.
 *
 * @param decimalComma "12,5" means 12.5 (INSEE and ARCEP French exports)
 * @param groupingSpaces "1 460" (space, no-break or narrow no-break space) means 1460
 * @param dashIsEmpty "-" (or "–") means "no value", like an empty cell
 */
public record NumberStyle(boolean decimalComma, boolean groupingSpaces, boolean dashIsEmpty) {

    /** Plain machine format: "1460", "12.5". */
    public static final NumberStyle PLAIN = new NumberStyle(false, false, false);

    /** French office format: "1 460", "12,5", "-" for none. */
    public static final NumberStyle FRENCH = new NumberStyle(true, true, true);
}
