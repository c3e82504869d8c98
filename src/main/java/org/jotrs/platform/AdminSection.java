package org.jotrs.platform;

/**
 * One screen of the admin area, declared as a bean by the module that serves it, so the admin
 * index lists exactly the screens that exist.
 *
 * <p>Area, title and summary are message keys ({@code admin.area.tickets}, ...), shown in the agent's language.
 *
 * @param area the message key of the heading it is listed under
 * @param path where the screen is, e.g. {@code /admin/agents}
 * @param summary one line on what it manages
 */
public record AdminSection(String area, String title, String path, String summary) {
}
