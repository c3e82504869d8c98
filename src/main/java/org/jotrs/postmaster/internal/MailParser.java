package org.jotrs.postmaster.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UnsupportedEncodingException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

import jakarta.mail.Address;
import jakarta.mail.Header;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;

import org.jotrs.article.NewAttachment;

/**
 * Parses real-world mail leniently: malformed addresses and parameters, unknown or mislabelled
 * charsets (decoded as windows-1252, the usual truth behind a wrong label), RFC 2047/2231 file
 * names, 8-bit headers (read as UTF-8), broken base64, missing end boundaries. The first
 * text/plain and text/html parts without a file name are the bodies; every other part is an
 * attachment (inline images keep their Content-ID for {@code cid:} links; an attached message,
 * such as a bounce's original, becomes an {@code .eml} file).
 */
final class MailParser {

    private static final Session SESSION;

    static {
        Properties p = new Properties();
        p.put("mail.mime.address.strict", "false");
        p.put("mail.mime.decodetext.strict", "false");
        p.put("mail.mime.parameters.strict", "false");
        p.put("mail.mime.decodefilename", "true");
        p.put("mail.mime.decodeparameters", "true");
        p.put("mail.mime.allowutf8", "true");
        p.put("mail.mime.base64.ignoreerrors", "true");
        p.put("mail.mime.multipart.ignoremissingendboundary", "true");
        p.put("mail.mime.multipart.ignoremissingboundaryparameter", "true");
        p.put("mail.mime.multipart.allowempty", "true");
        p.put("mail.mime.uudecode.ignoreerrors", "true");
        SESSION = Session.getInstance(p);
    }

    private MailParser() {
    }

    /** A message that cannot be read at all; the reason is shown in the quarantine. */
    static final class Unreadable extends Exception {

        Unreadable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    static ParsedMail parse(byte[] raw) throws Unreadable {
        try {
            MimeMessage message = new MimeMessage(SESSION, new ByteArrayInputStream(raw));
            Map<String, String> headers = new LinkedHashMap<>();
            for (Enumeration<Header> all = message.getAllHeaders(); all.hasMoreElements();) {
                Header header = all.nextElement();
                headers.putIfAbsent(header.getName().toLowerCase(Locale.ROOT), decode(header.getValue()));
            }
            String from = addressHeader(message, "From");
            String fromAddress = firstAddress(message, "From");
            if (fromAddress == null) {
                fromAddress = firstAddress(message, "Sender");
            }
            Set<String> recipients = new LinkedHashSet<>();
            for (String name : List.of("To", "Cc", "Delivered-To", "X-Original-To", "Envelope-To")) {
                recipients.addAll(addresses(message, name));
            }
            Collector collector = new Collector();
            collector.walk(message, 0);
            return new ParsedMail(from, fromAddress, addressHeader(message, "To"), addressHeader(message, "Cc"),
                    addressHeader(message, "Reply-To"), subject(message), single(message, "Message-ID"),
                    single(message, "In-Reply-To"), single(message, "References"), List.copyOf(recipients), headers,
                    collector.plain, collector.html, collector.files);
        } catch (MessagingException | IOException | RuntimeException e) {
            throw new Unreadable("The message cannot be parsed: " + e.getClass().getSimpleName() + ": " + e.getMessage(), e);
        }
    }

    private static final class Collector {

        private String plain;
        private String html;
        private final List<NewAttachment> files = new ArrayList<>();

        void walk(Part part, int depth) throws MessagingException, IOException {
            if (depth > 30) {
                throw new MessagingException("MIME parts nested more than 30 deep");
            }
            String type = contentType(part);
            if (type.startsWith("multipart/")) {
                Object content = part.getContent();
                if (content instanceof Multipart multipart) {
                    for (int i = 0; i < multipart.getCount(); i++) {
                        walk(multipart.getBodyPart(i), depth + 1);
                    }
                    return;
                }
            }
            String filename = filename(part);
            boolean attachment = Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition()) || filename != null;
            if (!attachment && type.equals("text/plain") && plain == null) {
                plain = text(part);
                return;
            }
            if (!attachment && type.equals("text/html") && html == null) {
                html = text(part);
                return;
            }
            byte[] bytes = bytes(part);
            if (filename == null) {
                filename = type.equals("message/rfc822") ? "message.eml"
                        : type.startsWith("message/") ? "report.txt"
                        : type.equals("text/plain") ? "file.txt" : type.equals("text/html") ? "file.html" : "file";
            }
            String contentId = headerOf(part, "Content-ID");
            String disposition = part.getDisposition() == null ? (contentId != null ? Part.INLINE : null)
                    : part.getDisposition().toLowerCase(Locale.ROOT);
            files.add(new NewAttachment(filename, rawContentType(part), bytes, contentId, disposition));
        }
    }

