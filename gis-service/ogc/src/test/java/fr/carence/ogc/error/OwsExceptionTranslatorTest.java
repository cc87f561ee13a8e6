package fr.carence.ogc.error;

import static org.assertj.core.api.Assertions.assertThat;

import fr.carence.ogc.OwsException;
import fr.carence.store.StoreException;
import fr.carence.store.StoreUnavailableException;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

class OwsExceptionTranslatorTest {

    @Test
    void anUnavailableDatabaseIsA503TheClientMayRetry() {
        OwsException e = OwsExceptionTranslator.translate(new StoreUnavailableException(
                "the postgis database is unavailable (reading features)",
                new SQLException("Connection to 127.0.0.1:5432 refused", "08001")));
        assertThat(e.httpStatus()).isEqualTo(503);
        assertThat(e.code()).isEqualTo(OwsException.NO_APPLICABLE_CODE);
        assertThat(e.getMessage()).contains("la base de données ne répond pas").doesNotContain("5432").doesNotContain("postgis");
    }

    @Test
    void otherStoreFailuresStayInternalErrors() {
        OwsException e = OwsExceptionTranslator.translate(new StoreException("h2gis store: reading failed (SQLState 42S02)"));
        assertThat(e.httpStatus()).isEqualTo(500);
        assertThat(e.getMessage()).doesNotContain("SQLState");
    }
}
