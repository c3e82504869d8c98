package org.jotrs.postmaster.internal;

import java.util.List;
import java.util.Map;

import org.jotrs.article.NewAttachment;

/**
 * An incoming message as the postmaster needs it.
 *
 * @param fromAddress the bare sender address (lower case), or null when the From header has none
 * @param recipients every address of To, Cc, Delivered-To and X-Original-To (lower case)
 * @param headers every header by lower-case name, first value (for filters and {@code X-OTRS-*})
 * @param body the plain-text body, or null (then made from the HTML)
 */
record ParsedMail(String from, String fromAddress, String to, String cc, String replyTo, String subject,
        String messageId, String inReplyTo, String references, List<String> recipients, Map<String, String> headers,
        String body, String htmlBody, List<NewAttachment> attachments) {
}
