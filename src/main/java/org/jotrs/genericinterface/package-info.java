/**
 * OTRS's GenericInterface ticket connector (GenericTicketConnectorREST): SessionCreate,
 * TicketCreate, TicketGet, TicketSearch, TicketUpdate and TicketHistoryGet under
 * {@code /otrs/nph-genericinterface.pl/Webservice/<name>/...} and Znuny's {@code /znuny/...}, with
 * OTRS's payloads, answers and error codes, through the ticket and article facades. Owns
 * {@code jotrs_gi_session}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "GenericInterface")
package org.jotrs.genericinterface;
