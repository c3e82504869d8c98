package org.jotrs.ticket.web;

import org.jotrs.access.SignedInAgent;
import org.jotrs.article.Attachment;
import org.jotrs.platform.StoredContent;
import org.jotrs.ticket.TicketService;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * Attachment downloads and the HTML version of articles, for agents who may read the ticket,
 * served as {@link StoredContent} serves stored content: never rendered on our origin.
 */
@Controller
class ArticleFiles {

    private final TicketService tickets;

    ArticleFiles(TicketService tickets) {
        this.tickets = tickets;
    }

    @GetMapping("/tickets/{ticketId}/articles/{articleId}/attachments/{fileId}")
    ResponseEntity<byte[]> download(@AuthenticationPrincipal SignedInAgent agent, @PathVariable long ticketId,
            @PathVariable long articleId, @PathVariable int fileId) {
        Attachment attachment = tickets.attachment(agent.id(), ticketId, articleId, fileId);
        return StoredContent.download(attachment.info().filename(), attachment.info().contentType(), attachment.content());
    }

    @GetMapping("/tickets/{ticketId}/articles/{articleId}/html")
    ResponseEntity<String> html(@AuthenticationPrincipal SignedInAgent agent, @PathVariable long ticketId,
            @PathVariable long articleId) {
        return StoredContent.framedHtml(tickets.articleHtml(agent.id(), ticketId, articleId));
    }
}
