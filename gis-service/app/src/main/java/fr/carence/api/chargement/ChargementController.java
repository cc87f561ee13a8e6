package fr.carence.api.chargement;

import fr.carence.security.AuditLog;
import jakarta.servlet.http.HttpServletRequest;
import io.swagger.v3.oas.annotations.Hidden;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Data loads by upload (administrators): the HTTP face of {@code carence load}. */
@RestController
@RequestMapping("/api/chargements")
@Tag(name = "Chargements", description = "Chargement des jeux de données officiels par téléversement (administrateurs)")
public class ChargementController {

    private final UploadedDatasetLoads loads;

    public ChargementController(UploadedDatasetLoads loads) {
        this.loads = loads;
    }

    @GetMapping(path = "/jeux", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Jeux chargeables",
            description = "Jeux de données chargeables par téléversement, avec leurs couches, leurs prérequis et les types de fichier acceptés")
    @ApiResponse(responseCode = "200", description = "Liste des jeux")
    public List<JeuDeDonnees> datasets() {
        return loads.loaders().values().stream().map(JeuDeDonnees::of).toList();
    }

    @PostMapping(path = "/{jeu}", consumes = MediaType.MULTIPART_FORM_DATA_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Charger un jeu de données",
            description = "Téléverse un ou plusieurs fichiers (CSV, JSON/GeoJSON, Shapefile ; chacun éventuellement en .gz, "
                    + "ou regroupés dans un .zip) et les charge comme « carence load » : toutes les couches du jeu sont "
                    + "remplacées d'un coup, ou aucune en cas d'erreur. Les fichiers sont vérifiés à la réception (jeu, "
                    + "taille, type, archive, contenu), puis chargés en arrière-plan, un chargement à la fois (les suivants "
                    + "attendent leur tour) : suivre le travail sur l'URL de Location.")
    @ApiResponse(responseCode = "202", description = "Téléversement accepté ; travail en attente, à suivre sur l'URL de Location")
    @ApiResponse(responseCode = "400", description = "Requête ou archive refusée (nom de fichier, chemin « .. », lien symbolique, archive imbriquée, trop de fichiers, option)",
            content = @Content(schema = @Schema(implementation = ErreurChargement.class)))
    @ApiResponse(responseCode = "401", description = "Non authentifié")
    @ApiResponse(responseCode = "403", description = "Réservé aux administrateurs")
    @ApiResponse(responseCode = "404", description = "Jeu de données inconnu",
            content = @Content(schema = @Schema(implementation = ErreurChargement.class)))
    @ApiResponse(responseCode = "409", description = "Trop de chargements en attente sur cette instance (carence.chargements.max-pending)",
            content = @Content(schema = @Schema(implementation = ErreurChargement.class)))
    @ApiResponse(responseCode = "413", description = "Téléversement trop volumineux, ou trop volumineux une fois décompressé",
            content = @Content(schema = @Schema(implementation = ErreurChargement.class)))
    @ApiResponse(responseCode = "415", description = "Type de fichier non accepté par ce jeu, ou contenu non conforme à l'extension",
            content = @Content(schema = @Schema(implementation = ErreurChargement.class)))
    public ResponseEntity<TravailChargement> load(
            @Parameter(description = "Clé du jeu (voir /api/chargements/jeux)", example = "lieux") @PathVariable String jeu,
            @Parameter(description = "Fichiers à charger") @RequestParam(name = "fichiers", required = false) List<MultipartFile> fichiers,
            @Parameter(description = "Option du chargeur, « clé=valeur » (répétable), comme « carence load -o » ; pas de chemin ni de fichier du serveur",
                    example = "millesime=COG 2026") @RequestParam(name = "option", required = false) List<String> option,
            HttpServletRequest http) {
        List<UploadPart> parts = fichiers == null ? List.of() : fichiers.stream().<UploadPart>map(UploadPart::of).toList();
        String names = String.join(",", parts.stream().map(p -> String.valueOf(p.originalName())).toList());
        try {
            TravailChargement job = loads.submit(jeu, parts, UploadOptions.parse(option),
                    http.getUserPrincipal() == null ? null : http.getUserPrincipal().getName());
            AuditLog.event("chargement").caller(http).with("jeu", jeu).with("fichiers", names).with("resultat", "accepte")
                    .with("travail", job.id()).log();
            return ResponseEntity.accepted().location(URI.create("/api/chargements/travaux/" + job.id())).body(job);
        } catch (RuntimeException e) {
            AuditLog.event("chargement").caller(http).with("jeu", jeu).with("fichiers", names).with("resultat", "echec")
                    .with("erreur", e.getClass().getSimpleName()).log();
            throw e;
        }
    }

    @GetMapping(path = "/travaux/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Suivre un chargement",
            description = "État du travail : en_attente, en_cours (étape et avancement), termine (compte rendu) ou echec "
                    + "(erreur nommant le fichier, la ligne et le champ, avec le statut HTTP qu'aurait eu un chargement "
                    + "immédiat, p. ex. 422 ; magasin inchangé). Un travail dont l'instance s'est arrêtée finit en echec.")
    @ApiResponse(responseCode = "200", description = "État du travail")
    @ApiResponse(responseCode = "401", description = "Non authentifié")
    @ApiResponse(responseCode = "403", description = "Réservé aux administrateurs")
    @ApiResponse(responseCode = "404", description = "Travail inconnu (ou terminé depuis plus de carence.chargements.job-retention)",
            content = @Content(schema = @Schema(implementation = ErreurChargement.class)))
    public TravailChargement job(@Parameter(description = "Identifiant du travail (réponse du téléversement)") @PathVariable String id) {
        return loads.job(id).orElseThrow(() -> new UnknownJobException(id));
    }

    /** Any other body: this API's French 400 rather than the framework's generic 415 page. */
    @Hidden
    @PostMapping(path = "/{jeu}", produces = MediaType.APPLICATION_JSON_VALUE)
    public TravailChargement notMultipart(@PathVariable String jeu) {
        throw UploadRejectedException.badRequest("fichier_manquant", null,
                "aucun fichier reçu : envoyer les fichiers en multipart/form-data dans la partie « fichiers »");
    }

}
