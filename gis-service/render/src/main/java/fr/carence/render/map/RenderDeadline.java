package fr.carence.render.map;

import java.time.Duration;

/**
 * When a map must be finished: the renderer checks it between layers and every few hundred
 * features, and gives the store the time left as a query timeout. {@link #NONE} never expires.
 */
public final class RenderDeadline {

    public static final RenderDeadline NONE = new RenderDeadline(Long.MAX_VALUE, null);

    private final long deadlineNanos;
    private final Duration budget;

    private RenderDeadline(long deadlineNanos, Duration budget) {
        this.deadlineNanos = deadlineNanos;
        this.budget = budget;
    }

    /** A deadline {@code budget} from now. */
    public static RenderDeadline after(Duration budget) {
        return new RenderDeadline(System.nanoTime() + budget.toNanos(), budget);
    }

    /** Throws {@link RenderTimeoutException} once the deadline has passed. */
    public void check() {
        if (budget != null && System.nanoTime() - deadlineNanos >= 0) {
            throw new RenderTimeoutException("map drawing exceeded its time budget of " + budget);
        }
    }

    /** Time left (at least 1 ms while not expired), or null for {@link #NONE}. */
    public Duration remaining() {
        if (budget == null) {
            return null;
        }
        check();
        return Duration.ofNanos(Math.max(1_000_000, deadlineNanos - System.nanoTime()));
    }
}
