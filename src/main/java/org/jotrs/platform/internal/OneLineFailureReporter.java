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
        System.err.println("Jotrs cannot start: " + description + (action.isEmpty() ? "" : ". Fix: " + action));
    }
}
