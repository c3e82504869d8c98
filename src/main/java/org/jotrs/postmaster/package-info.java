/**
 * Postmaster: incoming mail. Mail accounts (OTRS {@code mail_account}) fetched by one node of the
 * cluster, the pipe entry point for MTAs, parsing, follow-up detection, trusted {@code X-OTRS-*}
 * headers, and the quarantine for messages that cannot be stored. Tickets and articles are made
 * through the ticket module's facade; outgoing mail stays in the mail module, which the ticket
 * module uses (a separate module, so the two directions form no cycle).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Postmaster")
package org.jotrs.postmaster;
