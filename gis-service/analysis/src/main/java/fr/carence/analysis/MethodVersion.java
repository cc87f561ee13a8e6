package fr.carence.analysis;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The method's version as a scenario records it: project version and git commit, stamped at build time. */
public final class MethodVersion {
    private static final String CURRENT = read();

    private MethodVersion() {
    }

    /** E.g. "carence 0.1.0-SNAPSHOT, commit b022d69". */
    public static String current() {
        return CURRENT;
    }

    private static String read() {
        Properties p = new Properties();
        try (InputStream in = MethodVersion.class.getResourceAsStream("version-methode.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            // unreadable resource: reported as unknown below, never a failed run
        }
        return "carence " + stamped(p, "version") + ", commit " + stamped(p, "commit");
    }

    /** An unfiltered placeholder (built outside Maven) is reported as unknown. */
    private static String stamped(Properties p, String key) {
        String v = p.getProperty(key);
        return v == null || v.isBlank() || v.startsWith("@") ? "inconnu" : v;
    }
}
