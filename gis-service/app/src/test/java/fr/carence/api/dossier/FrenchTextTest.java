package fr.carence.api.dossier;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** French figures and punctuation of the dossiers, against hand-written expectations. */
class FrenchTextTest {

    private static final String FINE = "\u202F";
    private static final String NBSP = "\u00A0";

    @Test
    void numbersHaveThinSpacesBetweenThousandsAndADecimalComma() {
        assertEquals("12" + FINE + "345,7", FrenchText.number(12345.66, 1));
        assertEquals("1" + FINE + "234" + FINE + "567", FrenchText.number(1234567.4, 0));
        assertEquals("0,50", FrenchText.number(0.5, 2));
        assertEquals("3", FrenchText.number(2.5, 0), "half up");
        assertEquals("0", FrenchText.number(-0.2, 0), "no negative zero");
        assertEquals("−1,5", FrenchText.number(-1.5, 1), "true minus sign");
        assertEquals("–", FrenchText.number(null, 1), "missing value");
        assertEquals("12,5" + NBSP + "%", FrenchText.percent(0.125, 1));
    }

    @Test
    void punctuationGetsTheFrenchSpaces() {
        assertEquals("Statut" + NBSP + ": aucun", FrenchText.typo("Statut : aucun"));
        assertEquals("Statut" + NBSP + ": aucun", FrenchText.typo("Statut: aucun"));
        assertEquals("oui" + FINE + "; non" + FINE + "! pourquoi" + FINE + "?", FrenchText.typo("oui ; non! pourquoi ?"));
        assertEquals("EPSG:2154, defaut:zone-3, https://exemple.fr, 21:15", FrenchText.typo("EPSG:2154, defaut:zone-3, https://exemple.fr, 21:15"),
                "a colon inside a word is not punctuation");
    }

    @Test
    void parameterValuesReadPlainly() {
        assertEquals("oui", FrenchText.value(true));
        assertEquals("30", FrenchText.value(30.0));
        assertEquals("0,33", FrenchText.value(0.33));
        assertEquals("0,218", FrenchText.value(0.218));
        assertEquals("aucune", FrenchText.value(null));
        assertEquals("absolu", FrenchText.value("absolu"));
    }
}
