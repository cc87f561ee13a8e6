package fr.carence.security;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Where a password login comes from: the client address (the TCP peer, or the address Spring's
 * forward-headers strategy put there when configured) and how it was sent ({@code basic} or
 * {@code session}). Attached as the authentication request's details, so it travels with a session
 * login: serializable for sessions kept in the database (Spring Session JDBC, several instances).
 */
record LoginDetails(String address, String method) implements java.io.Serializable {

    static final String BASIC = "basic";
    static final String SESSION = "session";

    static LoginDetails of(HttpServletRequest request, String method) {
        return new LoginDetails(request.getRemoteAddr(), method);
    }
}
