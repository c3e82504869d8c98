package org.jotrs.ticket;

import java.math.BigDecimal;

import org.jotrs.article.Channel;
import org.jotrs.article.SenderType;

/**
 * The first article of a ticket as an integration describes it (OTRS's GenericInterface
 * TicketCreate), instead of the one the phone screen writes.
 *
 * @param channel {@link Channel#INTERNAL} or {@link Channel#PHONE} (email articles are sent, see
 *     {@link TicketService#createEmailTicket})
 * @param from the article's From; null for the customer user's mailbox, as OTRS fills it
 * @param subject the article's subject; null for the ticket's title
 * @param htmlBody the body as HTML, or null for a plain-text article; stored sanitised as OTRS
 *     stores HTML articles (the text in {@code a_body}, the HTML as the attachment {@code file-2})
 * @param timeUnits time to account on the article, or null
 * @param historyType the OTRS history type name of the article's history row (OTRS's
 *     {@code HistoryType}); null for {@code NewTicket}
 * @param historyComment the comment of that row; null for {@code %%}
 */
public record FirstArticle(Channel channel, SenderType sender, boolean visibleForCustomer, String from, String subject,
        String htmlBody, BigDecimal timeUnits, String historyType, String historyComment) {
}
