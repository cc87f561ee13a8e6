package fr.carence.security;

import fr.carence.store.jdbc.SqlFailures;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntFunction;
import javax.sql.DataSource;

/**
 * {@link LoginThrottle}'s counters when several instances share one PostgreSQL database (table
 * {@code carence_login_failure}, cluster migrations): a login or address locked out on one
 * instance is locked out on all of them, and a wrong password repeated to another instance is
 * still recognised as a repeat. Lock times come from the database clock. The HMAC key of the
 * remembered guesses is shared through {@code carence_cluster_secret}. A row is deleted only once
 * its lock has expired and it has been idle for {@code forgetAfter}.
 */
final class DatabaseLockoutCounters {

    /** A failure that started a lock. */
    record Lock(int failures, Duration delay) {
    }

    private final DataSource dataSource;
    private final Duration forgetAfter;
    private final int rememberedGuesses;

    DatabaseLockoutCounters(DataSource dataSource, Duration forgetAfter, int rememberedGuesses) {
        this.dataSource = dataSource;
        this.forgetAfter = forgetAfter;
        this.rememberedGuesses = rememberedGuesses;
    }

    /** The key every instance uses for the guesses' HMACs: drawn by the first instance, then read. */
    byte[] sharedGuessKey() {
        byte[] candidate = new byte[32];
        new SecureRandom().nextBytes(candidate);
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement st = c.prepareStatement(
                    "INSERT INTO carence_cluster_secret (name, value) VALUES ('lockout_hmac', ?) ON CONFLICT (name) DO NOTHING")) {
                st.setBytes(1, candidate);
                st.executeUpdate();
            }
            try (PreparedStatement st = c.prepareStatement("SELECT value FROM carence_cluster_secret WHERE name = 'lockout_hmac'");
                 ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getBytes(1);
            }
        } catch (SQLException e) {
            throw SqlFailures.of("reading the lockout key", e);
        }
    }

    /** Time left on the key's lock, zero when none. */
    Duration remainingLock(String key) {
        if (key == null) {
            return Duration.ZERO;
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement(
                "SELECT CAST(EXTRACT(EPOCH FROM (locked_until - now())) * 1000 AS BIGINT) FROM carence_login_failure "
                        + "WHERE counter_key = ? AND locked_until > now()")) {
            st.setString(1, key);
            try (ResultSet rs = st.executeQuery()) {
                return rs.next() ? Duration.ofMillis(Math.max(1, rs.getLong(1))) : Duration.ZERO;
            }
        } catch (SQLException e) {
            throw SqlFailures.of("reading a lockout counter", e);
        }
    }

    /** True when this wrong password was already tried for the key (and is still remembered). */
    boolean isRepeat(String key, String guess) {
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement(
                "SELECT recent_guesses FROM carence_login_failure WHERE counter_key = ?")) {
            st.setString(1, key);
            try (ResultSet rs = st.executeQuery()) {
                return rs.next() && guesses(rs.getString(1)).contains(guess);
            }
        } catch (SQLException e) {
            throw SqlFailures.of("reading a lockout counter", e);
        }
    }

    /**
     * Counts one distinct wrong password for the key (a repeat is not counted); once the key has
     * {@code maxFailures} failures it is locked for {@code delay.apply(failures)}.
     *
     * @return the lock this failure started, or null
     */
    Lock fail(String key, String guess, int maxFailures, IntFunction<Duration> delay) {
        if (key == null) {
            return null;
        }
        return SqlFailures.inTransaction(dataSource, "counting a failed login", c -> {
            forgetIdle(c);
            try (PreparedStatement st = c.prepareStatement("INSERT INTO carence_login_failure (counter_key, failures) "
                    + "VALUES (?, 0) ON CONFLICT (counter_key) DO NOTHING")) {
                st.setString(1, key);
                st.executeUpdate();
            }
            int failures;
            List<String> recent;
            try (PreparedStatement st = c.prepareStatement(
                    "SELECT failures, recent_guesses FROM carence_login_failure WHERE counter_key = ? FOR UPDATE")) {
                st.setString(1, key);
                try (ResultSet rs = st.executeQuery()) {
                    rs.next();
                    failures = rs.getInt(1);
                    recent = new ArrayList<>(guesses(rs.getString(2)));
                }
            }
            if (recent.contains(guess)) {
                return null; // two requests with the same guess raced past the repeat check: count it once
            }
            recent.add(guess);
            if (recent.size() > rememberedGuesses) {
                recent.remove(0);
            }
            failures++;
            Duration lock = failures >= maxFailures ? delay.apply(failures) : null;
            try (PreparedStatement st = c.prepareStatement("UPDATE carence_login_failure SET failures = ?, "
                    + "recent_guesses = ?, last_failure = now(), locked_until = CASE WHEN ? THEN now() + ? * interval "
                    + "'1 millisecond' ELSE locked_until END WHERE counter_key = ?")) {
                st.setInt(1, failures);
                st.setString(2, String.join(" ", recent));
                st.setBoolean(3, lock != null);
                st.setLong(4, lock == null ? 0 : lock.toMillis());
                st.setString(5, key);
                st.executeUpdate();
            }
            return lock == null ? null : new Lock(failures, lock);
        });
    }

    /** A success: the key's failures are forgotten. */
    void reset(String key) {
        if (key == null) {
            return;
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement(
                "DELETE FROM carence_login_failure WHERE counter_key = ?")) {
            st.setString(1, key);
            st.executeUpdate();
        } catch (SQLException e) {
            throw SqlFailures.of("resetting a lockout counter", e);
        }
    }

    /** Keys idle for forgetAfter whose lock (if any) is over; never a key still locked. */
    private void forgetIdle(Connection c) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("DELETE FROM carence_login_failure "
                + "WHERE last_failure < now() - ? * interval '1 millisecond' AND (locked_until IS NULL OR locked_until < now())")) {
            st.setLong(1, forgetAfter.toMillis());
            st.executeUpdate();
        }
    }

    private static List<String> guesses(String stored) {
        return stored == null || stored.isBlank() ? List.of() : Arrays.asList(stored.split(" "));
    }
}
