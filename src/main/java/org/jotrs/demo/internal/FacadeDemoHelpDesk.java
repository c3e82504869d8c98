package org.jotrs.demo.internal;

import static org.jotrs.platform.db.schema.Tables.QUEUE;
import static org.jotrs.platform.db.schema.Tables.TICKET;
import static org.jotrs.platform.db.schema.Tables.USERS;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.jooq.DSLContext;
import org.jotrs.access.AccessService;
import org.jotrs.access.AgentAdministration;
import org.jotrs.access.AgentAdministration.AgentInput;
import org.jotrs.access.AgentAdministration.NamedInput;
import org.jotrs.access.GroupAndRoleAdministration;
import org.jotrs.access.Permission;
import org.jotrs.access.PermissionAdministration;
import org.jotrs.customer.Company;
import org.jotrs.customer.CompanyAdministration;
import org.jotrs.customer.CustomerAdministration;
import org.jotrs.customer.CustomerUserChanges;
import org.jotrs.demo.DemoHelpDesk;
import org.jotrs.platform.InvalidInput;
import org.jotrs.platform.Validity;
import org.jotrs.queue.QueueAdministration;
import org.jotrs.queue.QueueSettings;
import org.jotrs.ticket.CreatedTicket;
import org.jotrs.ticket.NewPhoneTicket;
import org.jotrs.ticket.TicketAction;
import org.jotrs.ticket.TicketService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The demo help desk, written through the facades with the acting administrator for setup and
 * each demo agent for the tickets they work on, in one transaction: a refusal anywhere leaves the
 * instance as it was. The random choices are seeded, so two demo instances look alike.
 */
@Service
class FacadeDemoHelpDesk implements DemoHelpDesk {

    private static final Logger log = LoggerFactory.getLogger(FacadeDemoHelpDesk.class);

    private static final List<String> QUEUES = List.of("Service Desk", "Hardware", "Network", "Billing");

    private static final List<String[]> AGENT_NAMES = List.of(new String[] {"Anna", "Berger"},
            new String[] {"Ben", "Okafor"}, new String[] {"Chloe", "Martin"}, new String[] {"David", "Novak"},
            new String[] {"Emma", "Lindqvist"});

    private static final List<Company> COMPANIES = List.of(
            new Company("ACME", "ACME Logistics", "Harbour Road 12", "20457", "Hamburg", "Germany", "https://acme.example",
                    "", 1),
            new Company("NORDWIND", "Nordwind Travel", "Strandvejen 4", "2100", "Copenhagen", "Denmark",
                    "https://nordwind.example", "", 1),
            new Company("BLUEFIN", "Bluefin Bakery", "Rue des Lilas 8", "69003", "Lyon", "France", "https://bluefin.example",
                    "", 1));

    private static final List<String[]> CUSTOMERS = List.of(
            new String[] {"carla.weber", "Carla", "Weber", "ACME"}, new String[] {"tom.fischer", "Tom", "Fischer", "ACME"},
            new String[] {"lena.koch", "Lena", "Koch", "ACME"}, new String[] {"jonas.meyer", "Jonas", "Meyer", "ACME"},
            new String[] {"sofie.hansen", "Sofie", "Hansen", "NORDWIND"},
            new String[] {"mikkel.larsen", "Mikkel", "Larsen", "NORDWIND"},
            new String[] {"ida.nielsen", "Ida", "Nielsen", "NORDWIND"},
            new String[] {"camille.bernard", "Camille", "Bernard", "BLUEFIN"},
            new String[] {"lucas.petit", "Lucas", "Petit", "BLUEFIN"},
            new String[] {"manon.robert", "Manon", "Robert", "BLUEFIN"},
            new String[] {"hugo.richard", "Hugo", "Richard", "BLUEFIN"},
            new String[] {"emil.berg", "Emil", "Berg", "NORDWIND"});

    /** A kind of request: its queue, a title, the customer's first words, and how a colleague answers. */
    private record Request(String queue, String title, String body, String answer, String followUp) {
    }

