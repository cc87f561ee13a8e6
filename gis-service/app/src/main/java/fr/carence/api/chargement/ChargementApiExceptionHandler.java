package fr.carence.api.chargement;

import org.apache.tomcat.util.http.fileupload.impl.FileCountLimitExceededException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;

/** Maps load errors to French JSON bodies; never a stack trace to the client. */
@RestControllerAdvice(assignableTypes = {ChargementController.class, IntentionsController.class})
public class ChargementApiExceptionHandler {
    private static final Logger LOG = LoggerFactory.getLogger(ChargementApiExceptionHandler.class);

    private final long maxMegabytes;
    private final int maxParts;

    public ChargementApiExceptionHandler(@Value("${carence.chargements.max-megabytes:512}") long maxMegabytes,
                                         @Value("${server.tomcat.max-part-count:50}") int maxParts) {
        this.maxMegabytes = maxMegabytes;
        this.maxParts = maxParts;
    }

    @ExceptionHandler(UploadRejectedException.class)
    ResponseEntity<ErreurChargement> rejected(UploadRejectedException e) {
        LOG.info("Téléversement refusé : {}", e.getMessage());
        return ResponseEntity.status(e.status()).body(new ErreurChargement(e.status().value(), e.code(), e.getMessage(),
                e.file(), null, null));
    }

    /** Raised while the multipart body is read, before the controller sees it (limits share max-megabytes). */
    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<ErreurChargement> tooLarge(MaxUploadSizeExceededException e) {
        // Spring reports Tomcat's part count limit as a size limit too (its message says "exceeded")
        if (NestedExceptionUtils.getMostSpecificCause(e) instanceof FileCountLimitExceededException) {
            LOG.info("Téléversement refusé : plus de {} parties", maxParts);
            return error(HttpStatus.BAD_REQUEST, "trop_de_fichiers", "plus de " + maxParts + " parties dans le corps "
                    + "multipart (server.tomcat.max-part-count) : regrouper les fichiers dans un .zip");
        }
        LOG.info("Téléversement refusé : plus de {} Mo", maxMegabytes);
        return error(HttpStatus.PAYLOAD_TOO_LARGE, "trop_volumineux", "le téléversement dépasse la limite de "
                + maxMegabytes + " Mo (carence.chargements.max-megabytes)");
    }

    @ExceptionHandler(MultipartException.class)
    ResponseEntity<ErreurChargement> badMultipart(MultipartException e) {
        return error(HttpStatus.BAD_REQUEST, "multipart_invalide",
                "corps multipart illisible : envoyer les fichiers en multipart/form-data dans la partie « fichiers »");
    }

    @ExceptionHandler(UnknownDatasetException.class)
    ResponseEntity<ErreurChargement> unknown(UnknownDatasetException e) {
        return error(HttpStatus.NOT_FOUND, "jeu_inconnu", e.getMessage());
    }

    @ExceptionHandler(UnknownJobException.class)
    ResponseEntity<ErreurChargement> unknownJob(UnknownJobException e) {
        return error(HttpStatus.NOT_FOUND, "travail_inconnu", e.getMessage());
    }

    @ExceptionHandler(LoadBusyException.class)
    ResponseEntity<ErreurChargement> busy(LoadBusyException e) {
        return ResponseEntity.status(HttpStatus.CONFLICT).header("Retry-After", "30")
                .body(ErreurChargement.of(409, "chargements_en_attente", e.getMessage()));
    }

    /** A bug or an infrastructure failure: logged in full, reported without details. */
    @ExceptionHandler(RuntimeException.class)
    ResponseEntity<ErreurChargement> unexpected(RuntimeException e) {
        LOG.error("Échec inattendu d'un chargement par téléversement", e);
        return ResponseEntity.internalServerError().body(ErreurChargement.internal());
    }

    private static ResponseEntity<ErreurChargement> error(HttpStatus status, String code, String message) {
        return ResponseEntity.status(status).body(ErreurChargement.of(status.value(), code, message));
    }
}
