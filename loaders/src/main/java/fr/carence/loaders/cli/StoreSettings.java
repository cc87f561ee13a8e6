package fr.carence.loaders.cli;

import java.nio.file.Path;

/**
 * Where the CLI writes: the embedded H2GIS database in a directory, or a PostGIS database.
 *
 * @param kind "h2gis" or "postgis"
 * @param dataDir H2GIS data directory
 * @param jdbcUrl PostGIS JDBC URL
 */
public record StoreSettings(String kind, Path dataDir, String jdbcUrl, String user, String password) {
}
