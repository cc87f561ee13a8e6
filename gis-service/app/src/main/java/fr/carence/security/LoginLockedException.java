package fr.carence.security;

import java.time.Duration;
import org.springframework.security.core.AuthenticationException;

/** A password check refused without being made: too many recent failures for the login or the address. */
final class LoginLockedException extends AuthenticationException {

    private final Duration retryAfter;

    LoginLockedException(Duration retryAfter) {
        super("too many failed logins; retry after " + retryAfter.toSeconds() + " s");
        this.retryAfter = retryAfter;
    }

    /** Whole seconds to wait, at least 1 (the {@code Retry-After} value). */
    long retryAfterSeconds() {
        return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
    }
}
