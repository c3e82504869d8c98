package org.jotrs.platform;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

/**
 * What the HTML error page shows around the error, so that a 404 or 403 keeps the signed-in
 * agent's navigation and theme: the {@code web} module supplies the layout's {@code agent},
 * {@code csrf} and {@code admin}. {@link ErrorReplies} asks for it only for pages, never when the
 * database is unreachable, and renders a bare page when this fails.
 */
public interface ErrorPageModel {

    /** The layout's parameters for this request; empty for a visitor who has not signed in. */
    Map<String, Object> layoutFor(HttpServletRequest request);
}
