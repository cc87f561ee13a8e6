package fr.carence.loaders.admin;

import static fr.carence.store.LayerSchema.Attribute.optional;
import static fr.carence.store.LayerSchema.Attribute.required;

import fr.carence.loaders.core.CommuneCodes;
import fr.carence.store.LayerSchema;
import fr.carence.store.LayerSchema.AttributeType;
import fr.carence.store.LayerSchema.GeometryType;
import java.util.List;

/** Schemas of the reference layers (docs/layers.md, "Reference"). */
public final class AdminLayers {

    public static final LayerSchema COMMUNES_INSEE = new LayerSchema(CommuneCodes.COMMUNES_LAYER, List.of(
            required("code", AttributeType.STRING), required("nom", AttributeType.STRING),
            required("type", AttributeType.STRING), optional("zone", AttributeType.STRING),
            required("dep", AttributeType.STRING), required("reg", AttributeType.STRING),
            optional("arrondissement", AttributeType.STRING), optional("epci", AttributeType.STRING),
            optional("population", AttributeType.INTEGER), optional("chef_lieu", AttributeType.STRING)),
            GeometryType.NONE, "code");

    public static final LayerSchema HISTORIQUE = new LayerSchema(CommuneCodes.HISTORY_LAYER, List.of(
            required("ancien_code", AttributeType.STRING), required("code_actuel", AttributeType.STRING),
            required("nature", AttributeType.STRING)),
            GeometryType.NONE, "ancien_code");

    public static final LayerSchema EPCI = new LayerSchema("epci", List.of(
            required("code", AttributeType.STRING), required("nom", AttributeType.STRING),
            required("type", AttributeType.STRING), optional("population", AttributeType.INTEGER)),
            GeometryType.NONE, "code");

    public static final LayerSchema DEPARTEMENTS = new LayerSchema("departements_insee", List.of(
            required("code", AttributeType.STRING), required("nom", AttributeType.STRING),
            required("reg", AttributeType.STRING)),
            GeometryType.NONE, "code");

    public static final LayerSchema REGIONS = new LayerSchema("regions_insee", List.of(
            required("code", AttributeType.STRING), required("nom", AttributeType.STRING)),
            GeometryType.NONE, "code");

    private AdminLayers() {
    }
}
