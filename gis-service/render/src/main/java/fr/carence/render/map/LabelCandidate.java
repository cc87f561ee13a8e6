package fr.carence.render.map;

import fr.carence.render.style.TextSymbolizer;

/**
 * A label waiting to be placed: its text and symbolizer, the screen point it belongs to and,
 * for line placement, the angle of the line there (radians, screen orientation).
 */
record LabelCandidate(String text, TextSymbolizer symbolizer, double x, double y, double lineAngle) {
}
