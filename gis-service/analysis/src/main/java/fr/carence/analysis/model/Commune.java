package fr.carence.analysis.model;

import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;

/**
 * One commune as the analysis steps see it.
 *
 * @param code INSEE code (COG)
 * @param nom name
 * @param population population municipale
 * @param place interior point in the legal CRS, for distances
 * @param pointStockage the same interior point in the storage CRS (2154), for output geometries
 * @param geometry polygon in the storage CRS, or null (a few communes have no polygon)
 */
public record Commune(String code, String nom, double population, Place place, Point pointStockage, Geometry geometry) {
}
