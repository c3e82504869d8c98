package org.jotrs.ticket;

import java.util.List;

import org.jotrs.queue.ResponseTexts;

/**
 * A reply or forward as the compose form starts it: recipients, a subject carrying the ticket
 * number, and the answered article quoted (reply) or enclosed (forward).
 *
 * @param from the queue's sender address, or null when the queue has none (sending will be refused)
 * @param templates the queue's templates for this kind of mail (Answer or Forward)
 * @param templateId the template the body starts from, or null
 */
public record MailDraft(TicketAction.MailKind kind, Long articleId, String from, String to, String cc, String subject,
        String body, List<ResponseTexts.TemplateChoice> templates, Integer templateId) {

    public MailDraft {
        templates = templates == null ? List.of() : List.copyOf(templates);
    }
}
