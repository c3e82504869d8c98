package org.jotrs.queue;

/** A salutation or signature ({@code salutation} / {@code signature} row), plain text with OTRS placeholders. */
public record TextBlock(String name, String text, String comment, int validId) {
}
