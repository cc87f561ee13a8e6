package fr.carence.api.chargement;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;

/**
 * One load by upload, from its receipt to its end: what {@code GET /api/chargements/travaux/{id}}
 * answers. A finished job carries either the loader's report or the French error (file, line,
 * field) that a synchronous load answered with its 4xx status.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(description = "Travail de chargement (téléversement accepté, exécuté en arrière-plan)")
public record TravailChargement(
        @Schema(description = "Identifiant du travail") String id,
        @Schema(description = "Clé du jeu", example = "lieux") String jeu,
        @Schema(description = "Fichiers téléversés, tels que nommés par le client") List<String> fichiers,
        @Schema(description = "Compte qui a téléversé") String auteur,
        @Schema(description = "en_attente, en_cours, termine ou echec", example = "en_cours") String statut,
        @Schema(description = "Fichier ou phase en cours de lecture", example = "tiers-lieux.csv") String etape,
        @Schema(description = "Lignes ou entités traitées dans l'étape en cours") long lignesTraitees,
        @Schema(description = "Part lue du fichier en cours (0 à 1 ; 0 quand sa taille est inconnue, 1 une fois terminé)")
        double progression,
        @Schema(description = "Instance du service qui exécute le travail (ses fichiers sont sur son disque)") String instance,
        @Schema(description = "Réception du téléversement") Instant recuLe,
        @Schema(description = "Début du chargement (verrou des chargements obtenu)") Instant debutLe,
        @Schema(description = "Fin du chargement") Instant finLe,
        @Schema(description = "Compte rendu (statut termine)") RapportChargement rapport,
        @Schema(description = "Erreur, avec le statut HTTP qu'aurait eu un chargement immédiat (statut echec)") ErreurChargement erreur) {

    public static final String EN_ATTENTE = "en_attente";
    public static final String EN_COURS = "en_cours";
    public static final String TERMINE = "termine";
    public static final String ECHEC = "echec";

    static TravailChargement received(String id, String jeu, List<String> fichiers, String auteur, String instance, Instant now) {
        return new TravailChargement(id, jeu, List.copyOf(fichiers), auteur, EN_ATTENTE, null, 0, 0, instance, now, null, null,
                null, null);
    }

    boolean active() {
        return EN_ATTENTE.equals(statut) || EN_COURS.equals(statut);
    }

    TravailChargement started(Instant now) {
        return new TravailChargement(id, jeu, fichiers, auteur, EN_COURS, null, 0, 0, instance, recuLe, now, null, null, null);
    }

    TravailChargement progressed(String step, long rows, double fraction) {
        return new TravailChargement(id, jeu, fichiers, auteur, statut, step, rows, fraction, instance, recuLe, debutLe, finLe,
                rapport, erreur);
    }

    TravailChargement finished(RapportChargement report, ErreurChargement error, Instant now) {
        return new TravailChargement(id, jeu, fichiers, auteur, error == null ? TERMINE : ECHEC, etape, lignesTraitees,
                error == null ? 1 : progression, instance, recuLe, debutLe, now, report, error);
    }
}
