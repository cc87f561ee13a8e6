package fr.carence.api.chargement;

import fr.carence.analysis.store.AnalysisInputReader;
import fr.carence.cluster.LoadLock;
import fr.carence.loaders.core.DatasetLoader;
import fr.carence.loaders.core.DatasetLoaders;
import fr.carence.loaders.core.LoadContext;
import fr.carence.loaders.core.LoadException;
import fr.carence.loaders.core.LoadReport;
import fr.carence.loaders.core.Progress;
import fr.carence.loaders.intentions.IntentionTemplate;
import fr.carence.security.AuditLog;
import fr.carence.store.FeatureStore;
import fr.carence.store.LayerInfo;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * The investment intentions of an AMII (docs/amii.md): the template to fill, what is loaded, and
 * the upload. The upload is the loader "intentions" run at once (a small file): every line is
 * checked, all the errors come back in one French 400, and nothing is replaced unless the whole
 * file is valid. The scenarios apply the intentions on their next run.
 */
@RestController
@RequestMapping("/api/intentions")
@Tag(name = "Intentions AMII", description = "Intentions d'investissement déclarées à un appel à manifestation d'intention "
        + "d'investissement : modèle de fichier, chargement (planificateurs), état")
public class IntentionsController {

    /** How long an upload waits for another load to finish before answering 409. */
    private static final Duration LOCK_WAIT = Duration.ofSeconds(20);

    private final FeatureStore store;
    private final UploadStager stager;
    private final LoadLock lock;
    private final DatasetLoader loader = DatasetLoaders.require("intentions");

    public IntentionsController(FeatureStore store, ChargementProperties limits, LoadLock lock) {
        this.store = store;
        this.stager = new UploadStager(limits);
        this.lock = lock;
    }

    /** The AMII loaded, as {@code GET /api/intentions} answers it. */
    @Schema(description = "AMII chargé")
    public record EtatIntentions(
            @Schema(description = "Un fichier d'intentions est chargé") boolean charge,
            @Schema(description = "Fichier chargé", example = "amii-occitanie.csv") String fichier,
            @Schema(description = "Date de chargement (ISO-8601, UTC)") String chargement,
            @Schema(description = "Qui l'a chargé") String auteur,
            @Schema(description = "Nombre d'intentions") Long intentions,
            @Schema(description = "Ce qu'il faut savoir") String message) {
    }

    @GetMapping(path = "/modele.csv", produces = "text/csv;charset=UTF-8")
    @Operation(summary = "Modèle CSV", description = "Modèle à remplir (séparateur « ; », UTF-8, deux lignes d'exemple fictives à remplacer)")
    public ResponseEntity<byte[]> csvTemplate() {
        return attachment(IntentionTemplate.csv(), "modele-intentions-amii.csv", "text/csv;charset=UTF-8");
    }

    @GetMapping(path = "/modele.geojson", produces = "application/geo+json")
    @Operation(summary = "Modèle GeoJSON", description = "Modèle GeoJSON (points WGS 84, une entité d'exemple fictive à remplacer)")
    public ResponseEntity<byte[]> geojsonTemplate() {
        return attachment(IntentionTemplate.geojson(), "modele-intentions-amii.geojson", "application/geo+json");
    }

