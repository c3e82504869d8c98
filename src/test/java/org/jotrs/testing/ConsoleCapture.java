package org.jotrs.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;

/**
 * What one thread (and the threads it starts meanwhile) prints on standard output or standard
 * error while it runs a piece of code, with other test classes running at the same time.
 *
 * <p>Test classes run in parallel (docs/testing.md), so swapping {@code System.out} for the
 * duration of an application start would mix two starts' output and restore the wrong stream.
 * Instead, both streams are replaced once, for the JVM, by streams that write everything to the
 * original and, in addition, to the capture of the writing thread, if it has one.
 */
public final class ConsoleCapture {

    private static final InheritableThreadLocal<Capture> CURRENT = new InheritableThreadLocal<>();

    /** Captures of everything printed on standard output, from any thread. */
    private static final java.util.List<Capture> TAPS = new java.util.concurrent.CopyOnWriteArrayList<>();

    static {
        System.setOut(routed(System.out, false));
        System.setErr(routed(System.err, true));
    }

    private ConsoleCapture() {
    }

    /** What {@code work} printed while it ran, with its result. */
    public static <T> Captured<T> during(Supplier<T> work) {
        Capture capture = new Capture();
        Capture outer = CURRENT.get();
        CURRENT.set(capture);
        try {
            T result = work.get();
            return new Captured<>(result, capture.text(false));
        } finally {
            capture.closed = true;
            CURRENT.set(outer);
        }
    }

    /** What {@code work} printed on standard error while it ran. */
    public static String errorOutputOf(Runnable work) {
        Capture capture = new Capture();
        Capture outer = CURRENT.get();
        CURRENT.set(capture);
        try {
            work.run();
        } finally {
            capture.closed = true;
            CURRENT.set(outer);
        }
        return capture.text(true);
    }

    /**
     * Everything printed on standard output from now until {@link Tap#close()}, by any thread
     * (an application's scheduled jobs, say) — other test classes' output included.
     */
    public static Tap tapStandardOutput() {
        Capture capture = new Capture();
        TAPS.add(capture);
        return new Tap(capture);
    }

    public static final class Tap implements AutoCloseable {
        private final Capture capture;

        private Tap(Capture capture) {
            this.capture = capture;
        }

        public String text() {
            return capture.text(false);
        }

        @Override
        public void close() {
            capture.closed = true;
            TAPS.remove(capture);
        }
    }

    /** {@code printed}: what was printed on standard output. */
    public record Captured<T>(T result, String printed) {
    }

    private static PrintStream routed(PrintStream original, boolean error) {
        return new PrintStream(new OutputStream() {
            @Override
            public void write(int b) {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) {
                original.write(b, off, len);
                Capture capture = CURRENT.get();
                if (capture != null) {
                    capture.write(error, b, off, len);
                }
                if (!error) {
                    for (Capture tap : TAPS) {
                        tap.write(false, b, off, len);
                    }
                }
            }

            @Override
            public void flush() throws IOException {
                original.flush();
            }
        }, true, StandardCharsets.UTF_8);
    }

    /** One capture; threads started during it inherit it, and stop adding to it once it is closed. */
    private static final class Capture {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();
        private final ByteArrayOutputStream err = new ByteArrayOutputStream();
        private volatile boolean closed;

        synchronized void write(boolean error, byte[] b, int off, int len) {
            if (!closed) {
                (error ? err : out).write(b, off, len);
            }
        }

        synchronized String text(boolean error) {
            return (error ? err : out).toString(StandardCharsets.UTF_8);
        }
    }
}
