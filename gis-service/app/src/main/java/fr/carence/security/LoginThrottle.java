package fr.carence.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Base64;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import fr.carence.store.StoreUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;

/**
 * Slows down password guessing (HTTP Basic and the web map's login; API tokens are 256-bit random
 * and need no such protection). After {@code loginMaxFailures} wrong passwords in a row for a
 * login, or {@code ipMaxFailures} from one address, further password checks for that login or
 * address are refused without being made (so without BCrypt: guessing cannot burn CPU either) for
 * a delay that doubles with each further failure, up to {@code maxDelay}. A success resets the
 * login's and the address's counters.
 * <p>
 * Only <em>distinct</em> wrong passwords count, as in Entra ID's "smart lockout": a GIS client
 * with a stale saved password resends it with every tile, which teaches an attacker nothing and
 * must not lock its owner out. Such a repeat is refused at once, also without BCrypt. Wrong
 * passwords are remembered only as HMACs under a key drawn at start-up, never in clear.
 * <p>
 * Memory is bounded: at most {@code maxTrackedKeys} logins and addresses (the least recently seen
 * unlocked one dropped first; a locked one never before its lock expires), and failures are
 * forgotten after {@code forgetAfter} without a new one.
 * <p>
 * With several instances on one database the counters live there instead
 * ({@link DatabaseLockoutCounters}), with the same rules, so a lock holds on every instance.
 */
final class LoginThrottle implements AuthenticationManager {
    private static final Logger LOG = LoggerFactory.getLogger(LoginThrottle.class);

    static final int REMEMBERED_GUESSES = 8;

    /** Failures of one login or one address. */
    private static final class Counter {
        int failures;
        Instant lastFailure;
        Instant lockedUntil = Instant.MIN;
        final Deque<String> recentGuesses = new ArrayDeque<>();
    }

    private final AuthenticationManager passwords;
    private final LockoutProperties limits;
    private final Clock clock;
    private final Map<String, Counter> counters;
    private final SecretKeySpec guessKey;
    /** The database's counters (several instances), or null: the in-memory map above. */
    private final DatabaseLockoutCounters shared;

    LoginThrottle(AuthenticationManager passwords, LockoutProperties limits, Clock clock) {
        this(passwords, limits, clock, null);
    }

    LoginThrottle(AuthenticationManager passwords, LockoutProperties limits, Clock clock, DatabaseLockoutCounters shared) {
        this.passwords = passwords;
        this.shared = shared;
        this.limits = limits;
        this.clock = clock;
        // Access order: iteration meets the least recently seen first (bounded in fail()).
        this.counters = new LinkedHashMap<>(64, 0.75f, true);
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        if (shared != null) {
            key = shared.sharedGuessKey(); // the same HMAC of a guess on every instance
        }
        this.guessKey = new SecretKeySpec(key, "HmacSHA256");
    }

    @Override
    public Authentication authenticate(Authentication request) throws AuthenticationException {
        if (!(request instanceof UsernamePasswordAuthenticationToken) || !(request.getCredentials() instanceof String password)) {
            return passwords.authenticate(request);
        }
        String login = request.getName();
        LoginDetails details = request.getDetails() instanceof LoginDetails d ? d : new LoginDetails(null, null);
        String loginKey = "login:" + login;
        String ipKey = details.address() == null ? null : "ip:" + details.address();
        String guess = hmac(login + '\u0000' + password);
        Duration wait = sharedOr(() -> max(shared.remainingLock(loginKey), shared.remainingLock(ipKey)),
                () -> memoryWait(loginKey, ipKey));
        if (!wait.isZero()) {
            throw new LoginLockedException(wait);
        }
        if (sharedOr(() -> shared.isRepeat(loginKey, guess), () -> memoryRepeat(loginKey, guess))) {
            throw new BadCredentialsException("same wrong password again");
        }
        Authentication done;
        try {
            done = passwords.authenticate(request);
        } catch (BadCredentialsException e) {
            AuditLog.event("connexion_refusee").with("login", login).with("ip", details.address())
                    .with("methode", details.method()).log();
            boolean counted = sharedOr(() -> {
                auditLock(loginKey, shared.fail(loginKey, guess, limits.loginMaxFailures(),
                        n -> lockDelay(n, limits.loginMaxFailures())), login, details);
                auditLock(ipKey, shared.fail(ipKey, guess, limits.ipMaxFailures(),
                        n -> lockDelay(n, limits.ipMaxFailures())), login, details);
                return true;
            }, () -> false);
            if (!counted) {
                synchronized (counters) {
                    Instant now = clock.instant();
                    fail(loginKey, guess, limits.loginMaxFailures(), now, login, details);
                    fail(ipKey, guess, limits.ipMaxFailures(), now, login, details);
                }
            }
            throw e;
        }
        boolean reset = sharedOr(() -> {
            shared.reset(loginKey);
            shared.reset(ipKey);
            return true;
        }, () -> false);
        if (!reset) {
            synchronized (counters) {
                counters.remove(loginKey);
                if (ipKey != null) {
                    counters.remove(ipKey);
                }
            }
        }
        return done;
    }

