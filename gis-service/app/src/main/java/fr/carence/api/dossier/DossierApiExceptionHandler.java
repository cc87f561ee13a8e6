package fr.carence.api.dossier;

import fr.carence.analysis.scenario.ScenarioConflictException;
import fr.carence.analysis.scenario.ScenarioNotFoundException;
import fr.carence.api.carte.CarteController;
import fr.carence.api.scenario.ApiError;
import fr.carence.store.StoreUnavailableException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** JSON errors of the dossier endpoints, in French (the same body as the scenario API). */
@RestControllerAdvice(assignableTypes = {ZoneDossierController.class, CarteController.class})
public class DossierApiExceptionHandler {

    @ExceptionHandler(ScenarioNotFoundException.class)
    ResponseEntity<ApiError> scenario(ScenarioNotFoundException e) {
        return error(HttpStatus.NOT_FOUND, "scenario_inconnu", e.getMessage());
    }

    @ExceptionHandler(ZoneNotFoundException.class)
    ResponseEntity<ApiError> zone(ZoneNotFoundException e) {
        return error(HttpStatus.NOT_FOUND, "zone_inconnue", e.getMessage());
    }

    @ExceptionHandler(ScenarioConflictException.class)
    ResponseEntity<ApiError> notFinished(ScenarioConflictException e) {
        return error(HttpStatus.CONFLICT, "scenario_non_termine", e.getMessage());
    }

    @ExceptionHandler(StoreUnavailableException.class)
    ResponseEntity<ApiError> storeUnavailable(StoreUnavailableException e) {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header("Retry-After", "30").contentType(MediaType.APPLICATION_JSON)
                .body(new ApiError(503, "base_indisponible", null, "la base de données ne répond pas ; réessayer dans quelques instants"));
    }

    private static ResponseEntity<ApiError> error(HttpStatus status, String code, String message) {
        // JSON even when the client asked for the PDF: the message must be readable.
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON)
                .body(new ApiError(status.value(), code, null, message));
    }
}
