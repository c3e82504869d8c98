package org.jotrs.demo.internal;

import org.jotrs.demo.DemoHelpDesk;
import org.jotrs.platform.InvalidInput;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * {@code --demo-data} (or {@code --demo-data=N} for N tickets, 300 by default): once the
 * application has started, fills the fresh instance through {@link DemoHelpDesk} as the first
 * administrator (OTRS's root@localhost, id 1) and keeps running. Without the option it does
 * nothing; a refusal (the instance is not fresh) is one line on stderr, and Jotrs runs on.
 */
@Component
class DemoDataCommand implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoDataCommand.class);
    static final String OPTION = "demo-data";
    static final int DEFAULT_TICKETS = 300;
    private static final int ROOT = 1;

    private final DemoHelpDesk demo;

    DemoDataCommand(DemoHelpDesk demo) {
        this.demo = demo;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!args.containsOption(OPTION)) {
            return;
        }
        int tickets = DEFAULT_TICKETS;
        var values = args.getOptionValues(OPTION);
        if (values != null && !values.isEmpty() && !values.getFirst().isBlank()) {
            try {
                tickets = Integer.parseInt(values.getFirst().strip());
            } catch (NumberFormatException e) {
                System.err.println("--demo-data takes a number of tickets, such as --demo-data=300; nothing was added.");
                return;
            }
        }
        try {
            DemoHelpDesk.Summary made = demo.fill(ROOT, tickets);
            System.out.println("Demo help desk added: " + made.queues() + " queues, " + made.agents() + " agents ("
                    + String.join(", ", DemoHelpDesk.AGENTS) + "; password " + DemoHelpDesk.AGENT_PASSWORD + "), "
                    + made.companies() + " companies, " + made.customers() + " customers, " + made.tickets() + " tickets, "
                    + made.articles() + " articles.");
        } catch (InvalidInput refused) {
            System.err.println("No demo data added: " + String.join(" ", new java.util.LinkedHashSet<>(refused.errors().values())));
            log.info("Demo data refused reason={}", refused.getMessage());
        }
    }
}
