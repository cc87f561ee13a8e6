package fr.carence.loaders.core;

/** Which character encodings a loader accepts for its text files. */
public enum TextEncoding {
    /** Only valid UTF-8: any invalid byte is an error naming its line. */
    UTF8_ONLY,
    /**
     * UTF-8 when the whole file is valid UTF-8, otherwise Windows-1252 (a superset of Latin-1
     * for printable characters), which many INSEE and ministry files still use.
     */
    UTF8_OR_WINDOWS_1252
}
