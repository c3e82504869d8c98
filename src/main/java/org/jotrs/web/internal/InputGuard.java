package org.jotrs.web.internal;

import static org.jotrs.platform.Messages.t;

import java.io.IOException;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.Part;

import org.jotrs.platform.ErrorReplies;
import org.jotrs.platform.ErrorReplies.Reply;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * One guard in front of every page, form and (later) API parameter, before Spring Security and
 * any controller read them, so no text field needs its own code:
 * <ul>
 * <li>parameters the container cannot decode (a bad {@code %} escape, a broken multipart body):
 * 400, logged as one INFO line, never an ERROR with a stack trace;
 * <li>a multipart body over the size limit (also one sent without a length, which the upload
 * filter cannot see in advance): 413 with the page's message;
 * <li>a NUL character in any parameter name, value or uploaded file name: 422 naming the field.
 * PostgreSQL cannot store NUL in text, and no text a person types contains one.
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
class InputGuard {

    @Bean
    FilterRegistrationBean<Guard> inputGuardFilter(ErrorReplies replies) {
        FilterRegistrationBean<Guard> registration = new FilterRegistrationBean<>(new Guard(replies));
        // Right after the upload size filter (HIGHEST_PRECEDENCE), before Spring Security reads _csrf.
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }

    static final class Guard extends OncePerRequestFilter {

        private static final Logger log = LoggerFactory.getLogger(InputGuard.class);

        private final ErrorReplies replies;

        Guard(ErrorReplies replies) {
            this.replies = replies;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            Reply refused = check(request);
            if (refused != null) {
                log.info("Request refused status={} uri={} reason={}", refused.status(), request.getRequestURI(),
                        refused.detail());
                replies.write(request, response, refused);
                return;
            }
            chain.doFilter(request, response);
        }

        private Reply check(HttpServletRequest request) {
            Map<String, String[]> parameters;
            try {
                parameters = request.getParameterMap();
                if (multipart(request)) {
                    for (Part part : request.getParts()) {
                        String filename = part.getSubmittedFileName();
                        if (filename != null && filename.indexOf('\0') >= 0) {
                            return nul(part.getName());
                        }
                    }
                }
            } catch (IOException | ServletException | RuntimeException unreadable) {
                return tooLarge(unreadable)
                        ? Reply.of(HttpStatus.CONTENT_TOO_LARGE, t("error.upload-too-large"))
                        : Reply.of(HttpStatus.BAD_REQUEST, t("error.request-unreadable", reason(unreadable)));
            }
            for (Map.Entry<String, String[]> parameter : parameters.entrySet()) {
                if (parameter.getKey().indexOf('\0') >= 0) {
                    return nul(parameter.getKey().replace('\0', '?'));
                }
                for (String value : parameter.getValue()) {
                    if (value != null && value.indexOf('\0') >= 0) {
                        return nul(parameter.getKey());
                    }
                }
            }
            return null;
        }

        private static Reply nul(String field) {
            String message = t("validation.nul-character");
            return new Reply(422, HttpStatus.UNPROCESSABLE_CONTENT.getReasonPhrase(), field + ": " + message,
                    Map.of(field, message));
        }

        private static boolean multipart(HttpServletRequest request) {
            String type = request.getContentType();
            return type != null && type.toLowerCase(Locale.ROOT).startsWith("multipart/");
        }

        private static boolean tooLarge(Throwable thrown) {
            for (Throwable e = thrown; e != null; e = e.getCause() == e ? null : e.getCause()) {
                String name = e.getClass().getSimpleName();
                String message = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
                if (name.contains("SizeLimit") || name.contains("SizeException") || name.contains("FileSizeLimit")
                        || message.contains("exceeds its maximum") || message.contains("exceeds the configured maximum")
                        || message.contains("too large")) {
                    return true;
                }
            }
            return false;
        }

        private static String reason(Throwable thrown) {
            Throwable root = thrown;
            while (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
            return message.length() > 200 ? message.substring(0, 200) + "…" : message;
        }
    }
}
