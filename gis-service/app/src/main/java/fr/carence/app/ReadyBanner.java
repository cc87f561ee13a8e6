package fr.carence.app;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Prints the URL to open once the first-start work is done, so the README's run command ends on
 * it (ApplicationReadyEvent comes after every ApplicationRunner).
 */
@Component
class ReadyBanner {
    private static final Logger LOG = LoggerFactory.getLogger(ReadyBanner.class);

    @EventListener
    void onReady(ApplicationReadyEvent event) {
        Environment env = event.getApplicationContext().getEnvironment();
        String port = env.getProperty("local.server.port", env.getProperty("server.port", "8080"));
        LOG.info("Carence est prêt : http://localhost:{}/  (WMS : /wms, WFS : /wfs, API : /api/scenarios, doc API : /swagger-ui.html)", port);
    }
}
