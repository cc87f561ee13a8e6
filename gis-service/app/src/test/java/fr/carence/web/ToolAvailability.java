package fr.carence.web;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/** Skips a test when a Debian tool is missing on a workstation; fails on CI (env CI=true). */
final class ToolAvailability {
    private ToolAvailability() {
    }

    static void require(Path executable, String debianPackages) {
        if (Files.isExecutable(executable)) {
            return;
        }
        String message = executable + " is missing: apt-get install -y " + debianPackages;
        if (RunningCarence.onCi()) {
            Assertions.fail(message);
        }
        Assumptions.abort(message);
    }
}
