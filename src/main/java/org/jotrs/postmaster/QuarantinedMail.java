package org.jotrs.postmaster;

import java.time.LocalDateTime;

/**
 * A message that could not be stored, kept raw.
 *
 * @param accountId the mail account it came from; 0 for the pipe
 */
public record QuarantinedMail(long id, int accountId, int size, String sender, String subject, String error,
        LocalDateTime received) {
}
