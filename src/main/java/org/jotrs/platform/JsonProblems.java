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
            case null -> "The request body is missing; send a JSON document.";
            case UnrecognizedPropertyException unknown -> "'" + unknown.getPropertyName()
                    + "' is not a field here; the fields are: " + String.join(", ",
                            unknown.getKnownPropertyIds().stream().map(String::valueOf).sorted().toList()) + ".";
            case InvalidFormatException format -> "'" + shown(format.getValue()) + "' is not " + expected(format.getTargetType()) + ".";
            case ValueInstantiationException invalid -> invalid.getCause() != null && invalid.getCause().getMessage() != null
                    ? invalid.getCause().getMessage() : "This value cannot be used here.";
            case MismatchedInputException mismatch when mismatch.getTargetType() != null ->
                    "Expected " + expected(mismatch.getTargetType()) + ".";
            case StreamReadException syntax -> "The body is not valid JSON"
                    + (syntax.getLocation() != null ? " (line " + syntax.getLocation().getLineNr() + ", column "
                            + syntax.getLocation().getColumnNr() + ")" : "") + ": " + firstLine(syntax.getOriginalMessage());
            case JacksonException other -> firstLine(other.getOriginalMessage());
            default -> "The request body could not be read as JSON.";
        };
        if (cause == null && unreadable.getMessage() != null && !unreadable.getMessage().startsWith("Required request body")) {
            message = "The request body could not be read as JSON.";
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
            return "a value of another type";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class
                || type == Short.class || type == short.class) {
            return "a whole number";
        }
        if (Number.class.isAssignableFrom(type) || type == double.class || type == float.class) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == String.class) {
            return "a string";
        }
        if (type.isEnum()) {
            return "one of " + String.join(", ", java.util.Arrays.stream(type.getEnumConstants())
                    .map(c -> ((Enum<?>) c).name().toLowerCase(java.util.Locale.ROOT)).toList());
        }
        if (java.time.temporal.Temporal.class.isAssignableFrom(type)) {
            return type == java.time.LocalDate.class ? "a date (2026-12-31)" : "a date and time (2026-12-31T17:00:00)";
        }
        if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "a list";
        }
        return "an object";
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
