package org.jotrs.queue.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.jotrs.queue.PlaceholderValues;
import org.junit.jupiter.api.Test;

class PlaceholdersTest {

    private final PlaceholderValues values = new PlaceholderValues("Carla Customer", "2026112310000017", "VPN down",
            "Anna", "Agent", "Carla", "Customer", "carla@example.com");

    @Test
    void fillsTheSupportedTagsIgnoringCase() {
        assertThat(Placeholders.fill("Dear <OTRS_CUSTOMER_REALNAME>, ticket <OTRS_TICKET_TicketNumber> (<otrs_ticket_title>)"
                + " - <OTRS_CURRENT_UserFirstname> <OTRS_CURRENT_UserLastname> / <OTRS_Agent_UserFirstname>"
                + " for <OTRS_CUSTOMER_UserFirstname> <OTRS_CUSTOMER_UserLastname> <OTRS_CUSTOMER_UserEmail>", values))
                .isEqualTo("Dear Carla Customer, ticket 2026112310000017 (VPN down) - Anna Agent / Anna"
                        + " for Carla Customer carla@example.com");
    }

    @Test
    void leavesOtherTagsAndTextAsTheyAre() {
        assertThat(Placeholders.fill("<OTRS_CONFIG_FQDN> <OTRS_CUSTOMER_SUBJECT[24]> $1 \\ <b>", values))
                .isEqualTo("<OTRS_CONFIG_FQDN> <OTRS_CUSTOMER_SUBJECT[24]> $1 \\ <b>");
    }

    @Test
    void missingValuesBecomeEmptyText() {
        PlaceholderValues none = new PlaceholderValues(null, null, null, null, null, null, null, null);
        assertThat(Placeholders.fill("Dear <OTRS_CUSTOMER_REALNAME>,", none)).isEqualTo("Dear ,");
        assertThat(Placeholders.fill(null, none)).isEmpty();
    }
}
