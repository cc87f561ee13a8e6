package fr.carence.app;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.context.WebServerInitializedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Prints the URL to open once the HTTP server listens, so the README's run command ends on it. */
@Component
class ReadyBanner {
    private static final Logger LOG = LoggerFactory.getLogger(ReadyBanner.class);

    @EventListener
    void onReady(WebServerInitializedEvent event) {
        int port = event.getWebServer().getPort();
        LOG.info("Carence est prêt : http://localhost:{}/  (WMS : /wms, WFS : /wfs, API : /api, doc API : /swagger-ui.html)", port);
    }
}
