package fr.carence.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import fr.carence.api.scenario.ApiError;
import fr.carence.ogc.OwsException;
import fr.carence.ogc.web.OgcApiEndpoint;
import fr.carence.ogc.web.OwsEndpoint;
import fr.carence.security.OgcPaths;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * Answers the errors no controller of ours handled (unknown address, wrong method or content
 * type, a failure in a filter) in the caller's language: an OWS exception report on the OGC
 * endpoints, a French JSON {@link ApiError} everywhere else. It replaces Spring Boot's default
 * error controller, whose English {@code {"timestamp","error","path"}} body and whitelabel page
 * speak neither OGC nor French. Never shows an exception: a 500 is logged here with its cause.
 */
@Controller
public class ErrorAnswerController implements ErrorController {

    private static final Logger LOG = LoggerFactory.getLogger(ErrorAnswerController.class);

    private final ObjectMapper json;

    public ErrorAnswerController(ObjectMapper json) {
        this.json = json;
    }

    @RequestMapping("${server.error.path:/error}")
    public void answer(HttpServletRequest request, HttpServletResponse response) throws IOException {
        int status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) instanceof Integer s ? s : 500;
        String path = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) instanceof String uri
                ? uri.substring(Math.min(uri.length(), request.getContextPath().length())) : request.getRequestURI();
        if (status >= 500 && request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) instanceof Throwable cause) {
            LOG.error("Erreur non traitée sur {} {}", request.getMethod(), path, cause);
        }
        if (response.isCommitted()) {
            return;
        }
        ApiError error = describe(status, request.getMethod(), path);
        if (OgcPaths.isOgcApiPath(path)) {
            String code = status == 405 ? OwsException.OPERATION_NOT_SUPPORTED : status == 404 ? "NotFound" : OwsException.NO_APPLICABLE_CODE;
            OgcApiEndpoint.writeError(new OwsException(code, null, status, error.message()), response);
            return;
        }
        if (OgcPaths.isOgcPath(path)) {
            String code = status == 405 ? OwsException.OPERATION_NOT_SUPPORTED : OwsException.NO_APPLICABLE_CODE;
            OwsEndpoint.writeError(new OwsException(code, null, status, error.message()), response);
            return;
        }
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), error);
    }

    static ApiError describe(int status, String method, String path) {
        return switch (status) {
            case 400 -> new ApiError(status, "requete_invalide", null, "Requête invalide sur " + path + ".");
            case 404 -> new ApiError(status, "adresse_inconnue", null, "Adresse inconnue : " + path + ".");
            case 405 -> new ApiError(status, "methode_non_autorisee", null,
                    "La méthode " + method + " n'est pas acceptée sur " + path + ".");
            case 406 -> new ApiError(status, "format_non_disponible", "Accept",
                    "Aucun format de réponse demandé (en-tête Accept) n'est disponible sur " + path + ".");
            case 413 -> new ApiError(status, "requete_trop_grande", null, "Requête trop grande pour " + path + ".");
            case 415 -> new ApiError(status, "type_de_contenu_refuse", "Content-Type",
                    "Type de contenu non pris en charge sur " + path
                            + " : envoyez du JSON (application/json), ou multipart/form-data pour un chargement.");
            case 503 -> new ApiError(status, "service_indisponible", null,
                    "Service momentanément indisponible : réessayez dans quelques instants.");
            default -> status >= 500
                    ? new ApiError(status, "erreur_interne", null,
                            "Erreur interne du serveur ; l'incident est journalisé.")
                    : new ApiError(status, "erreur_http", null, "Requête refusée (HTTP " + status + ") sur " + path + ".");
        };
    }
}
