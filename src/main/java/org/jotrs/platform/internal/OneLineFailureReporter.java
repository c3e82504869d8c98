package org.jotrs.platform.internal;

import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalysisReporter;

/**
 * Prints an analysed start-up failure as one line on standard error: what is wrong, then how to
 * fix it. Replaces Boot's multi-line report, which is switched off in application.yml.
 */
public class OneLineFailureReporter implements FailureAnalysisReporter {

    @Override
    public void report(FailureAnalysis analysis) {
        String description = analysis.getDescription().strip();
        String action = analysis.getAction() == null ? "" : analysis.getAction().strip();
        // Spring's own descriptions (a port in use) end with a full stop already; ours do not.
        String what = description.endsWith(".") ? description.substring(0, description.length() - 1) : description;
        System.err.println("Jotrs cannot start: " + what + (action.isEmpty() ? "" : ". Fix: " + action));
    }
}
