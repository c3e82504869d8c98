package org.jotrs.portal;

import java.util.List;

import org.jotrs.article.NewAttachment;

/**
 * A ticket as a customer enters it in the portal.
 *
 * @param queueId one of {@link NewTicketOptions#queues()}
 * @param bodyHtml what the rich-text editor wrote (sanitised on the server, {@code body} then made
 *     from it), or null or blank when the plain text area was used (no JavaScript)
 * @param type a type name when types may be chosen (else ignored), or blank for the default
 * @param priority a priority name when priorities may be chosen (else ignored), or blank for the default
 * @param cc further addresses, comma-separated, or blank
 */
public record NewCustomerTicket(Integer queueId, String subject, String body, String bodyHtml, String type, String priority, String cc,
        List<NewAttachment> attachments) {

    public NewCustomerTicket {
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
    }
}
