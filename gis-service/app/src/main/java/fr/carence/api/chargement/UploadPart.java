package fr.carence.api.chargement;

import java.io.IOException;
import java.io.InputStream;
import org.springframework.web.multipart.MultipartFile;

/** One uploaded file: its name as sent and its content (a multipart part, or a test file). */
interface UploadPart {

    String originalName();

    long size();

    InputStream open() throws IOException;

    /** A part of a multipart request (the dataset uploads and the AMII intentions alike). */
    static UploadPart of(MultipartFile file) {
        return new UploadPart() {
            @Override
            public String originalName() {
                return file.getOriginalFilename();
            }

            @Override
            public long size() {
                return file.getSize();
            }

            @Override
            public InputStream open() throws IOException {
                return file.getInputStream();
            }
        };
    }
}
