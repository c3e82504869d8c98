package org.jotrs.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

import com.icegreen.greenmail.util.DummySSLServerSocketFactory;

/**
 * A real STARTTLS front for GreenMail's plain SMTP, IMAP or POP3, which have no STARTTLS of their
 * own: it greets, offers STARTTLS (SMTP's EHLO answer, IMAP's capabilities, POP3's {@code STLS} in
 * its CAPA answer, RFC 2595), refuses everything else before TLS (SMTP 530, IMAP BAD, POP3 -ERR,
 * as a server that requires TLS does), upgrades the connection
 * with GreenMail's test certificate, and then relays the encrypted session's bytes to GreenMail,
 * whose own greeting it swallows. The whole conversation after STARTTLS is GreenMail's.
 */
public final class StartTlsFront implements AutoCloseable {

    /** The protocol spoken before TLS. */
    public enum Protocol {
        SMTP, IMAP, POP3
    }

    private final ServerSocket server;
    private final Protocol protocol;
    private final int backendPort;
    private final SSLContext tls;
    private final AtomicInteger upgraded = new AtomicInteger();
    private final AtomicInteger refusedBeforeTls = new AtomicInteger();

    private StartTlsFront(Protocol protocol, int backendPort) throws Exception {
        this.protocol = protocol;
        this.backendPort = backendPort;
        KeyStore keys = new DummySSLServerSocketFactory().getKeyStore();
        KeyManagerFactory managers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        managers.init(keys, "changeit".toCharArray());
        this.tls = SSLContext.getInstance("TLS");
        tls.init(managers.getKeyManagers(), null, null);
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread.ofVirtual().name("starttls-front").start(this::acceptAll);
    }

    /** A front on a free local port relaying to GreenMail's plain SMTP or IMAP port. */
    public static StartTlsFront start(Protocol protocol, int backendPort) {
        try {
            return new StartTlsFront(protocol, backendPort);
        } catch (Exception e) {
            throw new IllegalStateException("Could not start the STARTTLS front", e);
        }
    }

    public int port() {
        return server.getLocalPort();
    }

    /** Sessions that were upgraded to TLS. */
    public int upgraded() {
        return upgraded.get();
    }

    /** Commands refused because they came before STARTTLS. */
    public int refusedBeforeTls() {
        return refusedBeforeTls.get();
    }

    private void acceptAll() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                Thread.ofVirtual().start(() -> serve(client));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket client) {
        try (client) {
            InputStream in = client.getInputStream();
            OutputStream out = client.getOutputStream();
            boolean upgrade = switch (protocol) {
                case SMTP -> smtpUntilStartTls(in, out);
                case IMAP -> imapUntilStartTls(in, out);
                case POP3 -> pop3UntilStartTls(in, out);
            };
            if (!upgrade) {
                return;
            }
            SSLSocket secure = (SSLSocket) tls.getSocketFactory().createSocket(client,
                    client.getInetAddress().getHostAddress(), client.getPort(), true);
            secure.setUseClientMode(false);
            secure.startHandshake();
            upgraded.incrementAndGet();
            try (secure; Socket backend = new Socket(InetAddress.getLoopbackAddress(), backendPort)) {
                InputStream fromBackend = backend.getInputStream();
                readLine(fromBackend);
                Thread pump = Thread.ofVirtual().start(() -> copy(secure, backend));
                copy(backend, secure);
                pump.join();
            }
        } catch (IOException | InterruptedException e) {
            // The client or the server hung up: the session is over.
        }
    }

    private boolean smtpUntilStartTls(InputStream in, OutputStream out) throws IOException {
        write(out, "220 front ESMTP ready");
        while (true) {
            String line = readLine(in);
            if (line == null) {
                return false;
            }
            String command = line.toUpperCase(Locale.ROOT);
            if (command.startsWith("EHLO")) {
                write(out, "250-front\r\n250-8BITMIME\r\n250 STARTTLS");
            } else if (command.startsWith("HELO")) {
                write(out, "250 front");
            } else if (command.equals("STARTTLS")) {
                write(out, "220 2.0.0 Ready to start TLS");
                return true;
            } else if (command.startsWith("QUIT")) {
                write(out, "221 bye");
                return false;
            } else {
                refusedBeforeTls.incrementAndGet();
                write(out, "530 5.7.0 Must issue a STARTTLS command first");
            }
        }
    }

    private boolean imapUntilStartTls(InputStream in, OutputStream out) throws IOException {
        write(out, "* OK [CAPABILITY IMAP4rev1 STARTTLS LOGINDISABLED] front ready");
        while (true) {
            String line = readLine(in);
            if (line == null) {
                return false;
            }
            String[] parts = line.split(" ", 3);
            String tag = parts[0];
            String command = parts.length > 1 ? parts[1].toUpperCase(Locale.ROOT) : "";
            switch (command) {
                case "CAPABILITY" -> write(out, "* CAPABILITY IMAP4rev1 STARTTLS LOGINDISABLED\r\n" + tag + " OK CAPABILITY completed");
                case "NOOP" -> write(out, tag + " OK NOOP completed");
                case "STARTTLS" -> {
                    write(out, tag + " OK Begin TLS negotiation now");
                    return true;
                }
                case "LOGOUT" -> {
                    write(out, "* BYE front\r\n" + tag + " OK LOGOUT completed");
                    return false;
                }
                default -> {
                    refusedBeforeTls.incrementAndGet();
                    write(out, tag + " BAD STARTTLS first");
                }
            }
        }
    }

    private boolean pop3UntilStartTls(InputStream in, OutputStream out) throws IOException {
        write(out, "+OK front ready");
        while (true) {
            String line = readLine(in);
            if (line == null) {
                return false;
            }
            String command = line.split(" ", 2)[0].toUpperCase(Locale.ROOT);
            switch (command) {
                case "CAPA" -> write(out, "+OK Capability list follows\r\nSTLS\r\nUSER\r\n.");
                case "NOOP" -> write(out, "+OK");
                case "STLS" -> {
                    write(out, "+OK Begin TLS negotiation");
                    return true;
                }
                case "QUIT" -> {
                    write(out, "+OK bye");
                    return false;
                }
                default -> {
                    refusedBeforeTls.incrementAndGet();
                    write(out, "-ERR STLS first");
                }
            }
        }
    }

    private static void copy(Socket from, Socket to) {
        try {
            from.getInputStream().transferTo(to.getOutputStream());
        } catch (IOException e) {
            // one side closed
        } finally {
            try {
                to.shutdownOutput();
            } catch (IOException | UnsupportedOperationException e) {
                // SSL sockets do not support half-close; closing follows
            }
        }
    }

    /** One CRLF-terminated line, read byte by byte so no byte of the TLS handshake is taken early. */
    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != -1) {
            if (b == '\n') {
                String text = line.toString(StandardCharsets.US_ASCII);
                return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
            }
            line.write(b);
        }
        return null;
    }

    private static void write(OutputStream out, String reply) throws IOException {
        out.write((reply + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException e) {
            // already closed
        }
    }
}
