package fr.carence.render.cache;

/** Bytes the cached layers may hold together; every cached byte is reserved here first. */
final class MemoryBudget {

    private final long limit;
    private long used;

    MemoryBudget(long limit) {
        this.limit = Math.max(0, limit);
    }

    long limit() {
        return limit;
    }

    synchronized long used() {
        return used;
    }

    synchronized boolean tryReserve(long bytes) {
        if (used + bytes > limit) {
            return false;
        }
        used += bytes;
        return true;
    }

    synchronized void release(long bytes) {
        used = Math.max(0, used - bytes);
    }
}
