package org.jotrs.platform.internal;

import java.sql.SQLException;

import org.jotrs.platform.DatabaseKind;
import org.jotrs.platform.JdbcUrls;
import org.jotrs.platform.StartupProblem;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.core.env.Environment;

/**
 * Explains start-up failures an operator can fix (see {@link StartupProblem}); SQL errors from the
 * first connection are classified too, since they surface from deep inside the pool or Flyway.
 */
public class StartupFailureAnalyzer implements FailureAnalyzer {

    private final Environment environment;

    public StartupFailureAnalyzer(Environment environment) {
        this.environment = environment;
    }

    @Override
    public FailureAnalysis analyze(Throwable failure) {
        StartupProblem problem = find(failure, StartupProblem.class);
        if (problem == null) {
            problem = unsupportedDatabaseUrl();
        }
        if (problem == null) {
            SQLException sql = find(failure, SQLException.class);
            if (sql != null) {
                problem = DatabaseProblems.explainConnectionFailure(sql,
                        JdbcUrls.redact(environment.getProperty("spring.datasource.url")));
            }
        }
        return problem == null ? null : new FailureAnalysis(problem.problem(), problem.fix(), failure);
    }

    /** An unsupported URL fails early inside the pool (no driver class), so check it here. */
    private StartupProblem unsupportedDatabaseUrl() {
        try {
            DatabaseKind.fromJdbcUrl(environment.getProperty("spring.datasource.url"));
            return null;
        } catch (StartupProblem problem) {
            return problem;
        }
    }

    private static <T extends Throwable> T find(Throwable failure, Class<T> type) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return null;
    }
}
