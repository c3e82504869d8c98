package org.jotrs.article;

/** A stored attachment with its content, for download. */
public record Attachment(AttachmentInfo info, byte[] content) {
}
