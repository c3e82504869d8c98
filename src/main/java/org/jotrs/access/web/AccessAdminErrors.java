package org.jotrs.access.web;

import java.util.Map;

import org.jotrs.access.NoSuchAccessObject;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/** An unknown agent, group or role id in an admin address is a 404 page with the reason. */
@ControllerAdvice(basePackageClasses = AccessAdminErrors.class)
class AccessAdminErrors {

    @ExceptionHandler(NoSuchAccessObject.class)
    ModelAndView notFound(NoSuchAccessObject missing) {
        return new ModelAndView("error", Map.of("status", 404, "error", HttpStatus.NOT_FOUND.getReasonPhrase(),
                "message", missing.getMessage()), HttpStatus.NOT_FOUND);
    }
}
