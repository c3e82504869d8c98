package org.jotrs.api.web;

import static org.jotrs.platform.Messages.t;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import org.jotrs.article.NewAttachment;
import org.jotrs.platform.InvalidInput;
import org.jotrs.queue.QueueService;

/** The request bodies of /api/v1, and what they have in common: queues by id or name, base64 files. */
final class ApiRequests {

    private ApiRequests() {
    }

    /** The article of a new ticket. */
    record NewArticle(String body, List<ApiJson.NewAttachment> attachments) {
    }

    /**
     * A new ticket (OTRS's phone ticket): the queue by {@code queueId} or by its full name
     * {@code queue}; state, priority and type by name (the defaults when left out).
     */
    record NewTicket(Integer queueId, String queue, String customerUser, String title, String state, String priority,
            String type, LocalDateTime pendingUntil, Integer ownerId, Integer responsibleId, NewArticle article) {
    }

    /**
     * A change of the ticket's fields; a field left out stays as it is. {@code lock} is {@code lock}
     * or {@code unlock}.
     */
    record TicketChange(String title, Integer queueId, String queue, String state, LocalDateTime pendingUntil,
            String priority, String type, Integer ownerId, Integer responsibleId, String customerUser, String customerId,
            String lock) {
    }

    /** A new article: {@code note}, {@code phone}, {@code reply} or {@code forward}. */
    record NewArticleOnTicket(String kind, String subject, String body, Boolean visibleForCustomer, Boolean fromCustomer,
            Long inReplyTo, String to, String cc, String bcc, BigDecimal timeUnits, List<ApiJson.NewAttachment> attachments) {
    }

    record Merge(String into) {
    }

    record Link(String ticketNumber, String type) {
    }

    /** The queue named by id or by name: an unknown name is refused under {@code field}. */
    static Integer queue(QueueService queues, Integer queueId, String queueName, String field, InvalidInput.Collector errors) {
        if (queueId != null || queueName == null) {
            return queueId;
        }
        return queues.queueIdByName(queueName.strip()).orElseGet(() -> {
            errors.add(field, t("api.error.no-queue-named", shown(queueName)));
            return null;
        });
    }

    /** Base64 files as attachments; a file that is not valid base64 is refused naming its place in the list. */
    static List<NewAttachment> attachments(List<ApiJson.NewAttachment> files, String field, InvalidInput.Collector errors) {
        List<NewAttachment> attachments = new ArrayList<>();
        if (files == null) {
            return attachments;
        }
        for (int i = 0; i < files.size(); i++) {
            ApiJson.NewAttachment file = files.get(i);
            String at = field + "[" + i + "]";
            if (file == null) {
                errors.add(at, t("api.error.attachment-shape"));
                continue;
            }
            if (InvalidInput.clean(file.filename()) == null) {
                errors.add(at + ".filename", t("api.error.file-name"));
            }
            if (file.content() == null) {
                errors.add(at + ".content", t("api.error.file-content"));
                continue;
            }
            try {
                attachments.add(new NewAttachment(file.filename(), file.contentType(),
                        Base64.getMimeDecoder().decode(strictBase64(file.content()))));
            } catch (IllegalArgumentException e) {
                errors.add(at + ".content", t("api.error.base64", e.getMessage()));
            }
        }
        return attachments;
    }

    /** The MIME decoder skips line breaks, but also every other stray character: refuse those. */
    private static String strictBase64(String content) {
        for (int i = 0; i < content.length(); i++) {
            char c = content.charAt(i);
            boolean ok = c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '+' || c == '/'
                    || c == '=' || c == '\r' || c == '\n';
            if (!ok) {
                throw new IllegalArgumentException("the character '" + (Character.isISOControl(c) ? "?" : c)
                        + "' at position " + i + " is not in the base64 alphabet");
            }
        }
        return content;
    }

    static String shown(String value) {
        String text = value.replaceAll("\\p{Cntrl}", "?");
        return text.length() > 40 ? text.substring(0, 40) + "…" : text;
    }
}
