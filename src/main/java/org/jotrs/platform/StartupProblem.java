package org.jotrs.platform;

/**
 * A reason Jotrs cannot start that an operator can fix: wrong credentials, an unreachable or
 * foreign database. Reported as one line (what is wrong; how to fix it) and a non-zero exit.
 */
public class StartupProblem extends RuntimeException {

    private final String fix;

    public StartupProblem(String problem, String fix) {
        this(problem, fix, null);
    }

    public StartupProblem(String problem, String fix, Throwable cause) {
        super(problem, cause);
        this.fix = fix;
    }

    /** What is wrong, in words an operator understands. */
    public String problem() {
        return getMessage();
    }

    /** How to fix it. */
    public String fix() {
        return fix;
    }
}
