package fr.carence.api.scenario;

import fr.carence.analysis.param.InvalidParameterException;
import fr.carence.analysis.scenario.ScenarioConflictException;
import fr.carence.analysis.scenario.ScenarioNotFoundException;
import fr.carence.analysis.scenario.ScenarioQueueFullException;
import fr.carence.store.StoreUnavailableException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Maps scenario errors to JSON bodies; never a stack trace to the client. */
@RestControllerAdvice(assignableTypes = ScenarioController.class)
public class ScenarioApiExceptionHandler {

    @ExceptionHandler(InvalidParameterException.class)
    ResponseEntity<ApiError> invalid(InvalidParameterException e) {
        return error(HttpStatus.BAD_REQUEST, "parametre_invalide", e.parameter(), e.getMessage());
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ApiError> unreadable(HttpMessageNotReadableException e) {
        return error(HttpStatus.BAD_REQUEST, "json_invalide", null,
                "corps JSON illisible : attendu {\"id\": ..., \"nom\": ..., \"parametres\": {...}}");
    }

    @ExceptionHandler(ScenarioNotFoundException.class)
    ResponseEntity<ApiError> notFound(ScenarioNotFoundException e) {
        return error(HttpStatus.NOT_FOUND, "scenario_inconnu", null, e.getMessage());
    }

    @ExceptionHandler(ScenarioConflictException.class)
    ResponseEntity<ApiError> conflict(ScenarioConflictException e) {
        return error(HttpStatus.CONFLICT, "conflit", null, e.getMessage());
    }

    @ExceptionHandler(ScenarioQueueFullException.class)
    ResponseEntity<ApiError> busy(ScenarioQueueFullException e) {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header("Retry-After", "60")
                .body(new ApiError(503, "file_pleine", null, e.getMessage()));
    }

    @ExceptionHandler(StoreUnavailableException.class)
    ResponseEntity<ApiError> storeUnavailable(StoreUnavailableException e) {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header("Retry-After", "30")
                .body(new ApiError(503, "base_indisponible", null,
                        "la base de données ne répond pas ; réessayer dans quelques instants"));
    }

    private static ResponseEntity<ApiError> error(HttpStatus status, String code, String parameter, String message) {
        return ResponseEntity.status(status).body(new ApiError(status.value(), code, parameter, message));
    }
}
