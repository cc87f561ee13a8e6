package fr.carence.loaders.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class TerminalProgressTest {

    @Test
    void throttlesAndPrintsRowsRateAndPercent() {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(buf, true, StandardCharsets.UTF_8);
        TerminalProgress throttled = new TerminalProgress(out, 3_600_000);
        throttled.start("fixture.csv", 1000);
        for (int i = 1; i <= 10_000; i++) {
            throttled.update(i, i / 10);
        }
        assertThat(buf.toString(StandardCharsets.UTF_8)).isEmpty(); // nothing before the interval has elapsed
        throttled.done(10_000);
        assertThat(buf.toString(StandardCharsets.UTF_8)).startsWith("fixture.csv : terminé, 10,000 lignes en ");

        buf.reset();
        TerminalProgress every = new TerminalProgress(out, 0);
        every.start("fixture.csv", 1000);
        every.update(5, 500);
        assertThat(buf.toString(StandardCharsets.UTF_8)).startsWith("fixture.csv :  50 % 5 lignes (");
    }
}
