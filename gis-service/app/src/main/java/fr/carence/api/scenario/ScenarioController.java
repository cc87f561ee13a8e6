package fr.carence.api.scenario;

import fr.carence.security.AuditLog;
import jakarta.servlet.http.HttpServletRequest;
import fr.carence.analysis.param.ParameterSpec;
import fr.carence.analysis.result.ResultColumns;
import fr.carence.analysis.scenario.Recalcul;
import fr.carence.analysis.scenario.RecalculJob;
import fr.carence.analysis.scenario.ScenarioComparison;
import fr.carence.analysis.scenario.ScenarioNotFoundException;
import fr.carence.analysis.scenario.ScenarioRecord;
import fr.carence.analysis.scenario.ScenarioService;
import fr.carence.analysis.store.ResultLayers;
import fr.carence.ogc.catalog.Catalog;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * REST API of the carence scenarios (calculs asynchrones). What a caller sees of a scenario follows
 * the column rules of the {@code scenarios} table and of {@code indicateurs_communes}
 * ({@code security/columns.properties}, asked through {@link Catalog#columnReadable}): anonymous
 * callers get neither the author nor the figures derived from the candidate sites.
 */
@RestController
@RequestMapping("/api/scenarios")
@Tag(name = "Scénarios", description = "Calcul des zones de carence, des sites candidats et de leur impact")
public class ScenarioController {
    private final ScenarioService service;
    private final Catalog catalog;

    public ScenarioController(ScenarioService service, Catalog catalog) {
        this.service = service;
        this.catalog = catalog;
    }

    private ScenarioRecord readable(ScenarioRecord r) {
        return r.readableBy(column -> catalog.columnReadable(ResultLayers.SCENARIOS, column));
    }

    @PostMapping(consumes = "application/json", produces = "application/json")
    @Operation(summary = "Lancer un scénario",
            description = "Valide les paramètres et met le calcul en file ; suivre l'avancement sur l'URL de Location.")
    @ApiResponse(responseCode = "202", description = "Calcul accepté")
    @ApiResponse(responseCode = "400", description = "Paramètre invalide (nommé dans la réponse)",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    @ApiResponse(responseCode = "409", description = "Scénario déjà en cours",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    @ApiResponse(responseCode = "503", description = "File d'attente pleine",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    public ResponseEntity<ScenarioRecord> submit(@RequestBody(required = false) ScenarioRequest request,
                                                 HttpServletRequest http) {
        ScenarioRequest r = request == null ? new ScenarioRequest(null, null, null) : request;
        // Only a PLANNER reaches this method (SecurityConfiguration), so there is always a login.
        Authentication caller = SecurityContextHolder.getContext().getAuthentication();
        String auteur = caller == null ? null : caller.getName();
        ScenarioRecord queued = service.submit(r.id(), r.nom(), r.parametres(), auteur);
        AuditLog.event("scenario_lance").caller(http).with("scenario", queued.id()).log();
        URI location = ServletUriComponentsBuilder.fromCurrentRequestUri().path("/{id}").buildAndExpand(queued.id()).toUri();
        return ResponseEntity.accepted().location(location).body(readable(queued));
    }

    @GetMapping(produces = "application/json")
    @Operation(summary = "Lister les scénarios", description = "Avec leur statut et leur avancement")
    public List<ScenarioRecord> list() {
        return service.list().stream().map(this::readable).toList();
    }

    @GetMapping(path = "/parameters", produces = "application/json")
    @Operation(summary = "Paramètres", description = "Valeurs par défaut, bornes, unités et sources de chaque paramètre")
    public List<ParameterSpec> parameters() {
        return service.parameters();
    }

    @GetMapping(path = "/colonnes", produces = "application/json")
    @Operation(summary = "Colonnes des résultats",
            description = "Par couche de résultats : nom, type, unité, libellé, définition et source de chaque colonne publiée")
    public Map<String, List<ResultColumns.ColumnDescription>> columns() {
        return service.columns();
    }

    @GetMapping(path = "/{id}", produces = "application/json")
    @Operation(summary = "Un scénario", description = "Statut, avancement, temps par étape et résultats principaux")
    @ApiResponse(responseCode = "404", description = "Scénario inconnu",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    public ScenarioRecord get(@Parameter(description = "Identifiant du scénario") @PathVariable String id) {
        return readable(service.get(id).orElseThrow(() -> new ScenarioNotFoundException(id)));
    }

    @GetMapping(path = "/{id}/compare/{other}", produces = "application/json")
    @Operation(summary = "Comparer deux scénarios",
            description = "Communes entrant en carence ou en sortant (de {id} vers {other}), demande en carence et couverte")
    @ApiResponse(responseCode = "404", description = "Scénario inconnu",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    @ApiResponse(responseCode = "409", description = "Scénario non terminé",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    public ScenarioComparison compare(@PathVariable String id, @PathVariable String other) {
        ScenarioComparison c = service.compare(id, other);
        // The covered demand is summed from site_desservant: shown only to who may read that column.
        return catalog.columnReadable(ResultLayers.INDICATEURS, "site_desservant") ? c : c.withoutSiteFigures();
    }

    @PostMapping(path = "/{id}/recalcul", produces = "application/json")
    @Operation(summary = "Recalculer un scénario sur ses entrées exactes",
            description = "Met en file le recalcul (comme un calcul) : il relira les versions des couches enregistrées "
                    + "dans sa provenance (conservées par le magasin), recalculera sans rien publier et dira si les "
                    + "résultats sont identiques aux résultats publiés ; suivre l'avancement et lire le résultat sur "
                    + "l'URL de Location")
    @ApiResponse(responseCode = "202", description = "Recalcul accepté")
    @ApiResponse(responseCode = "404", description = "Scénario inconnu",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    @ApiResponse(responseCode = "409", description = "Scénario non terminé, sans provenance, ou recalcul déjà en cours",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    @ApiResponse(responseCode = "503", description = "File d'attente pleine",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    public ResponseEntity<RecalculJob> recompute(@PathVariable String id, HttpServletRequest http) {
        Authentication caller = SecurityContextHolder.getContext().getAuthentication();
        RecalculJob queued = service.submitRecompute(id, caller == null ? null : caller.getName());
        AuditLog.event("scenario_recalcul_demande").caller(http).with("scenario", id).log();
        URI location = ServletUriComponentsBuilder.fromCurrentRequestUri().build().toUri();
        return ResponseEntity.accepted().location(location).body(readable(queued));
    }

    @GetMapping(path = "/{id}/recalcul", produces = "application/json")
    @Operation(summary = "Dernier recalcul d'un scénario",
            description = "Statut et avancement ; une fois terminé, le résultat : identique ou non, couches et colonnes "
                    + "qui diffèrent, premières différences (celles des colonnes que l'appelant ne peut pas lire sont "
                    + "seulement comptées)")
    @ApiResponse(responseCode = "404", description = "Scénario inconnu ou jamais recalculé",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    public RecalculJob recomputation(@PathVariable String id) {
        if (service.get(id).isEmpty()) {
            throw new ScenarioNotFoundException(id);
        }
        return readable(service.recomputation(id).orElseThrow(() -> ScenarioNotFoundException.noRecomputation(id)));
    }

    /**
     * A recomputation as the caller may see it: differences only in layers and columns it may read
     * (the candidate sites and their columns are FUNDER/ADMIN), the author for accounts only.
     */
    private RecalculJob readable(RecalculJob j) {
        Recalcul r = j.resultat() == null ? null : j.resultat().readableBy((layer, column) ->
                catalog.layer(layer).isPresent()
                        && (column.equals("geom") || column.equals("(entité)") || catalog.columnReadable(layer, column)));
        return j.withResult(r, catalog.columnReadable(ResultLayers.RECALCULS, "auteur"));
    }

    @DeleteMapping(path = "/{id}")
    @Operation(summary = "Supprimer un scénario", description = "Supprime ses partitions dans toutes les couches de résultats")
    @ApiResponse(responseCode = "204", description = "Supprimé")
    @ApiResponse(responseCode = "404", description = "Scénario inconnu",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    @ApiResponse(responseCode = "409", description = "Scénario en cours de calcul",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    public ResponseEntity<Void> delete(@PathVariable String id, HttpServletRequest http) {
        service.delete(id);
        AuditLog.event("scenario_supprime").caller(http).with("scenario", id).log();
        return ResponseEntity.noContent().build();
    }
}
