package org.jotrs.platform.internal;

import java.sql.SQLException;

import org.jotrs.platform.StartupProblem;

/** Turns the SQL errors of a failed first connection into what an operator can act on. */
final class DatabaseProblems {

    private DatabaseProblems() {
    }

    /** A start-up problem for the error, or {@code null} when it is not a connection problem. */
    static StartupProblem explainConnectionFailure(SQLException e, String url) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        int code = e.getErrorCode();
        if (state.startsWith("28") || code == 1045 || code == 28000) {
            return new StartupProblem("the database " + url + " refused the user name or password",
                    "set JOTRS_DB_USER and JOTRS_DB_PASSWORD to an account that may connect to it", e);
        }
        if (state.equals("3D000") || code == 1049 || code == 90146) {
            return new StartupProblem("the database named in " + url + " does not exist",
                    "create it (empty, UTF-8) or correct the name in JOTRS_DB_URL", e);
        }
        if (code == 90020) {
            return new StartupProblem("the H2 database " + url + " is in use by another process",
                    "stop the other Jotrs process using this data folder, or set JOTRS_DATA_DIR to another folder", e);
        }
        if (state.startsWith("08") || code == 90067) {
            return new StartupProblem("cannot reach the database at " + url + " (" + firstLine(e) + ")",
                    "start the database server or correct host and port in JOTRS_DB_URL", e);
        }
        return null;
    }

    static StartupProblem explain(SQLException e, String url) {
        StartupProblem problem = explainConnectionFailure(e, url);
        return problem != null ? problem
                : new StartupProblem("the database " + url + " failed: " + firstLine(e),
                        "check the database server's log and the account's rights", e);
    }

    private static String firstLine(Throwable e) {
        String message = String.valueOf(e.getMessage());
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
