package org.jotrs.ticket.internal;

import java.security.SecureRandom;
import java.time.Clock;

import javax.sql.DataSource;

import org.jooq.DSLContext;
import org.jotrs.ticket.TicketNumbers;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class TicketNumberConfiguration {

    /** Closing it closes the small pool that counter claims use. */
    @Bean(destroyMethod = "close")
    JooqTicketNumberStore ticketNumberStore(DSLContext db, DataSource dataSource) {
        return JooqTicketNumberStore.withOwnClaimPool(db, dataSource);
    }

    /**
     * Random numbers come from SecureRandom: some sites choose Random so that ticket numbers
     * cannot be guessed from one another.
     */
    @Bean
    TicketNumbers ticketNumbers(TicketNumberProperties properties, JooqTicketNumberStore store, Clock clock) {
        return new TicketNumberIssuer(TicketNumberGenerator.of(properties), store, clock, new SecureRandom());
    }
}
