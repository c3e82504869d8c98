package org.jotrs.platform;

import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.converter.HttpMessageNotReadableException;

import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.databind.exc.ValueInstantiationException;

/**
 * A JSON body that could not be read, as a precise answer (400) naming the field and what was
 * expected, or the line and column of the syntax error, without Jackson's class names.
 */
final class JsonProblems {

    private JsonProblems() {
    }

    static ErrorReplies.Reply unreadable(HttpMessageNotReadableException unreadable) {
        for (Throwable e = unreadable; e != null; e = e.getCause() == e ? null : e.getCause()) {
            if (e instanceof RequestTooLarge tooLarge) {
                return ErrorReplies.Reply.of(HttpStatus.CONTENT_TOO_LARGE, tooLarge.getMessage());
            }
        }
        Throwable cause = unreadable.getCause();
        String field = cause instanceof JacksonException jackson ? path(jackson.getPath()) : null;
        String message = switch (cause) {
            case null -> Messages.t("validation.json.missing-body");
            case UnrecognizedPropertyException unknown -> Messages.t("validation.json.unknown-field",
                    String.valueOf(unknown.getPropertyName()), String.join(", ",
                            unknown.getKnownPropertyIds().stream().map(String::valueOf).sorted().toList()));
            case InvalidFormatException format -> Messages.t("validation.json.wrong-value", shown(format.getValue()),
                    expected(format.getTargetType()));
            case ValueInstantiationException invalid -> invalid.getCause() != null && invalid.getCause().getMessage() != null
                    ? invalid.getCause().getMessage() : Messages.t("validation.json.unusable-value");
            case MismatchedInputException mismatch when mismatch.getTargetType() != null ->
                    Messages.t("validation.json.expected", expected(mismatch.getTargetType()));
            // Jackson's own words about the syntax stay as they are (English): they name the character it stumbled on.
            case StreamReadException syntax -> syntax.getLocation() != null
                    ? Messages.t("validation.json.syntax-at", String.valueOf(syntax.getLocation().getLineNr()),
                            String.valueOf(syntax.getLocation().getColumnNr()), firstLine(syntax.getOriginalMessage()))
                    : Messages.t("validation.json.syntax", firstLine(syntax.getOriginalMessage()));
            case JacksonException other -> firstLine(other.getOriginalMessage());
            default -> Messages.t("validation.json.unreadable");
        };
        if (cause == null && unreadable.getMessage() != null && !unreadable.getMessage().startsWith("Required request body")) {
            message = Messages.t("validation.json.unreadable");
        }
        String key = field == null || field.isEmpty() ? "body" : field;
        String detail = key.equals("body") ? message : key + ": " + message;
        return new ErrorReplies.Reply(400, HttpStatus.BAD_REQUEST.getReasonPhrase(), detail, Map.of(key, message));
    }

    /** {@code articles[0].attachments[1].content}: the field as the client wrote it. */
    private static String path(List<JacksonException.Reference> references) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference reference : references) {
            if (reference.getPropertyName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String expected(Class<?> type) {
        if (type == null) {
            return Messages.t("validation.json.type.other");
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class
                || type == Short.class || type == short.class) {
            return Messages.t("validation.json.type.whole-number");
        }
        if (Number.class.isAssignableFrom(type) || type == double.class || type == float.class) {
            return Messages.t("validation.json.type.number");
        }
        if (type == Boolean.class || type == boolean.class) {
            return Messages.t("validation.json.type.boolean");
        }
        if (type == String.class) {
            return Messages.t("validation.json.type.string");
        }
        if (type.isEnum()) {
            return Messages.t("validation.json.type.one-of", String.join(", ", java.util.Arrays.stream(type.getEnumConstants())
                    .map(c -> ((Enum<?>) c).name().toLowerCase(java.util.Locale.ROOT)).toList()));
        }
        if (java.time.temporal.Temporal.class.isAssignableFrom(type)) {
            return Messages.t(type == java.time.LocalDate.class ? "validation.json.type.date" : "validation.json.type.date-time");
        }
        if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
            return Messages.t("validation.json.type.list");
        }
        return Messages.t("validation.json.type.object");
    }

    private static String shown(Object value) {
        String text = String.valueOf(value).replaceAll("\\p{Cntrl}", "?");
        return text.length() > 40 ? text.substring(0, 40) + "…" : text;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
