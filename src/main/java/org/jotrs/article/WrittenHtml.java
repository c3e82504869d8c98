package org.jotrs.article;

/**
 * HTML an agent wrote in the rich-text editor, made safe to store and send, with its plain-text
 * version.
 *
 * @param document the sanitised HTML as a complete document, as OTRS stores an HTML body
 *     ({@code file-2}) and sends it as the {@code text/html} part
 * @param text the plain text made from it: the article's {@code a_body} and the mail's
 *     {@code text/plain} alternative
 */
public record WrittenHtml(String document, String text) {
}
