package fr.carence.store.testing;

/** The two stores every store-dependent test runs against. */
public enum StoreKind {
    H2GIS, POSTGIS;

    public String label() {
        return name().toLowerCase();
    }
}
