package org.jotrs.genericinterface.internal;

import static org.jotrs.platform.db.schema.Tables.GI_WEBSERVICE_CONFIG;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jooq.DSLContext;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * OTRS's GenericTicketConnectorREST: its routes (from OTRS's shipped
 * {@code development/webservices/GenericTicketConnectorREST.yml}) mapped to the operations, each
 * starting with OTRS's authentication and answering OTRS's data or error shape.
 */
@Component
@EnableConfigurationProperties(GiProperties.class)
public class TicketConnector {

    /** An operation with its route's TicketID, if the route has one. */
    public record Route(String operation, String ticketId) {
    }

    private final GiAuthentication authentication;
    private final GiSessions sessions;
    private final TicketReads reads;
    private final TicketWrites writes;
    private final TicketSearches searches;
    private final GiProperties properties;
    private final DSLContext db;

    TicketConnector(GiAuthentication authentication, GiSessions sessions, TicketReads reads, TicketWrites writes,
            TicketSearches searches, GiProperties properties, DSLContext db) {
        this.authentication = authentication;
        this.sessions = sessions;
        this.reads = reads;
        this.writes = writes;
        this.searches = searches;
        this.properties = properties;
        this.db = db;
    }

    /** The largest request body accepted, in bytes. */
    public long maxRequestSize() {
        return properties.maxRequestSize().toBytes();
    }

    /**
     * Whether Jotrs serves this web service: a valid web service of that name in OTRS's
     * {@code gi_webservice_config}, or one named in {@code jotrs.generic-interface.web-services}.
     */
    public boolean serves(String webService) {
        if (properties.webServices().contains(webService)) {
            return true;
        }
        return db.fetchExists(db.selectOne().from(GI_WEBSERVICE_CONFIG).where(GI_WEBSERVICE_CONFIG.NAME.eq(webService))
                .and(GI_WEBSERVICE_CONFIG.VALID_ID.eq((short) 1)));
    }

    /** The operation a method and route (the path after the web service's name) name, as the shipped YAML maps them. */
    public static Optional<Route> route(String method, String path) {
        String[] parts = path.replaceAll("^/+|/+$", "").split("/");
        if (parts.length == 1 && parts[0].equals("Session") && method.equals("POST")) {
            return Optional.of(new Route("SessionCreate", null));
        }
        if (parts.length == 1 && parts[0].equals("Ticket")) {
            return switch (method) {
                case "POST" -> Optional.of(new Route("TicketCreate", null));
                case "GET" -> Optional.of(new Route("TicketSearch", null));
                default -> Optional.empty();
            };
        }
        if (parts.length == 2 && parts[0].equals("Ticket")) {
            return switch (method) {
                case "GET" -> Optional.of(new Route("TicketGet", parts[1]));
                case "PATCH" -> Optional.of(new Route("TicketUpdate", parts[1]));
                default -> Optional.empty();
            };
        }
        if (parts.length == 2 && parts[0].equals("TicketHistory") && method.equals("GET")) {
            return Optional.of(new Route("TicketHistoryGet", parts[1]));
        }
        return Optional.empty();
    }

    /** Runs the operation; an OTRS error is thrown as {@link GiError}. */
    public Map<String, Object> run(Route route, Map<String, Object> data, String clientAddress) {
        if (route.ticketId() != null) {
            data.put("TicketID", route.ticketId());
        }
        String op = route.operation();
        if (op.equals("SessionCreate")) {
            return sessionCreate(data, clientAddress);
        }
        if (op.equals("TicketCreate") || op.equals("TicketUpdate")) {
            if (GiParams.text(data, "UserLogin") == null && GiParams.text(data, "CustomerUserLogin") == null
                    && GiParams.text(data, "SessionID") == null) {
                throw GiError.missing(op, "UserLogin, CustomerUserLogin or SessionID is required!");
            }
            if ((GiParams.text(data, "UserLogin") != null || GiParams.text(data, "CustomerUserLogin") != null)
                    && GiParams.text(data, "Password") == null && GiParams.text(data, "SessionID") == null) {
                throw GiError.missing(op, "Password or SessionID is required!");
            }
        }
        GiCaller caller = authentication.authenticate(data, clientAddress).orElseThrow(() -> new GiError(op + ".AuthFail",
                op.equals("TicketCreate") || op.equals("TicketUpdate") ? op + ": User could not be authenticated!"
                        : op + ": Authorization failing!"));
        return switch (op) {
            case "TicketCreate" -> writes.create(caller, data);
            case "TicketUpdate" -> writes.update(caller, data);
            case "TicketSearch" -> {
                List<String> ids = searches.search(caller, data);
                yield ids.isEmpty() ? Map.of() : Map.of("TicketID", ids);
            }
            case "TicketGet" -> ticketGet(caller, data);
            case "TicketHistoryGet" -> historyGet(caller, data);
            default -> throw new IllegalStateException(op);
        };
    }

