package fr.carence.render.style;

/** Label font; size in pixels. */
public record Font(String family, double size, boolean bold, boolean italic) {

    public static final Font DEFAULT = new Font("SansSerif", 10, false, false);

    public java.awt.Font awtFont() {
        int style = (bold ? java.awt.Font.BOLD : 0) | (italic ? java.awt.Font.ITALIC : 0);
        return new java.awt.Font(family, style, 1).deriveFont((float) size);
    }
}
