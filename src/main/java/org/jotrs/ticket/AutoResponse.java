package org.jotrs.ticket;

import java.util.Set;

/**
 * An automatic answer to a mail that arrived (OTRS's auto responses), as the postmaster has
 * chosen and filled it in; the ticket module sends it as OTRS's SendAutoResponse does.
 *
 * @param type OTRS's {@code auto_response_type} name: auto reply, auto reject, auto follow up,
 *        auto reply/new ticket or auto remove
 * @param from the sender mailbox ({@code "Name" <address>}), the auto response's system address
 * @param to the bare address answered (the mail's Reply-To, else its From)
 * @param subject the subject; the ticket number is added when it is missing
 * @param inReplyTo the Message-ID of the mail answered, or null
 * @param maxPerAddressPerDay auto responses to one address per day at most (OTRS {@code PostmasterMaxEmailsPerAddress})
 */
public record AutoResponse(String type, String from, String to, String subject, String body, String inReplyTo,
        String references, int maxPerAddressPerDay) {

    /** OTRS's auto response types. */
    public static final Set<String> TYPES = Set.of("auto reply", "auto reject", "auto follow up", "auto reply/new ticket",
            "auto remove");

    /** The history type OTRS writes for a sent response of this type. */
    public String historyType() {
        return switch (type) {
            case "auto reject" -> "SendAutoReject";
            case "auto follow up" -> "SendAutoFollowUp";
            default -> "SendAutoReply";
        };
    }
}