    private Map<String, Object> sessionCreate(Map<String, Object> data, String clientAddress) {
        if (GiParams.text(data, "UserLogin") == null && GiParams.text(data, "CustomerUserLogin") == null) {
            throw GiError.missing("SessionCreate", "UserLogin or CustomerUserLogin parameter is needed!");
        }
        if (GiParams.text(data, "Password") == null) {
            throw GiError.missing("SessionCreate", "Password parameter is needed!");
        }
        GiCaller caller = authentication.byPassword(data, clientAddress)
                .orElseThrow(() -> new GiError("SessionCreate.AuthFail", "SessionCreate: Authorization failing!"));
        return Map.of("SessionID", sessions.create(caller));
    }

    private List<Long> ticketIds(String op, Map<String, Object> data) {
        Object value = data.get("TicketID");
        if (value == null || value instanceof String text && text.isBlank()) {
            throw GiError.missing(op, "TicketID parameter is missing!");
        }
        List<String> texts = new ArrayList<>();
        if (value instanceof List<?> list && !list.isEmpty()) {
            list.forEach(item -> texts.add(String.valueOf(item).strip()));
        } else if (value instanceof String || value instanceof Number) {
            for (String part : String.valueOf(value).split(",")) {
                texts.add(part.strip());
            }
        } else {
            throw new GiError(op + ".WrongStructure", op + ": Structure for TicketID is not correct!");
        }
        List<Long> ids = new ArrayList<>();
        for (String text : texts) {
            ids.add(text.matches("\\d{1,18}") ? Long.parseLong(text) : -1L);
        }
        return ids;
    }

    private Map<String, Object> ticketGet(GiCaller caller, Map<String, Object> data) {
        List<Long> ids = ticketIds("TicketGet", data);
        for (long id : ids) {
            if (!reads.mayRead(caller, id)) {
                throw new GiError("TicketGet.AccessDenied", "TicketGet: User does not have access to the ticket!");
            }
        }
        String limit = GiParams.text(data, "ArticleLimit");
        if (limit != null && GiParams.id(limit) == null) {
            throw GiError.invalid("TicketGet", "ArticleLimit parameter is invalid!");
        }
        String order = GiParams.text(data, "ArticleOrder");
        TicketReads.GetOptions options = new TicketReads.GetOptions(GiParams.flag(data, "DynamicFields"),
                GiParams.flag(data, "AllArticles"), GiParams.list(data, "ArticleSenderType"), "DESC".equals(order),
                limit == null ? 0 : GiParams.id(limit), GiParams.flag(data, "Attachments"),
                data.get("GetAttachmentContents") == null || GiParams.flag(data, "GetAttachmentContents"),
                GiParams.flag(data, "HTMLBodyAsAttachment"));
        List<Map<String, Object>> tickets = new ArrayList<>();
        for (long id : ids) {
            tickets.add(reads.ticket(caller, id, options));
        }
        return Map.of("Ticket", tickets);
    }

    private Map<String, Object> historyGet(GiCaller caller, Map<String, Object> data) {
        List<Long> ids = ticketIds("TicketHistoryGet", data);
        if (caller.customer()) {
            // OTRS's customer interface shows no ticket history; the operation is for agents.
            throw new GiError("TicketHistoryGet.AccessDenied", "TicketHistoryGet: User does not have access to the ticket!");
        }
        List<Map<String, Object>> histories = new ArrayList<>();
        for (long id : ids) {
            if (!reads.mayRead(caller, id)) {
                throw new GiError("TicketHistoryGet.AccessDenied", "TicketHistoryGet: User does not have access to the ticket!");
            }
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("History", reads.history(id));
            entry.put("TicketID", String.valueOf(id));
            histories.add(entry);
        }
        return Map.of("TicketHistory", histories);
    }
}
