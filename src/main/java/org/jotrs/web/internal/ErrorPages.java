package org.jotrs.web.internal;

import java.util.Map;

import org.jotrs.access.PermissionDenied;
import org.jotrs.platform.InvalidInput;
import org.jotrs.platform.NoSuchEntry;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/** Refusals from the services become pages with the right status and the service's message. */
@ControllerAdvice
class ErrorPages {

    @ExceptionHandler(PermissionDenied.class)
    ModelAndView forbidden(PermissionDenied denied) {
        return page(HttpStatus.FORBIDDEN, denied.getMessage());
    }

    @ExceptionHandler(NoSuchEntry.class)
    ModelAndView noSuchEntry(NoSuchEntry missing) {
        return page(HttpStatus.NOT_FOUND, missing.getMessage());
    }

    /** Forms catch their own refusals to show them beside the fields; this is for the rest (e.g. a tampered id). */
    @ExceptionHandler(InvalidInput.class)
    ModelAndView invalid(InvalidInput invalid) {
        return page(HttpStatus.UNPROCESSABLE_CONTENT, String.join(" ", invalid.errors().values()));
    }

    private static ModelAndView page(HttpStatus status, String message) {
        return new ModelAndView("error", Map.of("status", status.value(), "error", status.getReasonPhrase(),
                "message", message), status);
    }
}
