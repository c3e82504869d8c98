package org.jotrs.web.internal;

import static org.jotrs.platform.Messages.t;

import java.io.IOException;
import java.util.Map;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.jotrs.platform.ErrorReplies;
import org.jotrs.platform.Messages;
import org.jotrs.platform.ErrorReplies.Reply;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * Every error a page or endpoint ends with, answered through {@link ErrorReplies}: the app's HTML
 * error page for browsers, problem+json for JSON clients. Client mistakes and refusals are logged
 * at most as one INFO line without a stack trace; only unexpected failures (500) are errors.
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class ErrorPages {

    private static final Logger log = LoggerFactory.getLogger(ErrorPages.class);

    private final ErrorReplies replies;

    ErrorPages(ErrorReplies replies) {
        this.replies = replies;
    }

    @ExceptionHandler(Exception.class)
    ModelAndView handle(Exception thrown, HttpServletRequest request, HttpServletResponse response) throws IOException {
        Reply reply = replies.replyFor(thrown).orElse(null);
        if (response.isCommitted()) {
            // A stream the client closed, or a download cut short: nobody is left to answer.
            log.debug("Failure after the response was committed uri={}", request.getRequestURI(), thrown);
            return new ModelAndView();
        }
        if (reply == null) {
            log.error("Request failed uri={}", request.getRequestURI(), thrown);
            reply = Reply.of(HttpStatus.INTERNAL_SERVER_ERROR, t("error.internal"));
        } else if (reply.status() == 503) {
            log.warn("Database unreachable uri={} cause={}", request.getRequestURI(), rootMessage(thrown));
        } else if (reply.clientError() && reply.status() != 404 && reply.status() != 422) {
            log.info("Request refused status={} uri={} reason={}", reply.status(), request.getRequestURI(), reply.detail());
        }
        replies.write(request, response, reply);
        return new ModelAndView();
    }

    static String rootMessage(Throwable thrown) {
        Throwable root = thrown;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }

    /**
     * Errors that happen outside Spring MVC (a filter's {@code sendError}, Spring Security's
     * refusals, the container) end up at {@code /error}; Boot's own error controller backs off
     * for this one, so those answers take the same two forms.
     */
    @Controller
    static class ErrorEndpoint implements ErrorController {

        /** The statuses with a text of their own ({@code error.page.<status>} in the bundles). */
        private static final java.util.Set<Integer> EXPLAINED = java.util.Set.of(400, 401, 403, 404, 405, 413, 415);

        private final ErrorReplies replies;

        ErrorEndpoint(ErrorReplies replies) {
            this.replies = replies;
        }

        @RequestMapping("/error")
        ModelAndView error(HttpServletRequest request, HttpServletResponse response) throws IOException {
            Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
            int status = code instanceof Integer value ? value : 404;
            Object thrown = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
            Reply reply = thrown instanceof Throwable failure ? replies.replyFor(failure).orElse(null) : null;
            if (reply == null) {
                if (thrown instanceof Throwable failure && status >= 500) {
                    log.error("Request failed uri={}", request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI), failure);
                }
                HttpStatus resolved = HttpStatus.resolve(status);
                reply = new Reply(status, resolved == null ? "Error" : resolved.getReasonPhrase(),
                        EXPLAINED.contains(status) ? Messages.t("error.page." + status)
                                : status >= 500 ? Messages.t("error.page.500") : "", Map.of());
            }
            replies.write(request, response, reply);
            return new ModelAndView();
        }
    }
}
