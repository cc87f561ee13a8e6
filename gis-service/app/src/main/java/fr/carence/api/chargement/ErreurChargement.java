package fr.carence.api.chargement;

import com.fasterxml.jackson.annotation.JsonInclude;
import fr.carence.loaders.core.LoadException;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * JSON error of the load API: the French message, plus the file, location and field when the
 * error is about the data (absent otherwise).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(description = "Erreur de chargement")
public record ErreurChargement(
        @Schema(description = "Statut HTTP", example = "422") int statut,
        @Schema(description = "Code d'erreur", example = "donnees_invalides") String erreur,
        @Schema(description = "Message lisible (français), nommant le fichier, la ligne et le champ",
                example = "lieux.csv, ligne 12, champ « lon_approx » : « abc » n'est pas un nombre") String message,
        @Schema(description = "Fichier en cause", example = "lieux.csv") String fichier,
        @Schema(description = "Ligne ou entité en cause", example = "ligne 12") String emplacement,
        @Schema(description = "Champ en cause", example = "lon_approx") String champ,
        @Schema(description = "Toutes les erreurs du fichier, une par ligne ou entité (intentions d'un AMII : le fichier "
                + "est vérifié en entier)") List<ErreurChargement> erreurs) {

    ErreurChargement(int statut, String erreur, String message, String fichier, String emplacement, String champ) {
        this(statut, erreur, message, fichier, emplacement, champ, null);
    }

    static ErreurChargement of(int status, String code, String message) {
        return new ErreurChargement(status, code, message, null, null, null);
    }

    /**
     * The file was refused: {@code status} naming the file, with each line's error (the
     * location, the column and the reason) when the loader gathered them all.
     */
    static ErreurChargement of(int status, String code, LoadException e) {
        List<ErreurChargement> each = e.details().isEmpty() ? List.of(lineError(status, code, e))
                : e.details().stream().map(d -> lineError(status, code, d)).toList();
        return new ErreurChargement(status, code, e.getMessage(), e.file(), e.location(), e.field(), each);
    }

    private static ErreurChargement lineError(int status, String code, LoadException e) {
        return new ErreurChargement(status, code, e.getMessage(), e.file(), e.location(), e.field(), null);
    }

    /** The loader refused the data: 422 naming the file, the line and the field. */
    static ErreurChargement of(LoadException e) {
        return new ErreurChargement(422, "chargement_refuse", e.getMessage(), e.file(), e.location(), e.field());
    }

    /** A bug or an infrastructure failure (logged in full by the caller), reported without details. */
    static ErreurChargement internal() {
        return of(500, "erreur_interne",
                "le chargement a échoué sur une erreur interne (détails dans le journal du serveur) ; le magasin est inchangé");
    }

    /**
     * The job's instance stopped (or lost the database) before the job ended. A load publishes in
     * one commit, so it was either published whole or not at all; which one the layers' dates tell.
     */
    static ErreurChargement interrupted(String reason) {
        return of(503, "chargement_interrompu", reason + " avant la fin du chargement : celui-ci, atomique, a été soit "
                + "entièrement publié soit annulé ; vérifier la date de mise à jour des couches (/api/couches) avant de "
                + "téléverser à nouveau");
    }
}
