package fr.carence.security;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Turns a bad users or tokens file into Spring Boot's short "APPLICATION FAILED TO START" report
 * naming the file and line, instead of pages of bean-creation stack traces.
 */
public class SecurityFileFailureAnalyzer extends AbstractFailureAnalyzer<SecurityFileException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, SecurityFileException cause) {
        return new FailureAnalysis(cause.getMessage(),
                "Corrigez le fichier (format dans docs/security.md ; « bin/carence compte » et « bin/carence jeton » "
                        + "produisent des lignes valides), ou retirez carence.security.users-file / "
                        + "carence.security.tokens-file pour un service en lecture anonyme seule.", cause);
    }
}
