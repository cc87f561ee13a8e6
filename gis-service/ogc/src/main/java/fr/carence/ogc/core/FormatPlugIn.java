package fr.carence.ogc.core;

import java.util.List;

/** What every output format plug-in says of itself (see {@link FormatPlugIns}). */
public interface FormatPlugIn {

    /** Place in the advertised list, lowest first. */
    int order();

    /** Format values accepted (compared case-insensitively, spaces and quotes ignored); the first is advertised. */
    List<String> formatNames();
}
