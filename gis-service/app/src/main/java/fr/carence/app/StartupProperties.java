package fr.carence.app;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code carence.startup.*}: what the first start does on an empty store. */
@ConfigurationProperties("carence.startup")
public record StartupProperties(boolean loadSample, boolean defaultScenario) {
}
