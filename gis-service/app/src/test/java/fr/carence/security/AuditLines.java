package fr.carence.security;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import org.slf4j.LoggerFactory;

/** Captures the lines written on the {@code carence.audit} logger while open. */
final class AuditLines implements AutoCloseable {

    private final Logger logger = (Logger) LoggerFactory.getLogger(AuditLog.LOGGER);
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

    AuditLines() {
        appender.start();
        logger.addAppender(appender);
    }

    /** The lines captured so far (formatted messages). */
    List<String> lines() {
        synchronized (appender.list) {
            return appender.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
        }
    }

    /** The lines of one event, e.g. {@code "verrouillage"}. */
    List<String> of(String event) {
        return lines().stream().filter(l -> l.startsWith("evenement=" + event + " ")).toList();
    }

    @Override
    public void close() {
        logger.detachAppender(appender);
        appender.stop();
    }
}
