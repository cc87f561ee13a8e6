package fr.carence.api.scenario;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;

/** Minimal boot configuration for the scenario API slice tests (the real app lives in fr.carence.app). */
@SpringBootConfiguration
@EnableAutoConfiguration
class ScenarioApiTestApplication {
}
