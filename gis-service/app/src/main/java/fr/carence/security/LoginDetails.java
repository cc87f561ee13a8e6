package fr.carence.security;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Where a password login comes from: the client address (the TCP peer, or the address Spring's
 * forward-headers strategy put there when configured) and how it was sent ({@code basic} or
 * {@code session}). Attached as the authentication request's details.
 */
record LoginDetails(String address, String method) {

    static final String BASIC = "basic";
    static final String SESSION = "session";

    static LoginDetails of(HttpServletRequest request, String method) {
        return new LoginDetails(request.getRemoteAddr(), method);
    }
}