    private static String text(Part part) throws MessagingException, IOException {
        byte[] bytes = bytes(part);
        return new String(bytes, charset(part));
    }

    /** The declared charset if Java knows it; ISO-8859-1 labels are read as windows-1252 (a superset, as mail clients do). */
    private static Charset charset(Part part) {
        try {
            String name = new ContentType(part.getContentType()).getParameter("charset");
            if (name == null || name.isBlank()) {
                return StandardCharsets.UTF_8;
            }
            String java = MimeUtility.javaCharset(name.strip().replace("\"", ""));
            if (java.equalsIgnoreCase("ISO-8859-1") || java.equalsIgnoreCase("us-ascii") || java.equalsIgnoreCase("ASCII")) {
                return Charset.forName("windows-1252");
            }
            return Charset.forName(java);
        } catch (MessagingException | IllegalArgumentException e) {
            return Charset.forName("windows-1252");
        }
    }

    private static byte[] bytes(Part part) throws MessagingException, IOException {
        try (InputStream in = part.getInputStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            // Undecodable transfer encoding: keep the bytes as they are rather than lose the part.
            if (part instanceof jakarta.mail.internet.MimeBodyPart body) {
                try (InputStream in = body.getRawInputStream()) {
                    return in.readAllBytes();
                }
            }
            throw e;
        }
    }

    private static String contentType(Part part) {
        try {
            return new ContentType(part.getContentType()).getBaseType().toLowerCase(Locale.ROOT);
        } catch (MessagingException | NullPointerException e) {
            return "text/plain";
        }
    }

    private static String rawContentType(Part part) {
        try {
            String type = part.getContentType();
            return type == null ? "application/octet-stream" : type.replaceAll("\\s+", " ").strip();
        } catch (MessagingException e) {
            return "application/octet-stream";
        }
    }

    private static String filename(Part part) {
        try {
            String name = part.getFileName();
            if (name == null) {
                String type = part.getContentType();
                if (type != null) {
                    name = new ContentType(type).getParameter("name");
                }
            }
            return name == null || name.isBlank() ? null : decode(name).strip();
        } catch (MessagingException | RuntimeException e) {
            return null;
        }
    }

    private static String subject(MimeMessage message) {
        try {
            String subject = message.getSubject();
            return subject == null ? "" : subject.replaceAll("[\\r\\n]+\\s*", " ").strip();
        } catch (MessagingException e) {
            return decode(single(message, "Subject"));
        }
    }

    private static String single(MimeMessage message, String name) {
        try {
            String value = message.getHeader(name, null);
            return value == null ? null : value.replaceAll("[\\r\\n]+\\s*", " ").strip();
        } catch (MessagingException e) {
            return null;
        }
    }

    private static String headerOf(Part part, String name) throws MessagingException {
        String[] values = part.getHeader(name);
        return values == null || values.length == 0 ? null : values[0].strip();
    }

    private static String addressHeader(MimeMessage message, String name) {
        String value = single(message, name);
        return value == null ? null : decode(value);
    }

    private static List<String> addresses(MimeMessage message, String name) {
        String value = single(message, name);
        if (value == null) {
            return List.of();
        }
        List<String> found = new ArrayList<>();
        try {
            for (Address address : InternetAddress.parseHeader(value, false)) {
                if (address instanceof InternetAddress internet && internet.getAddress() != null
                        && internet.getAddress().contains("@")) {
                    found.add(internet.getAddress().strip().toLowerCase(Locale.ROOT));
                }
            }
        } catch (jakarta.mail.internet.AddressException e) {
            var matcher = java.util.regex.Pattern.compile("[\\w.+'-]+@[\\w.-]+").matcher(value);
            while (matcher.find()) {
                found.add(matcher.group().toLowerCase(Locale.ROOT));
            }
        }
        return found;
    }

    private static String firstAddress(MimeMessage message, String name) {
        List<String> found = addresses(message, name);
        return found.isEmpty() ? null : found.getFirst();
    }

    static String decode(String value) {
        if (value == null) {
            return null;
        }
        try {
            return MimeUtility.decodeText(MimeUtility.unfold(value));
        } catch (UnsupportedEncodingException | RuntimeException e) {
            return value;
        }
    }

    /** For tests and the quarantine: the raw bytes of a part tree as sent. */
    static byte[] toBytes(MimeMessage message) throws MessagingException, IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        message.writeTo(out);
        return out.toByteArray();
    }
}
