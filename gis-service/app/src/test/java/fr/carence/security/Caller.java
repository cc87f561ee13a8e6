package fr.carence.security;

import java.util.List;
import java.util.Set;

/**
 * Who sends a test request: the {@code Authorization} header (null for anonymous) and the roles
 * it should obtain (ADMIN's reach included), or {@code refused} for wrong credentials.
 */
record Caller(String name, String authorization, Set<Role> roles, boolean refused) {

    static final Caller ANONYMOUS = new Caller("anonyme", null, Set.of(), false);
    static final Caller PLANNER_BASIC = new Caller("planif (Basic)", TestAccounts.PLANNER.basic(), Set.of(Role.PLANNER), false);
    static final Caller FUNDER_BASIC = new Caller("financeur (Basic)", TestAccounts.FUNDER.basic(), Set.of(Role.FUNDER), false);
    static final Caller ADMIN_BASIC = new Caller("admin (Basic)", TestAccounts.ADMIN.basic(), Set.of(Role.values()), false);
    static final Caller PLANNER_BEARER = new Caller("planif (jeton)", TestAccounts.bearer(TestAccounts.PLANNER_TOKEN),
            Set.of(Role.PLANNER), false);
    static final Caller FUNDER_BEARER = new Caller("financeur (jeton)", TestAccounts.bearer(TestAccounts.FUNDER_TOKEN),
            Set.of(Role.FUNDER), false);
    static final Caller ADMIN_BEARER = new Caller("admin (jeton)", TestAccounts.bearer(TestAccounts.ADMIN_TOKEN),
            Set.of(Role.values()), false);
    static final Caller BAD_PASSWORD = new Caller("mauvais mot de passe",
            new TestAccounts.Account(TestAccounts.FUNDER.login(), "pas-le-bon").basic(), Set.of(), true);
    static final Caller UNKNOWN_USER = new Caller("compte inconnu",
            new TestAccounts.Account("intrus", TestAccounts.FUNDER.password()).basic(), Set.of(), true);
    static final Caller BAD_TOKEN = new Caller("jeton inconnu", TestAccounts.bearer("fixture-jeton-inconnu-0000"), Set.of(), true);

    static final List<Caller> ALL = List.of(ANONYMOUS, PLANNER_BASIC, FUNDER_BASIC, ADMIN_BASIC, PLANNER_BEARER,
            FUNDER_BEARER, ADMIN_BEARER, BAD_PASSWORD, UNKNOWN_USER, BAD_TOKEN);

    boolean has(Role role) {
        return roles.contains(role);
    }

    @Override
    public String toString() {
        return name;
    }
}
