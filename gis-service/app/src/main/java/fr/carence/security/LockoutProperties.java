package fr.carence.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code carence.security.lockout.*}: how password guessing is slowed down ({@link LoginThrottle}).
 *
 * @param loginMaxFailures distinct wrong passwords in a row for one login before it is locked
 * @param ipMaxFailures distinct wrong login/password pairs in a row from one address before it is locked
 * @param firstDelay first lock; each further wrong password doubles it
 * @param maxDelay longest lock
 * @param forgetAfter failures older than this (with no lock running) are forgotten
 * @param maxTrackedKeys logins and addresses followed at most (least recently seen unlocked one dropped first)
 */
@ConfigurationProperties("carence.security.lockout")
public record LockoutProperties(@DefaultValue("5") int loginMaxFailures, @DefaultValue("20") int ipMaxFailures,
                                @DefaultValue("30s") Duration firstDelay, @DefaultValue("15m") Duration maxDelay,
                                @DefaultValue("1h") Duration forgetAfter, @DefaultValue("10000") int maxTrackedKeys) {

    public LockoutProperties {
        if (loginMaxFailures < 1 || ipMaxFailures < 1 || maxTrackedKeys < 2) {
            throw new IllegalArgumentException("carence.security.lockout : login-max-failures et ip-max-failures >= 1, "
                    + "max-tracked-keys >= 2");
        }
        if (firstDelay.isNegative() || firstDelay.isZero() || maxDelay.compareTo(firstDelay) < 0) {
            throw new IllegalArgumentException("carence.security.lockout : first-delay > 0 et max-delay >= first-delay");
        }
    }
}
