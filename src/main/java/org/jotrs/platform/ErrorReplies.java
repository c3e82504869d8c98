package org.jotrs.platform;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;

import org.springframework.beans.TypeMismatchException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MultipartException;

/**
 * The one place where a refusal or a client mistake becomes an answer, for every kind of client:
 * the application's own HTML error page for browser pages, {@code application/problem+json}
 * (RFC 9457, with the per-field messages under {@code errors}) for clients that ask for JSON.
 * The MVC exception handler ({@code web}), the request filters (input guard, database outage,
 * CSRF refusals) and later the REST API all answer through here, so a status and its wording are
 * decided once.
 *
 * <p>Families: {@link InvalidInput} (422, or 409 for a conflict), {@link NoSuchEntry} (404),
 * {@link AccessRefused} (403), an unreachable database (503), a too large upload (413), Spring's
 * own client errors (400, 404, 405, 415, ...). Anything else is a bug: 500, and only that is
 * logged as an error by the caller.
 */
@Component
public class ErrorReplies {

    /**
     * One answer.
     *
     * @param errors messages per form field, empty when the answer is not about fields
     */
    public record Reply(int status, String title, String detail, Map<String, String> errors) {

        public Reply {
            errors = Map.copyOf(errors);
        }

        public static Reply of(HttpStatus status, String detail) {
            return new Reply(status.value(), status.getReasonPhrase(), detail, Map.of());
        }

        /** Whether this is a client mistake or refusal (4xx) rather than a failure on our side. */
        public boolean clientError() {
            return status >= 400 && status < 500;
        }
    }

