package fr.carence.api.chargement;

import java.io.IOException;
import java.io.InputStream;

/** One uploaded file: its name as sent and its content (a multipart part, or a test file). */
interface UploadPart {

    String originalName();

    long size();

    InputStream open() throws IOException;
}
