package fr.carence.loaders.core;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Decides a text file's charset by validating it as UTF-8 in one byte-level pass (a second read
 * of the file, cheap next to parsing). Streaming decoders cannot go back once they meet an
 * invalid byte, and reporting the line of the first invalid byte needs the line count anyway.
 */
public final class EncodingDetector {

    public static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private EncodingDetector() {
    }

    /**
     * @return UTF-8, or Windows-1252 when allowed and the file is not valid UTF-8
     * @throws LoadException naming the first line with an invalid byte when only UTF-8 is allowed
     */
    public static Charset detect(Path path, TextEncoding policy) {
        long badLine = firstInvalidUtf8Line(path);
        if (badLine < 0) {
            return StandardCharsets.UTF_8;
        }
        if (policy == TextEncoding.UTF8_OR_WINDOWS_1252) {
            return WINDOWS_1252;
        }
        throw LoadException.atLine(InputFile.displayName(path), badLine, null,
                "le fichier n'est pas en UTF-8 (octet invalide, probablement Latin-1/Windows-1252) : réenregistrez-le en UTF-8");
    }

    /** 1-based line of the first invalid UTF-8 sequence, or -1 when the file is valid UTF-8. */
    static long firstInvalidUtf8Line(Path path) {
        try (InputFile file = InputFile.open(path)) {
            InputStream in = file.content();
            byte[] buf = new byte[1 << 16];
            long line = 1;
            int pending = 0;      // continuation bytes still expected
            int n;
            while ((n = in.read(buf)) > 0) {
                for (int i = 0; i < n; i++) {
                    int b = buf[i] & 0xff;
                    if (pending > 0) {
                        if ((b & 0xc0) != 0x80) {
                            return line;
                        }
                        pending--;
                        continue;
                    }
                    if (b == '\n') {
                        line++;
                    } else if (b >= 0x80) {
                        if (b >= 0xc2 && b <= 0xdf) {
                            pending = 1;
                        } else if (b >= 0xe0 && b <= 0xef) {
                            pending = 2;
                        } else if (b >= 0xf0 && b <= 0xf4) {
                            pending = 3;
                        } else {
                            return line;
                        }
                    }
                }
            }
            return pending > 0 ? line : -1;
        } catch (IOException e) {
            throw InputFile.unreadable(path, e);
        }
    }
}
