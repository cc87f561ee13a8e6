package fr.carence.loaders.fragilite;

/** "02 - Massif du Jura" (ANCT's numbered label) to "Massif du Jura". */
final class MassifName {

    private MassifName() {
    }

    static String of(String label) {
        return label.strip().replaceFirst("^\\d+\\s*-\\s*", "");
    }
}
