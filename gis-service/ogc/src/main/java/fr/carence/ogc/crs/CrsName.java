package fr.carence.ogc.crs;

/**
 * A CRS as named by a client: the EPSG code it designates and the axis order that spelling implies.
 *
 * @param epsg EPSG code (4326 for CRS:84 and OGC:CRS84)
 * @param axisOrder order of the coordinates in requests and responses using this name
 * @param spelling the name as given (echoed back in {@code srsName} so the client reads the axes
 *                 the way it asked for them)
 */
public record CrsName(int epsg, AxisOrder axisOrder, String spelling) {

    /** The WFS 2.0 default spelling of a code: {@code urn:ogc:def:crs:EPSG::<code>}. */
    public static CrsName urn(int epsg) {
        return CrsNameParser.parse("urn:ogc:def:crs:EPSG::" + epsg);
    }

    /** {@code urn:ogc:def:crs:EPSG::<code>} for this code. */
    public String urnSpelling() {
        return "urn:ogc:def:crs:EPSG::" + epsg;
    }

    public boolean isNorthEast() {
        return axisOrder == AxisOrder.NORTH_EAST;
    }
}
