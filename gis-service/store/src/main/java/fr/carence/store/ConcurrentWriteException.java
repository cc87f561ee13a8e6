package fr.carence.store;

/**
 * A write was not published because another write changed the same layer after this one read
 * it (copy-on-write partitions, layer transactions). Nothing was published; writing again from
 * the current version succeeds, so callers that own their data in memory may simply retry.
 */
public class ConcurrentWriteException extends StoreException {
    public ConcurrentWriteException(String layer) {
        super("layer '" + layer + "' was replaced by another write meanwhile; this write was not published");
    }
}
