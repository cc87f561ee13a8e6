package fr.carence.api.chargement;

import org.springframework.http.HttpStatus;

/**
 * An upload refused before the loader runs (name, type, archive, size). The message is French
 * and names the file; it is sent to the client as is.
 */
public class UploadRejectedException extends RuntimeException {

    private final HttpStatus status;
    private final String code;
    private final String file;

    public UploadRejectedException(HttpStatus status, String code, String file, String message) {
        super(file == null ? message : file + " : " + message);
        this.status = status;
        this.code = code;
        this.file = file;
    }

    static UploadRejectedException badType(String file, String message) {
        return new UploadRejectedException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "type_refuse", file, message);
    }

    static UploadRejectedException badArchive(String file, String message) {
        return new UploadRejectedException(HttpStatus.BAD_REQUEST, "archive_refusee", file, message);
    }

    static UploadRejectedException tooLarge(String file, String message) {
        return new UploadRejectedException(HttpStatus.PAYLOAD_TOO_LARGE, "trop_volumineux", file, message);
    }

    static UploadRejectedException badRequest(String code, String file, String message) {
        return new UploadRejectedException(HttpStatus.BAD_REQUEST, code, file, message);
    }

    public HttpStatus status() {
        return status;
    }

    /** Machine-readable code for the JSON body, e.g. "type_refuse". */
    public String code() {
        return code;
    }

    /** The file in cause (as uploaded, "archive.zip/entrée" for zip entries), or null. */
    public String file() {
        return file;
    }
}
