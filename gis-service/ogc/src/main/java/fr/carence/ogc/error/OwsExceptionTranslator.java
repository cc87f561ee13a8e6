package fr.carence.ogc.error;

import fr.carence.ogc.OwsException;
import fr.carence.store.InvalidQueryException;
import fr.carence.store.LayerNotFoundException;
import fr.carence.store.QueryTimeoutException;
import fr.carence.render.map.RenderTimeoutException;
import fr.carence.store.StoreUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Maps any failure of an operation to the OWS exception the client sees: store query errors
 * become InvalidParameterValue with a locator, a database that does not answer a 503 the client may
 * retry, anything unexpected a plain NoApplicableCode 500 (details go to the log, not to the client).
 */
public final class OwsExceptionTranslator {

    private static final Logger LOG = LoggerFactory.getLogger(OwsExceptionTranslator.class);

    private OwsExceptionTranslator() {
    }

    public static OwsException translate(Throwable t) {
        if (t instanceof OwsException e) {
            return e;
        }
        if (t instanceof InvalidQueryException e) {
            return OwsException.badRequest(OwsException.INVALID_PARAMETER_VALUE, e.parameter(), e.getMessage());
        }
        if (t instanceof QueryTimeoutException || t instanceof RenderTimeoutException) {
            // Not a server fault and nothing half-sent (the writers call this before committing):
            // 503 tells the client a smaller request (or a later one) may succeed.
            LOG.warn("OGC request exceeded carence.ogc.request-timeout: {}", t.getMessage());
            return new OwsException(OwsException.OPERATION_PROCESSING_FAILED, null, 503,
                    "La requête a dépassé le temps de traitement maximal du serveur (carence.ogc.request-timeout) : "
                            + "réduisez l'emprise, le nombre de couches ou d'objets demandés, ou réessayez plus tard.");
        }
        if (t instanceof LayerNotFoundException e) {
            return OwsException.badRequest(OwsException.INVALID_PARAMETER_VALUE, "typeName",
                    "Couche inconnue : " + e.layer());
        }
        if (t instanceof StoreUnavailableException e) {
            LOG.warn("OGC request refused, database unavailable: {}", e.getMessage());
            return new OwsException(OwsException.NO_APPLICABLE_CODE, null, 503,
                    "Service momentanément indisponible : la base de données ne répond pas. Réessayez dans quelques instants.");
        }
        LOG.error("OGC request failed", t);
        return new OwsException(OwsException.NO_APPLICABLE_CODE, null, 500,
                "Erreur interne du serveur ; l'incident a été journalisé.");
    }
}