    public static final String DATABASE_UNREACHABLE = "The database is unreachable at the moment, so nothing could be"
            + " read or saved. Please try again in a minute; if it keeps happening, tell your administrator.";


    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ErrorReplies.class);

    private final TemplateEngine templates;
    private final ObjectProvider<ErrorPageModel> layouts;

    public ErrorReplies(TemplateEngine templates, ObjectProvider<ErrorPageModel> layouts) {
        this.templates = templates;
        this.layouts = layouts;
    }

    /** The answer for this exception, or empty when it is not a known refusal (a bug: answer 500 and log it). */
    public Optional<Reply> replyFor(Throwable thrown) {
        for (Throwable e = thrown; e != null; e = e.getCause() == e ? null : e.getCause()) {
            Optional<Reply> reply = direct(e);
            if (reply.isPresent()) {
                return reply;
            }
        }
        return Optional.empty();
    }

    private static Optional<Reply> direct(Throwable e) {
        return switch (e) {
            case InvalidInput invalid -> Optional.of(new Reply(invalid.status(),
                    HttpStatus.valueOf(invalid.status()).getReasonPhrase(),
                    String.join(" ", invalid.errors().values()), invalid.errors()));
            case NoSuchEntry missing -> Optional.of(Reply.of(HttpStatus.NOT_FOUND, missing.getMessage()));
            case AccessRefused refused -> Optional.of(Reply.of(HttpStatus.FORBIDDEN, refused.getMessage()));
            case RequestTooLarge tooLarge -> Optional.of(Reply.of(HttpStatus.CONTENT_TOO_LARGE, tooLarge.getMessage()));
            case org.springframework.http.converter.HttpMessageNotReadableException unreadable ->
                    Optional.of(JsonProblems.unreadable(unreadable));
            case MultipartException multipart -> Optional.of(Reply.of(HttpStatus.CONTENT_TOO_LARGE,
                    Messages.t("error.upload-too-large")));
            case MethodArgumentTypeMismatchException mismatch -> Optional.of(typeMismatch(mismatch.getName(),
                    mismatch.getValue(), mismatch.getRequiredType()));
            case TypeMismatchException mismatch -> Optional.of(typeMismatch(mismatch.getPropertyName(),
                    mismatch.getValue(), mismatch.getRequiredType()));
            case org.springframework.validation.BindException bind -> Optional.of(bindingFailed(bind));
            // Spring's "No static resource …" names a path the agent mistyped or an old link: say it plainly.
            case org.springframework.web.servlet.resource.NoResourceFoundException missing -> Optional.of(
                    Reply.of(HttpStatus.NOT_FOUND, Messages.t("error.page.404")));
            case ErrorResponse spring -> Optional.of(new Reply(spring.getStatusCode().value(),
                    Optional.ofNullable(HttpStatus.resolve(spring.getStatusCode().value())).map(HttpStatus::getReasonPhrase)
                            .orElse("Error"),
                    Optional.ofNullable(spring.getBody().getDetail()).orElse(""), Map.of()));
            // The database refused a value as too long (SQLSTATE 22001): a limit no form checked yet; still the client's input.
            case SQLException sql when "22001".equals(sql.getSQLState()) -> Optional.of(inputRefused(Messages.t("error.value-too-long")));
            // The database refused a character (PostgreSQL cannot store NUL in text).
            case SQLException sql when "22021".equals(sql.getSQLState()) || "22P05".equals(sql.getSQLState()) -> Optional.of(
                    inputRefused(Messages.t("error.value-unstorable")));
            // In English: the language of a signed-in agent is read from the database, which is not there.
            default -> databaseUnreachable(e) ? Optional.of(Reply.of(HttpStatus.SERVICE_UNAVAILABLE, DATABASE_UNREACHABLE))
                    : Optional.empty();
        };
    }

    private static Reply inputRefused(String message) {
        return new Reply(422, HttpStatus.UNPROCESSABLE_CONTENT.getReasonPhrase(), message, Map.of("input", message));
    }

    /** A request value of the wrong type: an unknown choice (enum) is 422 naming the field, anything else 400. */
    private static Reply typeMismatch(String field, Object value, Class<?> type) {
        String name = field == null ? "value" : field;
        if (type != null && type.isEnum()) {
            String choices = Arrays.stream(type.getEnumConstants()).map(Object::toString)
                    .map(choice -> choice.toLowerCase(java.util.Locale.ROOT)).collect(Collectors.joining(", "));
            String message = Messages.t("validation.not-a-valid-choice", shown(value), name, choices);
            return new Reply(422, HttpStatus.UNPROCESSABLE_CONTENT.getReasonPhrase(), message, Map.of(name, message));
        }
        return Reply.of(HttpStatus.BAD_REQUEST, Messages.t("validation.value-not-valid-here", name));
    }

    /** Form values that could not be bound (a number field with letters, say): 422, one clean message per field. */
    private static Reply bindingFailed(org.springframework.validation.BindException bind) {
        Map<String, String> errors = new LinkedHashMap<>();
        bind.getFieldErrors().forEach(error -> errors.putIfAbsent(error.getField(),
                Messages.t("validation.not-a-valid-value", shown(error.getRejectedValue()), error.getField())));
        if (errors.isEmpty()) {
            errors.put("form", Messages.t("validation.form-unreadable"));
        }
        return new Reply(422, HttpStatus.UNPROCESSABLE_CONTENT.getReasonPhrase(), String.join(" ", errors.values()), errors);
    }

    private static String shown(Object value) {
        String text = value instanceof String[] array ? String.join(",", array) : String.valueOf(value);
        text = text.replaceAll("\\p{Cntrl}", "?");
        return text.length() > 40 ? text.substring(0, 40) + "…" : text;
    }

    /** Whether the exception says the database cannot be reached (rather than that a statement failed). */
    public static boolean databaseUnreachable(Throwable thrown) {
        for (Throwable e = thrown; e != null; e = e.getCause() == e ? null : e.getCause()) {
            if (e instanceof CannotGetJdbcConnectionException || e instanceof SQLTransientConnectionException
                    || e instanceof SQLNonTransientConnectionException) {
                return true;
            }
            if (e instanceof CannotCreateTransactionException || e instanceof DataAccessResourceFailureException) {
                return true;
            }
            if (e instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("08")) {
                return true; // SQLSTATE class 08: connection exception
            }
        }
        return false;
    }

    /**
     * Whether the client asked for JSON rather than a page (API clients, fetch with Accept:
     * application/json); under {@code /api/} always, whatever the client accepts.
     */
    public static boolean wantsJson(HttpServletRequest request) {
        if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
            return true;
        }
        String accept = request.getHeader("Accept");
        if (accept == null || accept.isBlank()) {
            return false;
        }
        try {
            for (MediaType type : MediaType.parseMediaTypes(accept)) {
                if (type.isCompatibleWith(MediaType.TEXT_HTML) && !type.isWildcardType()) {
                    return false;
                }
                if (type.isCompatibleWith(MediaType.APPLICATION_JSON) && !type.isWildcardType()
                        || type.getSubtype().endsWith("+json")) {
                    return true;
                }
            }
        } catch (org.springframework.http.InvalidMediaTypeException e) {
            return false;
        }
        return false;
    }

    /** The HTML error page for a reply, as a string (the {@code error.jte} template in the page layout). */
    public String page(Reply reply) {
        return page(reply, Map.of());
    }

    /**
     * The error page inside the signed-in agent's layout (navigation, theme), or a bare one when
     * the database is unreachable or the layout cannot be had: an error page must not fail.
     */
    public String page(HttpServletRequest request, Reply reply) {
        ErrorPageModel layout = reply.status() == HttpStatus.SERVICE_UNAVAILABLE.value() ? null : layouts.getIfAvailable();
        if (layout != null) {
            try {
                return page(reply, layout.layoutFor(request));
            } catch (RuntimeException e) {
                log.debug("Error page without the agent's layout uri={}", request.getRequestURI(), e);
            }
        }
        return page(reply);
    }

    private String page(Reply reply, Map<String, Object> layout) {
        StringOutput page = new StringOutput();
        Map<String, Object> model = new LinkedHashMap<>(layout);
        model.put("status", reply.status());
        model.put("error", reply.title());
        model.put("message", reply.detail());
        templates.render("error.jte", model, page);
        return page.toString();
    }

    /** The problem+json document for a reply. */
    public static String problemJson(Reply reply, String instance) {
        StringBuilder json = new StringBuilder("{\"type\":\"about:blank\",\"title\":").append(quote(reply.title()))
                .append(",\"status\":").append(reply.status())
                .append(",\"detail\":").append(quote(reply.detail()));
        if (instance != null) {
            json.append(",\"instance\":").append(quote(instance));
        }
        if (!reply.errors().isEmpty()) {
            json.append(",\"errors\":{").append(reply.errors().entrySet().stream()
                    .map(entry -> quote(entry.getKey()) + ":" + quote(entry.getValue()))
                    .collect(Collectors.joining(","))).append('}');
        }
        return json.append('}').toString();
    }

    /**
     * Writes the reply as a page or as problem+json, whichever the client asked for; for filters,
     * which answer before Spring MVC runs. Does nothing when the response is already committed.
     */
    public void write(HttpServletRequest request, HttpServletResponse response, Reply reply) throws IOException {
        if (response.isCommitted()) {
            return;
        }
        response.resetBuffer();
        response.setStatus(reply.status());
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Cache-Control", "no-store");
        byte[] body;
        if (wantsJson(request)) {
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            body = problemJson(reply, request.getRequestURI()).getBytes(StandardCharsets.UTF_8);
        } else {
            response.setContentType("text/html;charset=UTF-8");
            response.setHeader("Content-Security-Policy",
                    "default-src 'self'; style-src 'self'; script-src 'self'; frame-ancestors 'none'");
            body = page(request, reply).getBytes(StandardCharsets.UTF_8);
        }
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
        response.flushBuffer();
    }

    private static String quote(String text) {
        if (text == null) {
            return "null";
        }
        StringBuilder quoted = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> quoted.append("\\\"");
                case '\\' -> quoted.append("\\\\");
                case '\n' -> quoted.append("\\n");
                case '\r' -> quoted.append("\\r");
                case '\t' -> quoted.append("\\t");
                default -> {
                    if (c < 0x20 || c == '<' || c == '>' || c == '&') {
                        quoted.append(String.format("\\u%04x", (int) c));
                    } else {
                        quoted.append(c);
                    }
                }
            }
        }
        return quoted.append('"').toString();
    }
}
