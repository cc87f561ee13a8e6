package fr.carence.loaders.admin;

/** A département or région of departements.json / regions.json; {@code reg} is null for régions. */
record Territory(String code, String nom, String reg) {
}