    /**
     * The shared (database) counters when there are some, else this instance's. While the
     * database is unreachable the instance counts in memory: brute force stays throttled and a
     * login that needs no database (account files) still works, instead of a 500 on every request.
     */
    private <T> T sharedOr(Supplier<T> sharedCall, Supplier<T> memoryCall) {
        if (shared != null) {
            try {
                return sharedCall.get();
            } catch (StoreUnavailableException e) {
                LOG.warn("lockout counters unreachable ({}); this instance counts in memory meanwhile", e.getMessage());
            }
        }
        return memoryCall.get();
    }

    private Duration memoryWait(String loginKey, String ipKey) {
        synchronized (counters) {
            Instant now = clock.instant();
            return max(remainingLock(loginKey, now), remainingLock(ipKey, now));
        }
    }

    private boolean memoryRepeat(String loginKey, String guess) {
        synchronized (counters) {
            Counter c = counters.get(loginKey);
            return c != null && c.recentGuesses.contains(guess);
        }
    }

    private static void auditLock(String key, DatabaseLockoutCounters.Lock lock, String login, LoginDetails details) {
        if (lock != null) {
            AuditLog.event("verrouillage").with("cle", key.startsWith("ip:") ? "ip" : "login")
                    .with("login", login).with("ip", details.address()).with("echecs", lock.failures())
                    .with("duree_s", lock.delay().toSeconds()).log();
        }
    }

    /** The lock after {@code failures} distinct wrong passwords: first delay, doubled per failure beyond the limit. */
    private Duration lockDelay(int failures, int maxFailures) {
        int doublings = Math.min(failures - maxFailures, 30);
        Duration delay = limits.firstDelay().multipliedBy(1L << doublings);
        return delay.compareTo(limits.maxDelay()) > 0 ? limits.maxDelay() : delay;
    }

    /** Logins and addresses currently followed (for tests of the memory bound). */
    int trackedKeys() {
        synchronized (counters) {
            return counters.size();
        }
    }

    private Duration remainingLock(String key, Instant now) {
        Counter c = key == null ? null : counters.get(key);
        if (c == null) {
            return Duration.ZERO;
        }
        if (now.isBefore(c.lockedUntil)) {
            return Duration.between(now, c.lockedUntil);
        }
        if (c.lastFailure != null && !now.isBefore(c.lastFailure.plus(limits.forgetAfter()))) {
            counters.remove(key);
        }
        return Duration.ZERO;
    }

    private void fail(String key, String guess, int maxFailures, Instant now, String login, LoginDetails details) {
        if (key == null) {
            return;
        }
        expireIdle(now);
        if (!counters.containsKey(key) && !makeRoom(now)) {
            return; // every followed key is locked: the newcomer waits rather than a lock being lifted
        }
        Counter c = counters.computeIfAbsent(key, k -> new Counter());
        if (c.recentGuesses.contains(guess)) {
            return; // two requests with the same guess raced past the repeat check: count it once
        }
        c.recentGuesses.addLast(guess);
        if (c.recentGuesses.size() > REMEMBERED_GUESSES) {
            c.recentGuesses.removeFirst();
        }
        c.failures++;
        c.lastFailure = now;
        if (c.failures >= maxFailures) {
            Duration delay = lockDelay(c.failures, maxFailures);
            c.lockedUntil = now.plus(delay);
            AuditLog.event("verrouillage").with("cle", key.startsWith("ip:") ? "ip" : "login")
                    .with("login", login).with("ip", details.address()).with("echecs", c.failures)
                    .with("duree_s", delay.toSeconds()).log();
        }
    }

    /**
     * Keeps at most maxTrackedKeys counters: drops the least recently seen one that is not locked. A
     * locked entry is never dropped before its lock expires (else a flood of new keys would lift
     * the lock); when all are locked, false: the new key is not followed for now.
     */
    private boolean makeRoom(Instant now) {
        if (counters.size() < limits.maxTrackedKeys()) {
            return true;
        }
        Iterator<Counter> it = counters.values().iterator();
        while (it.hasNext()) {
            if (!now.isBefore(it.next().lockedUntil)) {
                it.remove();
                return true;
            }
        }
        return false;
    }

    /** Drops counters idle for longer than forgetAfter, oldest first (the map is in access order). */
    private void expireIdle(Instant now) {
        Iterator<Counter> it = counters.values().iterator();
        while (it.hasNext()) {
            Counter c = it.next();
            boolean idle = c.lastFailure == null || !now.isBefore(c.lastFailure.plus(limits.forgetAfter()));
            if (!idle || now.isBefore(c.lockedUntil)) {
                return;
            }
            it.remove();
        }
    }

    private String hmac(String value) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(guessKey);
            return Base64.getEncoder().encodeToString(mac.doFinal(value.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
