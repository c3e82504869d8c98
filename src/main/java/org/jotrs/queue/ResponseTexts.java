package org.jotrs.queue;

import java.util.List;
import java.util.Optional;

/**
 * The texts a queue offers for answering: its templates, its salutation and its signature, with
 * OTRS placeholders filled in from values the caller passes (the caller checked the ticket
 * permission; this facade only reads configuration).
 *
 * <p>Supported placeholders (matched ignoring case, as OTRS does): {@code <OTRS_CUSTOMER_REALNAME>},
 * {@code <OTRS_TICKET_TicketNumber>}, {@code <OTRS_TICKET_Title>}, {@code <OTRS_CURRENT_UserFirstname>},
 * {@code <OTRS_CURRENT_UserLastname>} (also in OTRS's older spelling {@code <OTRS_Agent_UserFirstname>} /
 * {@code <OTRS_Agent_UserLastname>}, which the default signature uses), {@code <OTRS_CUSTOMER_UserFirstname>},
 * {@code <OTRS_CUSTOMER_UserLastname>}, {@code <OTRS_CUSTOMER_UserEmail>}. Every other tag, including
 * {@code <OTRS_CONFIG_...>}, is left in the text untouched.
 */
public interface ResponseTexts {

    /** A template as offered in a queue. */
    record TemplateChoice(int id, String name, String templateType) {
    }

    /** Valid templates of the type that are assigned to the queue, by name. */
    List<TemplateChoice> templates(int queueId, String templateType);

    /** The template's text with the placeholders filled in; empty when it is not a valid template of the queue. */
    Optional<String> renderTemplate(int queueId, int templateId, PlaceholderValues values);

    /** The queue's salutation with the placeholders filled in; empty when the queue or a valid salutation is missing. */
    Optional<String> salutation(int queueId, PlaceholderValues values);

    /** The queue's signature with the placeholders filled in; empty when the queue or a valid signature is missing. */
    Optional<String> signature(int queueId, PlaceholderValues values);
}