    @GetMapping(path = "/colonnes", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Colonnes du fichier", description = "Chaque colonne du modèle : nom, obligatoire, contenu attendu")
    public List<IntentionTemplate.Column> columns() {
        return IntentionTemplate.COLUMNS;
    }

    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "AMII chargé", description = "Fichier d'intentions chargé, date, auteur et nombre d'intentions (comptes)")
    @ApiResponse(responseCode = "200", description = "État")
    @ApiResponse(responseCode = "401", description = "Non authentifié")
    public EtatIntentions state() {
        Optional<LayerInfo> info = store.info(AnalysisInputReader.INTENTIONS);
        if (info.isEmpty()) {
            return new EtatIntentions(false, null, null, null, null, "Aucun AMII chargé : les zones résiduelles sont les "
                    + "zones présumées.");
        }
        LayerInfo.Source s = info.get().source();
        return new EtatIntentions(true, s == null ? null : s.files(), info.get().committedAt().toString(),
                s == null ? null : s.loadedBy(), info.get().featureCount(),
                "Les scénarios appliquent ces intentions à leur prochain calcul (paramètre appliquer_intentions).");
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Charger les intentions d'un AMII",
            description = "Téléverse un fichier CSV (modèle) ou GeoJSON et remplace les intentions chargées. Le fichier est "
                    + "vérifié en entier : en cas d'erreur, toutes sont renvoyées (ligne, colonne, raison) et rien n'est "
                    + "remplacé. Les scénarios appliquent les intentions à leur prochain calcul.")
    @ApiResponse(responseCode = "200", description = "Intentions chargées")
    @ApiResponse(responseCode = "400", description = "Fichier refusé : chaque erreur nomme la ligne et la colonne",
            content = @Content(schema = @Schema(implementation = ErreurChargement.class)))
    @ApiResponse(responseCode = "401", description = "Non authentifié")
    @ApiResponse(responseCode = "403", description = "Réservé aux planificateurs et administrateurs")
    @ApiResponse(responseCode = "409", description = "Un autre chargement est en cours",
            content = @Content(schema = @Schema(implementation = ErreurChargement.class)))
    public ResponseEntity<?> upload(
            @Parameter(description = "Fichier des intentions (CSV ou GeoJSON)") @RequestParam(name = "fichier", required = false) MultipartFile fichier,
            @Parameter(description = "Millésime ou nom de l'AMII, enregistré dans la provenance", example = "AMII Occitanie 2026")
            @RequestParam(name = "millesime", required = false) String millesime,
            HttpServletRequest http) {
        String name = fichier == null ? null : fichier.getOriginalFilename();
        String operator = http.getUserPrincipal() == null ? null : http.getUserPrincipal().getName();
        AuditLog audit = AuditLog.event("intentions").caller(http).with("fichier", name);
        if (fichier == null || fichier.isEmpty()) {
            audit.with("resultat", "echec").with("erreur", "fichier_manquant").log();
            return ResponseEntity.badRequest().body(ErreurChargement.of(400, "fichier_manquant",
                    "aucun fichier reçu : envoyer le fichier des intentions en multipart/form-data dans la partie « fichier »"));
        }
        try (StagedUpload staged = stager.stage(loader, List.of(UploadPart.of(fichier)))) {
            Optional<LoadLock.Held> held;
            try {
                held = lock.acquire("intentions", LOCK_WAIT);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                held = Optional.empty();
            }
            if (held.isEmpty()) {
                audit.with("resultat", "echec").with("erreur", "chargement_en_cours").log();
                return ResponseEntity.status(HttpStatus.CONFLICT).header("Retry-After", "30")
                        .body(ErreurChargement.of(409, "chargement_en_cours", "un autre chargement est en cours ("
                                + lock.running() + ") : réessayer dans un instant"));
            }
            try (LoadLock.Held ignored = held.get()) {
                Map<String, String> options = millesime == null || millesime.isBlank() ? Map.of() : Map.of("millesime", millesime.strip());
                LoadReport report = loader.load(staged.loaderFiles(), new LoadContext(store, Progress.silent(), options, operator)
                        .forFiles(staged.loaderFiles()));
                audit.with("resultat", "ok").with("entites", report.featuresWritten(AnalysisInputReader.INTENTIONS)).log();
                return ResponseEntity.ok(state());
            } catch (LoadException e) {
                audit.with("resultat", "echec").with("erreur", "fichier_invalide").log();
                return ResponseEntity.badRequest().body(ErreurChargement.of(400, "fichier_invalide", e));
            } catch (Exception e) {
                throw e instanceof RuntimeException r ? r : new IllegalStateException(e);
            }
        }
    }

    private static ResponseEntity<byte[]> attachment(String text, String filename, String type) {
        return ResponseEntity.ok().header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + filename + "\"")
                .contentType(MediaType.parseMediaType(type)).body(text.getBytes(StandardCharsets.UTF_8));
    }

}
