package fr.carence.ogc.features;

/** A link of an items page or an item (self, alternate, next, prev, collection). */
record ApiLink(String href, String rel, String type, String title) {
}
