package fr.carence.ogc.crs;

/** Order of the two axes of a coordinate as written in a request or a response. */
public enum AxisOrder {
    /** x first: longitude/latitude or easting/northing (Carence's internal order). */
    EAST_NORTH,
    /** y first: latitude/longitude, as the EPSG registry defines geographic CRSs. */
    NORTH_EAST
}
