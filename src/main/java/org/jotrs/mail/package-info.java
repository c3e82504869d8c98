/**
 * Mail: the outbound mail queue (OTRS's {@code mail_queue}); later inbound accounts, the
 * postmaster pipeline, auto responses and notifications.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Mail")
package org.jotrs.mail;
