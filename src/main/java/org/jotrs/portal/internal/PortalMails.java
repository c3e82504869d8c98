package org.jotrs.portal.internal;

import static org.jotrs.platform.Messages.t;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jotrs.mail.OutboundMail;
import org.jotrs.mail.OutgoingMail;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The portal's own mails (a link for a new password, a sign-up confirmation, "you already have an
 * account"), in the language of the page that asked, queued in the outbox in the caller's
 * transaction: a token is stored together with its mail, or neither.
 */
@Component
class PortalMails {

    private final OutboundMail mail;
    private final String publicUrl;

    PortalMails(OutboundMail mail, PortalProperties properties, Environment environment) {
        this.mail = mail;
        String url = properties.publicUrl();
        if (url == null || url.isBlank()) {
            url = environment.getProperty("jotrs.mail.notifications.public-url", "");
        }
        if (url.isBlank()) {
            url = "http://localhost:" + environment.getProperty("server.port", "8080");
        }
        this.publicUrl = url.strip().replaceAll("/+$", "");
    }

    void resetLink(String to, String name, String login, String token, long minutes) {
        send(to, t("portal.mail.reset.subject"), t("portal.mail.reset.body", name, login, minutes,
                link("/customer/password/reset", token)));
    }

    void signUpLink(String to, String name, String token, long hours) {
        send(to, t("portal.mail.sign-up.subject"), t("portal.mail.sign-up.body", name, hours,
                link("/customer/sign-up/confirm", token)));
    }

    void addressTaken(String to) {
        send(to, t("portal.mail.taken.subject"), t("portal.mail.taken.body", publicUrl + "/customer/password/forgot"));
    }

    private String link(String path, String token) {
        return publicUrl + path + "?token=" + URLEncoder.encode(token, StandardCharsets.US_ASCII);
    }

    private void send(String to, String subject, String body) {
        Map<String, String> headers = new LinkedHashMap<>();
        // RFC 3834: an automatic mail; auto-responders (ours included) must not answer it.
        headers.put("Auto-Submitted", "auto-generated");
        mail.enqueueWithoutArticle(new OutgoingMail(mail.systemSender(), List.of(to), List.of(), List.of(), subject, body,
                mail.newMessageId(), null, null, List.of(), headers));
    }
}
