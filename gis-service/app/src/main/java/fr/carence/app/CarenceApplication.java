package fr.carence.app;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Carence: loads the official datasets into the store, computes carence zones and candidate
 * sites, and serves every layer over WMS/WFS, a REST API and the web map.
 */
@SpringBootApplication(scanBasePackages = "fr.carence")
@ConfigurationPropertiesScan("fr.carence")
public class CarenceApplication {

    public static void main(String[] args) {
        System.setProperty("java.awt.headless", "true");
        SpringApplication.run(CarenceApplication.class, args);
    }
}
