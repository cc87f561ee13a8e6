package fr.carence.loaders.lieux;

import fr.carence.loaders.core.LoadException;
import java.util.function.BiFunction;

/**
 * One venue as read from a source file, before validation.
 *
 * @param nom name (required)
 * @param type published type, or null to infer it from the name
 * @param adresse postal address, or null
 * @param commune commune code as published, or null
 * @param capacite seats, or null when unknown
 * @param precision how the coordinates were obtained (e.g. "centroide-commune"), or null
 * @param lon longitude or x in {@code srid}
 * @param lat latitude or y in {@code srid}
 * @param srid CRS of the coordinates
 * @param location "ligne 12" or "entité n° 3", for duplicate messages
 * @param error builds an error on a field of this record: (field, reason) to exception
 */
record VenueRecord(String nom, String type, String adresse, String commune, Integer capacite, String precision,
                   double lon, double lat, int srid, String location, BiFunction<String, String, LoadException> error) {
}
