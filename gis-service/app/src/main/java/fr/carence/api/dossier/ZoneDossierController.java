package fr.carence.api.dossier;

import fr.carence.api.scenario.ApiError;
import fr.carence.api.territoire.TerritoireController;
import fr.carence.api.territoire.TerritoireIndex;
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
import java.io.OutputStream;
import java.util.List;
import java.util.Set;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Zones of a scenario and their dossier de carence (PDF, GeoPackage). Open to every caller like
 * the other scenario reads; what a dossier contains depends on the caller (candidate sites for
 * FUNDER / ADMIN only). The whole document is built before the first byte is sent, so a failure
 * is a JSON error, never half a file.
 */
@RestController
@RequestMapping("/api/scenarios/{id}/zones")
@Tag(name = "Dossiers de carence", description = "Zones de carence d'un scénario et leur dossier (PDF, GeoPackage)")
public class ZoneDossierController {

    static final MediaType GEOPACKAGE = MediaType.parseMediaType("application/geopackage+sqlite3");

    private final DossierReader reader;
    private final DossierPdf pdf;
    private final DossierGeoPackage gpkg;
    private final TerritoireIndex territoires;

    public ZoneDossierController(DossierReader reader, DossierPdf pdf, DossierGeoPackage gpkg, TerritoireIndex territoires) {
        this.reader = reader;
        this.territoires = territoires;
        this.pdf = pdf;
        this.gpkg = gpkg;
    }

    @GetMapping(produces = "application/json")
    @Operation(summary = "Zones de carence d'un scénario",
            description = "Identifiant, nom, rang, unité de zonage, classe de robustesse (quand la méthode la calcule), chiffres de la zone et ses communes nommées ; filtrable par territoire")
    @ApiResponse(responseCode = "404", description = "Scénario inconnu", content = @Content(schema = @Schema(implementation = ApiError.class)))
    @ApiResponse(responseCode = "409", description = "Scénario non terminé", content = @Content(schema = @Schema(implementation = ApiError.class)))
    @ApiResponse(responseCode = "400", description = "Territoire mal écrit", content = @Content(schema = @Schema(implementation = ApiError.class)))
    public List<ZoneDossier.ZoneLigne> zones(@PathVariable String id,
            @Parameter(description = "Seulement les zones dont au moins une commune est dans ce territoire : type:code, ex. departement:12, epci:200067361, region:76, commune:12202")
            @RequestParam(name = "territoire", required = false) String territoire) {
        List<ZoneDossier.ZoneLigne> all = reader.zoneTable(id);
        if (territoire == null || territoire.isBlank()) {
            return all;
        }
        TerritoireIndex.Territoire t = TerritoireController.resolve(territoires, territoire.trim());
        Set<String> communes = territoires.communes(TerritoireIndex.Type.valueOf(t.type()), t.code());
        return all.stream().filter(z -> z.communes().stream().anyMatch(c -> communes.contains(c.code()))).toList();
    }

    @GetMapping(path = "/{zone}/dossier.pdf", produces = {"application/pdf", "application/json"})
    @Operation(summary = "Dossier de carence (PDF A4)",
            description = "Carte, indicateurs, communes, fragilités, flux modélisés, statut AMII, paramètres, provenance, méthode")
    @ApiResponse(responseCode = "404", description = "Scénario ou zone inconnus", content = @Content(schema = @Schema(implementation = ApiError.class)))
    public ResponseEntity<byte[]> dossierPdf(@PathVariable String id, @PathVariable String zone, HttpServletRequest http) throws IOException {
        return download(id, zone, http, pdf::write, MediaType.APPLICATION_PDF, "pdf");
    }

    @GetMapping(path = "/{zone}/dossier.gpkg", produces = {"application/geopackage+sqlite3", "application/json"})
    @Operation(summary = "Dossier de carence (GeoPackage pour QGIS)",
            description = "Couches zone, communes, lieux_proches, sites_candidats (financeurs) et table dossier")
    @ApiResponse(responseCode = "404", description = "Scénario ou zone inconnus", content = @Content(schema = @Schema(implementation = ApiError.class)))
    public ResponseEntity<byte[]> dossierGpkg(@PathVariable String id, @PathVariable String zone, HttpServletRequest http) throws IOException {
        return download(id, zone, http, gpkg::write, GEOPACKAGE, "gpkg");
    }

    /** One writing of a dossier (PDF or GeoPackage). */
    @FunctionalInterface
    interface DossierWriter {
        void write(ZoneDossier d, OutputStream out) throws IOException;
    }

    private ResponseEntity<byte[]> download(String id, String zone, HttpServletRequest http, DossierWriter writer,
                                            MediaType type, String extension) throws IOException {
        ZoneDossier d = reader.read(id, zone);
        ByteArrayOutputStream out = new ByteArrayOutputStream(512 * 1024);
        writer.write(d, out);
        AuditLog.event("dossier_" + extension).caller(http).with("scenario", id).with("zone", d.resume().id()).log();
        return ResponseEntity.ok().contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(fileName(d, extension)).build().toString())
                .body(out.toByteArray());
    }

    /** "dossier-carence_<scenario>_zone-3_saint-affrique.pdf": the scenario and the place in the name. */
    static String fileName(ZoneDossier d, String extension) {
        String zone = d.resume().id().substring(d.resume().id().indexOf(':') + 1);
        return "dossier-carence_" + slug(d.scenario().id()) + "_" + slug(zone) + "_" + slug(d.resume().nom()) + "." + extension;
    }

    public static String slug(String s) {
        String ascii = java.text.Normalizer.normalize(s, java.text.Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        String slug = ascii.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        return slug.isEmpty() ? "sans-nom" : slug;
    }

}
