package fr.carence.analysis.step;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MatrixTravelTimesTest {
    private final TravelTimes fallback = new DetourTravelTimes(1, 60);

    @Test
    void readsTheCsvWithHeaderAndBothSeparators(@TempDir Path dir) throws Exception {
        Path f = Files.writeString(dir.resolve("fixture-temps.csv"), "origine,destination,minutes\nc0,c1,7.5\nc1;c2;40\n");
        MatrixTravelTimes m = MatrixTravelTimes.read(f, fallback);
        assertEquals(2, m.size());
        assertEquals(7.5, m.minutes(Fixtures.place("c1", 15), Fixtures.place("c0", 0)), 1e-12);
        assertEquals(40, m.minutes(Fixtures.place("c1", 15), Fixtures.place("c2", 20)), 1e-12);
        assertEquals(20, m.minutes(Fixtures.place("c0", 0), Fixtures.place("c2", 20)), 1e-9, "fallback");
    }

    @Test
    void badLinesNameFileLineAndField(@TempDir Path dir) throws Exception {
        Path f = Files.writeString(dir.resolve("fixture-bad.csv"), "c0,c1,7\nc0,c2,vingt\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> MatrixTravelTimes.read(f, fallback));
        assertTrue(e.getMessage().contains("fixture-bad.csv ligne 2, champ minutes"), e.getMessage());
        Path g = Files.writeString(dir.resolve("fixture-short.csv"), "c0,c1\n");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> MatrixTravelTimes.read(g, fallback))
                .getMessage().contains("ligne 1"));
    }
}
