package fr.carence.loaders.core;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Collectors;

/** SHA-256 of a load's input files, recorded in the layers' provenance. */
public final class FileDigests {

    private FileDigests() {
    }

    /** One hex digest for one file; {@code name=digest;…} in the given order for several; null for none. */
    public static String sha256(List<Path> files) {
        if (files == null || files.isEmpty()) {
            return null;
        }
        if (files.size() == 1) {
            return sha256(files.get(0));
        }
        return files.stream().map(f -> InputFile.displayName(f) + "=" + sha256(f)).collect(Collectors.joining(";"));
    }

    public static String sha256(Path file) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            try (InputStream in = new DigestInputStream(Files.newInputStream(file), md)) {
                in.transferTo(OutputStream.nullOutputStream());
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 absent de la JVM", e);
        } catch (IOException e) {
            throw InputFile.unreadable(file, e);
        }
    }
}
