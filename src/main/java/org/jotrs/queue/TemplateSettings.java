package org.jotrs.queue;

/**
 * A canned text ({@code standard_template}), plain text with OTRS placeholders.
 *
 * @param templateType one of {@link TemplateAdministration#TEMPLATE_TYPES}
 */
public record TemplateSettings(String name, String text, String templateType, String comment, int validId) {
}