    private static final List<Request> REQUESTS = List.of(
            new Request("Hardware", "Printer on the second floor prints blank pages",
                    "Since this morning every page from the printer next to the kitchen comes out blank. The toner shows full.",
                    "I have ordered a new drum unit; until it arrives please print on the printer in room 2.14.",
                    "The blank pages are back since lunch."),
            new Request("Network", "VPN drops every hour",
                    "When I work from home the VPN disconnects about once an hour and I lose my remote desktop session.",
                    "Please update the VPN client to the version on the intranet page and tell me if it still happens.",
                    "Updated the client, it dropped again at 10:40."),
            new Request("Service Desk", "New employee needs an account",
                    "Our new colleague starts on Monday and needs a mail account, a laptop and access to the shared drive.",
                    "The account is ready; the laptop will be on the desk on Monday morning.",
                    "Could the account also get access to the sales calendar?"),
            new Request("Billing", "Invoice shows the wrong VAT number",
                    "The last invoice shows our old VAT number. Our accounting cannot book it like this.",
                    "Thank you, we have corrected the VAT number and will send a corrected invoice this week.",
                    "We still received the invoice with the old number."),
            new Request("Network", "Wi-Fi in the meeting room is very slow",
                    "In the big meeting room video calls keep freezing; everywhere else the Wi-Fi is fine.",
                    "A technician will check the access point in the meeting room tomorrow at 9.",
                    "Today the call froze again during our customer meeting."),
            new Request("Service Desk", "Password reset for the CRM",
                    "I locked myself out of the CRM after too many attempts. Can you reset my password?",
                    "Your password has been reset; you will receive a link to set a new one.",
                    "The link in the mail has expired already."),
            new Request("Hardware", "Laptop battery swells",
                    "The battery of my laptop has swollen and the touchpad is lifted. Is it safe to keep using it?",
                    "Please stop using it and bring it to the IT desk; you get a replacement laptop today.",
                    "When can I get my own laptop back?"),
            new Request("Billing", "Request for a credit note",
                    "We were charged twice for the October subscription. Please send us a credit note.",
                    "You are right, the charge was doubled. The credit note is attached to your account.",
                    "Could you send the credit note as a PDF as well?"),
            new Request("Service Desk", "Shared mailbox missing in Outlook",
                    "The shared support mailbox disappeared from my Outlook after the update yesterday.",
                    "I have added the mailbox to your profile again; please restart Outlook.",
                    "It is back, but the subfolders are missing."),
            new Request("Network", "Cannot reach the file server from the branch office",
                    "Since the weekend nobody in the Lyon office can open files on the file server.",
                    "The site-to-site tunnel was down after a provider change; it is up again.",
                    "Some users still get a timeout."));

    private static final List<String> PRIORITIES = List.of("1 very low", "2 low", "3 normal", "3 normal", "3 normal",
            "4 high", "5 very high");

    private final DSLContext db;
    private final AccessService access;
    private final AgentAdministration agents;
    private final GroupAndRoleAdministration groups;
    private final PermissionAdministration permissions;
    private final CustomerAdministration customers;
    private final CompanyAdministration companies;
    private final QueueAdministration queues;
    private final TicketService tickets;

    FacadeDemoHelpDesk(DSLContext db, AccessService access, AgentAdministration agents, GroupAndRoleAdministration groups,
            PermissionAdministration permissions, CustomerAdministration customers, CompanyAdministration companies,
            QueueAdministration queues, TicketService tickets) {
        this.db = db;
        this.access = access;
        this.agents = agents;
        this.groups = groups;
        this.permissions = permissions;
        this.customers = customers;
        this.companies = companies;
        this.queues = queues;
        this.tickets = tickets;
    }

