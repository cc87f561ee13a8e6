package fr.carence.security;

import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The audit trail: one line per security-relevant event on the {@code carence.audit} logger, as
 * {@code evenement=... cle=valeur ...} (docs/security.md, "Journal d'audit"). Values come from
 * callers (a login typed by an attacker), so they are quoted and stripped of control characters:
 * a value can never forge a second line. Never give it a password or a token.
 */
public final class AuditLog {

    /** Logger name, to route the trail to its own file with {@code logging.*} properties. */
    public static final String LOGGER = "carence.audit";

    private static final Logger LOG = LoggerFactory.getLogger(LOGGER);
    private static final int MAX_VALUE_LENGTH = 200;

    private final String event;
    private final Map<String, Object> fields = new LinkedHashMap<>();

    private AuditLog(String event) {
        this.event = event;
    }

    /** Starts an event line, e.g. {@code AuditLog.event("scenario_lance")}. */
    public static AuditLog event(String event) {
        return new AuditLog(event);
    }

    /** Adds {@code key=value} (null shown as {@code -}). */
    public AuditLog with(String key, Object value) {
        fields.put(key, value);
        return this;
    }

    /** Adds the caller's login (or {@code -}) and address, taken from the current request. */
    public AuditLog caller(HttpServletRequest request) {
        Authentication a = SecurityContextHolder.getContext().getAuthentication();
        boolean known = a != null && a.isAuthenticated() && !(a instanceof AnonymousAuthenticationToken);
        fields.put("login", known ? a.getName() : null);
        fields.put("ip", request == null ? null : request.getRemoteAddr());
        return this;
    }

    /** Writes the line (INFO). */
    public void log() {
        if (LOG.isInfoEnabled()) {
            LOG.info(line());
        }
    }

    String line() {
        StringBuilder b = new StringBuilder("evenement=").append(event);
        fields.forEach((k, v) -> b.append(' ').append(k).append('=').append(format(v)));
        return b.toString();
    }

    static String format(Object value) {
        if (value == null) {
            return "-";
        }
        String s = value.toString();
        if (s.length() > MAX_VALUE_LENGTH) {
            s = s.substring(0, MAX_VALUE_LENGTH) + "…";
        }
        StringBuilder clean = new StringBuilder(s.length());
        boolean quote = s.isEmpty();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
                clean.append('?');
                continue;
            }
            if (c == ' ' || c == '=' || c == '"') {
                quote = true;
            }
            if (c == '"' || c == '\\') {
                clean.append('\\');
            }
            clean.append(c);
        }
        return quote ? '"' + clean.toString() + '"' : clean.toString();
    }
}
