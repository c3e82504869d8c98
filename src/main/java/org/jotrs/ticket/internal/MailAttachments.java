package org.jotrs.ticket.internal;

import java.util.List;

import org.jotrs.article.NewAttachment;
import org.jotrs.mail.OutgoingMail;

/** An article's files as the attachments of the mail that goes out with it. */
final class MailAttachments {

    private MailAttachments() {
    }

    static List<OutgoingMail.Attachment> of(List<NewAttachment> files) {
        return files.stream()
                .map(file -> new OutgoingMail.Attachment(file.filename(), file.contentType(), file.content()))
                .toList();
    }
}