    @Override
    @Transactional
    public Summary fill(int actorId, int ticketCount) {
        access.requireAdmin(actorId);
        InvalidInput.Collector problems = new InvalidInput.Collector();
        if (ticketCount < 1 || ticketCount > 2000) {
            problems.add("tickets", "Choose between 1 and 2000 demo tickets.");
        }
        if (db.fetchExists(TICKET)) {
            problems.add("instance", "This instance has tickets already; demo data is only added to a fresh instance.");
        }
        if (db.fetchExists(USERS, USERS.LOGIN.in(AGENTS)) || db.fetchExists(QUEUE, QUEUE.NAME.in(QUEUES))) {
            problems.add("instance", "Demo agents or queues exist already; demo data is only added once.");
        }
        problems.throwIfAny();

        Random random = new Random(20261207L);
        int group = groups.createGroup(actorId, new NamedInput("support", "Demo help desk", Validity.VALID));
        List<Integer> agentIds = new ArrayList<>();
        for (int i = 0; i < AGENTS.size(); i++) {
            String login = AGENTS.get(i);
            int id = agents.createAgent(actorId, new AgentInput(login, AGENT_NAMES.get(i)[0], AGENT_NAMES.get(i)[1],
                    login + "@helpdesk.example", Validity.VALID, AGENT_PASSWORD));
            permissions.setGroupsOfAgent(actorId, id, Map.of(1, EnumSet.of(Permission.RW), group, EnumSet.of(Permission.RW)));
            agentIds.add(id);
        }
        Map<String, Integer> queueIds = new java.util.HashMap<>();
        for (String name : QUEUES) {
            queueIds.put(name, queues.createQueue(actorId, new QueueSettings(name, group, 1, 1, 1, 1, false, 0, 0, 0, 0,
                    null, "Demo help desk", 1)));
        }
        for (Company company : COMPANIES) {
            companies.createCompany(actorId, company);
        }
        for (String[] customer : CUSTOMERS) {
            customers.createCustomerUser(actorId, new CustomerUserChanges(customer[0], null, customer[1], customer[2],
                    customer[0] + "@" + customer[3].toLowerCase(java.util.Locale.ROOT) + ".example", customer[3],
                    "+49 40 " + (100000 + random.nextInt(899999)), null, null, null, null, null, "", 1, null));
        }

        int articles = 0;
        for (int n = 0; n < ticketCount; n++) {
            Request request = REQUESTS.get(random.nextInt(REQUESTS.size()));
            String[] customer = CUSTOMERS.get(random.nextInt(CUSTOMERS.size()));
            int agent = agentIds.get(random.nextInt(agentIds.size()));
            String title = n < REQUESTS.size() ? request.title() : request.title() + " (" + customer[1] + ")";
            CreatedTicket created = tickets.createPhoneTicket(agent, new NewPhoneTicket(queueIds.get(request.queue()),
                    customer[0], title, request.body(), PRIORITIES.get(random.nextInt(PRIORITIES.size())), "new", null,
                    List.of(), null, null, null));
            articles++;
            articles += converse(created.ticketId(), request, agent, agentIds, random);
        }
        Summary summary = new Summary(QUEUES.size(), AGENTS.size(), COMPANIES.size(), CUSTOMERS.size(), ticketCount, articles);
        log.info("Demo help desk made queues={} agents={} companies={} customers={} tickets={} articles={}",
                summary.queues(), summary.agents(), summary.companies(), summary.customers(), summary.tickets(),
                summary.articles());
        return summary;
    }

    /**
     * What happens after the first call: most tickets are taken and answered, some go back and
     * forth, some wait, most older ones are closed; a few stay new. Returns the articles added.
     */
    private int converse(long ticketId, Request request, int creator, List<Integer> agentIds, Random random) {
        int stage = random.nextInt(10);
        if (stage == 0) {
            return 0; // still new, nobody has looked yet
        }
        int agent = agentIds.get(random.nextInt(agentIds.size()));
        List<TicketAction> first = new ArrayList<>();
        first.add(new TicketAction.Lock());
        first.add(new TicketAction.ChangeOwner(agent));
        tickets.applyTogether(agent, ticketId, first);
        int articles = 0;
        tickets.apply(agent, ticketId, new TicketAction.AddNote("Checked", "Looked at the logs; " + (random.nextBoolean()
                ? "it matches a known issue." : "nothing unusual yet, asking the customer."), false, BigDecimal.valueOf(
                5 + random.nextInt(25)), List.of()));
        articles++;
        tickets.apply(agent, ticketId, new TicketAction.AddPhoneCall("Call to the customer", request.answer(), false,
                BigDecimal.valueOf(10)));
        articles++;
        if (stage >= 4) {
            tickets.apply(agent, ticketId, new TicketAction.AddPhoneCall("Customer called back", request.followUp(), true,
                    null));
            articles++;
        }
        if (stage == 4 || stage == 5) {
            tickets.apply(agent, ticketId, new TicketAction.ChangeState("pending reminder",
                    LocalDateTime.now().plusDays(1 + random.nextInt(5)).withSecond(0).withNano(0)));
        } else if (stage >= 6) {
            tickets.apply(agent, ticketId, new TicketAction.AddNote("Solved", "Confirmed with the customer that it works"
                    + " again. Closing.", true, BigDecimal.valueOf(5), List.of()));
            articles++;
            tickets.applyTogether(agent, ticketId, List.of(new TicketAction.ChangeState("closed successful", null),
                    new TicketAction.Unlock()));
        } else {
            tickets.apply(agent, ticketId, new TicketAction.ChangeState("open", null));
        }
        if (creator != agent && random.nextInt(4) == 0) {
            tickets.apply(creator, ticketId, new TicketAction.Watch());
        }
        return articles;
    }
}
