package fr.carence.security;

import java.util.Set;

/**
 * Whom an API token authenticates.
 *
 * @param login the account name the token acts as (logs, GET /api/session)
 * @param roles at least one role
 */
public record TokenAccount(String login, Set<Role> roles) {
}
