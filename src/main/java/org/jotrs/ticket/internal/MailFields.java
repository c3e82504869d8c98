package org.jotrs.ticket.internal;

import java.util.List;
import java.util.Map;

import org.jotrs.article.NewAttachment;
import org.jotrs.mail.InvalidAddress;
import org.jotrs.mail.OutboundMail;
import org.jotrs.mail.OutgoingMail;

/** What the reply and email-ticket screens share: address fields and the files that go out with a mail. */
final class MailFields {

    private MailFields() {
    }

    /** The addresses of one form field; a bad list is reported under the field and counts as none. */
    static List<String> addresses(OutboundMail outbound, String text, String field, Map<String, String> errors) {
        try {
            return outbound.parseAddresses(text);
        } catch (InvalidAddress invalid) {
            errors.put(field, invalid.reason());
            return List.of();
        }
    }

    /** An article's files as the attachments of the mail that goes out with it. */
    static List<OutgoingMail.Attachment> attachments(List<NewAttachment> files) {
        return files.stream()
                .map(file -> new OutgoingMail.Attachment(file.filename(), file.contentType(), file.content()))
                .toList();
    }
}
