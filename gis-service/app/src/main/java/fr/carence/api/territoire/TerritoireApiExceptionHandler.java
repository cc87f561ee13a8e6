package fr.carence.api.territoire;

import fr.carence.api.carte.CarteController;
import fr.carence.api.dossier.ZoneDossierController;
import fr.carence.api.scenario.ApiError;
import fr.carence.store.StoreUnavailableException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** JSON errors in French for the endpoints that take a territory (search, zones, printed map). */
@RestControllerAdvice(assignableTypes = {TerritoireController.class, ZoneDossierController.class, CarteController.class})
public class TerritoireApiExceptionHandler {

    @ExceptionHandler(TerritoireRequestException.class)
    ResponseEntity<ApiError> bad(TerritoireRequestException e) {
        return ResponseEntity.status(HttpStatus.BAD_REQUEST).contentType(MediaType.APPLICATION_JSON)
                .body(new ApiError(400, "parametre_invalide", e.parametre(), e.getMessage()));
    }

    @ExceptionHandler(TerritoireNotFoundException.class)
    ResponseEntity<ApiError> unknown(TerritoireNotFoundException e) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(MediaType.APPLICATION_JSON)
                .body(new ApiError(404, "territoire_inconnu", "territoire", e.getMessage()));
    }

    @ExceptionHandler(TerritoireIndexNotReadyException.class)
    ResponseEntity<ApiError> notReady(TerritoireIndexNotReadyException e) {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header("Retry-After", "5").contentType(MediaType.APPLICATION_JSON)
                .body(new ApiError(503, "index_en_construction", null, e.getMessage()));
    }

    @ExceptionHandler(StoreUnavailableException.class)
    ResponseEntity<ApiError> storeUnavailable(StoreUnavailableException e) {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header("Retry-After", "30").contentType(MediaType.APPLICATION_JSON)
                .body(new ApiError(503, "base_indisponible", null, "la base de données ne répond pas ; réessayer dans quelques instants"));
    }
}
