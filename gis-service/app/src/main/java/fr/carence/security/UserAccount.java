package fr.carence.security;

import java.util.Set;

/**
 * One line of the users file.
 *
 * @param login the login typed in QGIS, curl -u or the web map
 * @param passwordHash {@code {bcrypt}$2a$...}, in Spring's DelegatingPasswordEncoder format
 * @param roles at least one role
 */
public record UserAccount(String login, String passwordHash, Set<Role> roles) {
}
