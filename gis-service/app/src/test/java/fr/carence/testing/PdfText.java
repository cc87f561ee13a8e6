package fr.carence.testing;

import java.io.IOException;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;

/**
 * The text of a PDF the service wrote (dossier, printed map, site sheet), as PDFBox extracts it,
 * for the tests that read documents back.
 *
 * @param pages number of pages
 * @param raw the extracted text as is (line breaks kept)
 * @param text every run of white space one plain space, the no-break and narrow no-break spaces
 *             of French figures ("1 234") included
 */
public record PdfText(int pages, String raw, String text) {

    /** In the content stream's order. */
    public static PdfText of(byte[] pdf) throws IOException {
        return read(pdf, false);
    }

    /** Sorted by position on the page (columns of a table read row by row). */
    public static PdfText byPosition(byte[] pdf) throws IOException {
        return read(pdf, true);
    }

    /** Shortcut: {@link #of}'s {@link #text()}. */
    public static String text(byte[] pdf) throws IOException {
        return of(pdf).text();
    }

    private static PdfText read(byte[] pdf, boolean byPosition) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setSortByPosition(byPosition);
            String raw = stripper.getText(doc);
            return new PdfText(doc.getNumberOfPages(), raw, raw.replace('\u202F', ' ').replace('\u00A0', ' ').replaceAll("\\s+", " "));
        }
    }
}
