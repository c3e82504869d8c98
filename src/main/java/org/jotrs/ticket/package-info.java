/**
 * Ticket: tickets and their numbers (OTRS tables ticket, ticket_number_counter, ...). The root
 * package is the module's API; {@code internal} holds the implementation.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Ticket")
package org.jotrs.ticket;
