package fr.carence.api.couches;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;

/** A store layer as shown to administrators by {@code GET /api/couches}. */
@Schema(description = "Couche du magasin de données")
public record Couche(
        @Schema(description = "Nom de la couche (table) dans le magasin", example = "communes") String nom,
        @Schema(description = "Type de géométrie (NONE pour une table sans géométrie)", example = "MULTIPOLYGON") String geometrie,
        @Schema(description = "Nombre d'entités publiées lors de la dernière mise à jour") long entites,
        @Schema(description = "Date de la dernière mise à jour (publication de la version courante)") Instant miseAJour,
        @Schema(description = "Jeu de données (ou calcul) qui l'a écrite", example = "communes") String jeu,
        @Schema(description = "Fichiers lus, ou description du calcul") String fichiers,
        @Schema(description = "Millésime des données, le cas échéant", example = "COG 2018") String millesime,
        @Schema(description = "Qui l'a chargée : identifiant de l'administrateur (téléversement) ou cli:<utilisateur système> (ligne de commande) ; vide pour un calcul ou le chargement initial",
                example = "admin") String chargePar,
        @Schema(description = "SHA-256 des fichiers lus (nom=empreinte;… s'il y en a plusieurs) ; vide pour un calcul")
        String sha256,
        @Schema(description = "Couches OGC (WMS/WFS) qui la publient, avec les rôles autorisés à les lire")
        List<Publication> publications) {

    @Schema(description = "Publication OGC d'une couche du magasin")
    public record Publication(@Schema(example = "carence:communes") String couche,
                              @Schema(description = "Rôles autorisés à lire ; vide = publique") List<String> rolesLecture) {
    }
}
