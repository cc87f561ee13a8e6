package fr.carence.loaders.cli;

import java.nio.file.Path;

/**
 * Where the CLI writes: the embedded H2GIS database in a directory, or a PostGIS database.
 *
 * @param kind "h2gis" or "postgis"
 * @param dataDir H2GIS data directory
 * @param jdbcUrl PostGIS JDBC URL
 * @param retainedVersions most recent publications of a loaded layer kept (earlier versions' retention)
 * @param retainedDays days an earlier version is kept after being replaced
 */
public record StoreSettings(String kind, Path dataDir, String jdbcUrl, String user, String password,
                            int retainedVersions, int retainedDays) {
}
