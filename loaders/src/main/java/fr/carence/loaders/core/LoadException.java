package fr.carence.loaders.core;

/**
 * A problem with the user's input file. The message is meant for the user as is (French, like
 * the UI): it always names the file, the location (line or feature) and the field when known,
 * and the CLI prints it without a stack trace.
 */
public class LoadException extends RuntimeException {

    private final String file;
    private final String location;
    private final String field;
    private final String reason;
    private final java.util.List<LoadException> details;

    private LoadException(String file, String location, String field, String reason, Throwable cause) {
        this(format(file, location, field, reason), file, location, field, reason, cause, java.util.List.of());
    }

    private LoadException(String message, String file, String location, String field, String reason, Throwable cause,
                          java.util.List<LoadException> details) {
        super(message, cause);
        this.file = file;
        this.location = location;
        this.field = field;
        this.reason = reason;
        this.details = details;
    }

    /**
     * Every error found in one file (a loader that reads a small file whole, e.g. investment
     * intentions, reports them all at once rather than the first): the message lists each one on
     * its own line; {@link #details()} gives them one by one. A single error is returned as is.
     */
    public static LoadException all(String file, java.util.List<LoadException> errors) {
        if (errors.size() == 1) {
            return errors.get(0);
        }
        StringBuilder sb = new StringBuilder(file).append(" : ").append(errors.size()).append(" erreurs");
        for (LoadException e : errors) {
            sb.append("\n  - ").append(e.getMessage());
        }
        String reason = errors.size() + " erreurs";
        return new LoadException(sb.toString(), file, null, null, reason, null, java.util.List.copyOf(errors));
    }

    /** The errors {@link #all} gathered, in file order; empty for a single error. */
    public java.util.List<LoadException> details() {
        return details;
    }

    /** An error on a text line (CSV rows: 1-based physical line, the header being line 1). */
    public static LoadException atLine(String file, long line, String field, String reason) {
        return new LoadException(file, "ligne " + line, field, reason, null);
    }

    /** An error on a feature or JSON entry (0-based index in the file, plus its id when known). */
    public static LoadException atFeature(String file, long index, String id, String field, String reason) {
        String where = "entité n° " + index + (id == null ? "" : " (" + id + ")");
        return new LoadException(file, where, field, reason, null);
    }

    /** An error about the file as a whole (empty, unreadable, wrong format). */
    public static LoadException inFile(String file, String reason) {
        return new LoadException(file, null, null, reason, null);
    }

    /** Same as {@link #inFile} keeping the technical cause for {@code --verbose}. */
    public static LoadException inFile(String file, String reason, Throwable cause) {
        return new LoadException(file, null, null, reason, cause);
    }

    /** A missing prerequisite (e.g. the reference dataset not loaded yet); no file involved. */
    public static LoadException prerequisite(String reason) {
        return new LoadException(null, null, null, reason, null);
    }

    public String file() {
        return file;
    }

    /** "ligne 12", "entité n° 3 (97411)" or null. */
    public String location() {
        return location;
    }

    public String field() {
        return field;
    }

    public String reason() {
        return reason;
    }

    private static String format(String file, String location, String field, String reason) {
        StringBuilder sb = new StringBuilder();
        if (file != null) {
            sb.append(file);
        }
        if (location != null) {
            sb.append(sb.isEmpty() ? "" : ", ").append(location);
        }
        if (field != null) {
            sb.append(sb.isEmpty() ? "" : ", ").append("champ « ").append(field).append(" »");
        }
        return sb.isEmpty() ? reason : sb + " : " + reason;
    }
}
