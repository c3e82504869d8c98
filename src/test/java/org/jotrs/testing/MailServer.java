package org.jotrs.testing;

import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import jakarta.mail.internet.MimeMessage;

/**
 * A real mail server for a test (GreenMail): SMTP, SMTPS, IMAP, IMAPS, POP3, POP3S on free ports
 * of 127.0.0.1, with self-signed certificates for the TLS ones.
 */
public final class MailServer implements AutoCloseable {

    private final GreenMail greenMail;

    private MailServer(GreenMail greenMail) {
        this.greenMail = greenMail;
    }

    /** Starts the protocols given ({@code smtp}, {@code smtps}, {@code imap}, {@code imaps}, {@code pop3}, {@code pop3s}). */
    public static MailServer start(String... protocols) {
        return startOn(0, protocols);
    }

    /** Starts one protocol on a given port (to bring a stopped server back where clients expect it). */
    public static MailServer startOn(int port, String... protocols) {
        ServerSetup[] setups = java.util.Arrays.stream(protocols)
                .map(protocol -> {
                    ServerSetup setup = new ServerSetup(port, "127.0.0.1", protocol);
                    setup.setServerStartupTimeout(10_000);
                    return setup;
                })
                .toArray(ServerSetup[]::new);
        GreenMail greenMail = new GreenMail(setups);
        greenMail.start();
        return new MailServer(greenMail);
    }

    public GreenMail greenMail() {
        return greenMail;
    }

    public int smtpPort() {
        return greenMail.getSmtp() != null ? greenMail.getSmtp().getPort() : greenMail.getSmtps().getPort();
    }

    public List<MimeMessage> received() {
        return List.of(greenMail.getReceivedMessages());
    }

    /** Waits (polling, at most {@code timeout}) until {@code count} messages arrived; returns them. */
    public List<MimeMessage> awaitReceived(int count, Duration timeout) {
        await(() -> greenMail.getReceivedMessages().length >= count, timeout,
                () -> "expected " + count + " messages, got " + greenMail.getReceivedMessages().length);
        return received();
    }

    /** Polls a condition until it holds or the deadline passes (then fails with the description). */
    public static void await(BooleanSupplier condition, Duration timeout, java.util.function.Supplier<String> what) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Timed out after " + timeout + ": " + what.get());
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted");
            }
        }
    }

    @Override
    public void close() {
        greenMail.stop();
    }
}
