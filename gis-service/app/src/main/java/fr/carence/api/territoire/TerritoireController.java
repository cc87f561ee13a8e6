package fr.carence.api.territoire;

import fr.carence.api.scenario.ApiError;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Territory search for the web map: régions, départements, intercommunalités (EPCI) and communes
 * by name (accents, case and hyphens ignored; "rodez agglo" finds "CA Rodez Agglomération") or
 * code, ranked (same name, then name starting with the text, then every word, then contained;
 * larger territories first among equals). Public data only: open to every caller.
 */
@RestController
@RequestMapping("/api/territoires")
@Tag(name = "Territoires", description = "Recherche de régions, départements, intercommunalités et communes")
public class TerritoireController {

    static final int LIMITE_MAX = 50;

    private final TerritoireIndex index;

    public TerritoireController(TerritoireIndex index) {
        this.index = index;
    }

    @GetMapping(produces = "application/json")
    @Operation(summary = "Rechercher un territoire",
            description = "Par nom (sans tenir compte des accents ni des majuscules) ou par code ; résultats typés et classés, avec leur étendue en Lambert-93")
    @ApiResponse(responseCode = "400", description = "Texte ou limite invalide", content = @Content(schema = @Schema(implementation = ApiError.class)))
    public List<TerritoireIndex.Territoire> search(@RequestParam(name = "q", required = false) String q,
                                                  @RequestParam(name = "limite", defaultValue = "10") String limite) {
        int n;
        try {
            n = Integer.parseInt(limite.trim());
        } catch (NumberFormatException e) {
            throw new TerritoireRequestException("paramètre « limite » : nombre entier attendu (reçu « " + limite + " »)", "limite");
        }
        if (n < 1 || n > LIMITE_MAX) {
            throw new TerritoireRequestException("paramètre « limite » : entre 1 et " + LIMITE_MAX + " (reçu " + n + ")", "limite");
        }
        if (q == null || TerritoireIndex.normalize(q).length() < 2) {
            throw new TerritoireRequestException("paramètre « q » : au moins deux lettres ou chiffres du nom ou du code cherché", "q");
        }
        return index.search(q, n);
    }

    @GetMapping(path = "/{type}/{code}", produces = "application/json")
    @Operation(summary = "Un territoire", description = "type : region, departement, epci ou commune")
    @ApiResponse(responseCode = "404", description = "Territoire inconnu", content = @Content(schema = @Schema(implementation = ApiError.class)))
    public TerritoireIndex.Territoire one(@PathVariable String type, @PathVariable String code) {
        return resolve(index, type + ":" + code);
    }

    /**
     * A territory named "type:code" (the form the web map and its links use), or a French error
     * naming the parameter: 400 for a bad form or type, 404 for an unknown code.
     */
    public static TerritoireIndex.Territoire resolve(TerritoireIndex index, String typeAndCode) {
        int colon = typeAndCode.indexOf(':');
        TerritoireIndex.Type type = colon < 0 ? null : TerritoireIndex.Type.of(typeAndCode.substring(0, colon)).orElse(null);
        if (type == null) {
            throw new TerritoireRequestException("territoire « " + typeAndCode + " » : attendu type:code, le type étant region, departement, epci ou commune (ex. departement:12)", "territoire");
        }
        String code = typeAndCode.substring(colon + 1);
        return index.get(type, code).orElseThrow(() -> new TerritoireNotFoundException(
                "territoire inconnu : aucune commune chargée pour " + type.libelle() + " « " + code + " »"));
    }
}
