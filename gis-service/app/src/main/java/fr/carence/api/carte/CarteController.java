package fr.carence.api.carte;

import fr.carence.api.dossier.ZoneDossierController;
import fr.carence.api.scenario.ApiError;
import fr.carence.security.AuditLog;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The web map's "Imprimer la carte": an A4 landscape PDF of an extent and layers, with title,
 * legend, scale, north arrow, sources, date and comment ({@link CarteImprimee}). Built whole
 * before the first byte, so a failure is a JSON error in French, never half a file.
 */
@RestController
@RequestMapping("/api/carte")
@Tag(name = "Carte imprimée", description = "Carte imprimable de la carte web (PDF A4 paysage)")
public class CarteController {

    private final CarteImprimee carte;

    public CarteController(CarteImprimee carte) {
        this.carte = carte;
    }

    @GetMapping(path = "/carte.pdf", produces = {"application/pdf", "application/json"})
    @Operation(summary = "Carte imprimable (PDF A4 paysage)",
            description = "Étendue et couches de la carte web, titre, légende, échelle, flèche du nord, sources et millésimes, date et commentaire")
    @ApiResponse(responseCode = "400", description = "Paramètre invalide", content = @Content(schema = @Schema(implementation = ApiError.class)))
    @ApiResponse(responseCode = "404", description = "Scénario inconnu", content = @Content(schema = @Schema(implementation = ApiError.class)))
    public ResponseEntity<byte[]> pdf(
            @Parameter(description = "Scénario des couches de résultats") @RequestParam(required = false) String scenario,
            @Parameter(description = "minx,miny,maxx,maxy en Lambert-93") @RequestParam(required = false) String bbox,
            @Parameter(description = "Couches de bas en haut, séparées par des virgules ; nom:style pour un autre style") @RequestParam(required = false) String couches,
            @RequestParam(required = false) String titre,
            @RequestParam(required = false) String commentaire,
            @Parameter(description = "Territoire choisi, tel qu'affiché (ex. Aveyron (département))") @RequestParam(required = false) String territoire,
            HttpServletRequest http) throws IOException {
        CarteImprimee.Demande d = carte.request(scenario, bbox, couches, titre, commentaire, territoire);
        ByteArrayOutputStream out = new ByteArrayOutputStream(512 * 1024);
        carte.write(d, out);
        AuditLog.event("carte_pdf").caller(http).with("scenario", d.scenario()).log();
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("carte-carence_" + ZoneDossierController.slug(d.scenario()) + ".pdf").build().toString())
                .body(out.toByteArray());
    }
}
