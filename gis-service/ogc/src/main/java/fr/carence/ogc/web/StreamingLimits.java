package fr.carence.ogc.web;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code carence.ogc.streaming.*}: how long an OGC response (a streamed WFS GetFeature above all,
 * which holds a database cursor while it writes) may take to reach the client. The query timeout
 * ({@code carence.ogc.request-timeout}) bounds each SQL statement, not a slow reader: past either
 * limit below the response is cut (connection closed, no well-formed end), the cursor released
 * and the cut logged.
 *
 * @param maxDuration longest time from the first byte written to the last (default 10 min)
 * @param minBytesPerSecond lowest average write rate accepted once {@code grace} has passed
 *                          (default 4096 B/s; 0 = no rate limit)
 * @param grace time before the rate is checked (default 30 s: a slow start, a large first query)
 */
@ConfigurationProperties("carence.ogc.streaming")
public record StreamingLimits(Duration maxDuration, Long minBytesPerSecond, Duration grace) {

    public StreamingLimits {
        maxDuration = maxDuration == null ? Duration.ofMinutes(10) : maxDuration;
        minBytesPerSecond = minBytesPerSecond == null ? 4096L : minBytesPerSecond;
        grace = grace == null ? Duration.ofSeconds(30) : grace;
        if (maxDuration.isNegative() || maxDuration.isZero() || minBytesPerSecond < 0 || grace.isNegative()) {
            throw new IllegalArgumentException("carence.ogc.streaming : max-duration > 0, min-bytes-per-second >= 0, grace >= 0");
        }
    }

    public static StreamingLimits defaults() {
        return new StreamingLimits(null, null, null);
    }
}
