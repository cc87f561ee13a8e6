package fr.carence.security;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;

/** The accounts read at start-up from the users and tokens files; a bad file stops the start. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AccountFilesProperties.class)
public class AccountsConfiguration {
    private static final Logger LOG = LoggerFactory.getLogger(AccountsConfiguration.class);

    @Bean
    public UserDetailsService carenceUsers(AccountFilesProperties files) {
        List<UserAccount> accounts = files.users().map(UsersFile::read).orElse(List.of());
        if (files.users().isEmpty()) {
            LOG.info("Aucun fichier de comptes (carence.security.users-file) : pas de connexion par mot de passe.");
        } else {
            LOG.info("Comptes : {} lus dans {}", accounts.size(), files.users().get());
        }
        return new InMemoryUserDetailsManager(accounts.stream().map(AccountsConfiguration::userDetails).toList());
    }

    @Bean
    public ApiTokens apiTokens(AccountFilesProperties files) {
        ApiTokens tokens = files.tokens().map(ApiTokens::read).orElse(ApiTokens.none());
        files.tokens().ifPresent(f -> LOG.info("Jetons d'API : {} lus dans {}", tokens.size(), f));
        return tokens;
    }

    /** Spring's {id}hash format; the users file only holds {bcrypt} hashes ({@link UsersFile}). */
    @Bean
    public PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    private static UserDetails userDetails(UserAccount a) {
        return User.withUsername(a.login()).password(a.passwordHash())
                .authorities(a.roles().stream().map(Role::authority).toArray(String[]::new)).build();
    }
}
