package org.jotrs.genericinterface.web;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.jotrs.genericinterface.internal.GiError;
import org.jotrs.genericinterface.internal.TicketConnector;
import org.jotrs.genericinterface.internal.TicketConnector.Route;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.i18n.SimpleTimeZoneAwareLocaleContext;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import jakarta.servlet.http.HttpServletRequest;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * OTRS's REST transport (Kernel::GenericInterface::Transport::HTTP::REST) for the ticket
 * connector: the query string and the JSON body are merged into the operation's data (a key given
 * several times in the query string becomes a list), the route's {@code :TicketID} added, and the
 * answer is the operation's data as JSON. Operation errors are HTTP 200 with OTRS's {@code Error}
 * hash, as in OTRS; a web service Jotrs does not serve or a route it does not know is 404, a body
 * that is not a JSON object 400 and a body over the limit 413, each with the same {@code Error}
 * shape so clients can read them alike.
 */
@RestController
class GenericInterfaceEndpoint {

    private static final Logger log = LoggerFactory.getLogger(GenericInterfaceEndpoint.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String MARK = "/nph-genericinterface.pl/Webservice/";

    private final TicketConnector connector;

    GenericInterfaceEndpoint(TicketConnector connector) {
        this.connector = connector;
    }

    @RequestMapping({"/otrs/nph-genericinterface.pl/Webservice/**", "/znuny/nph-genericinterface.pl/Webservice/**"})
    ResponseEntity<String> handle(HttpServletRequest request) throws IOException {
        // OTRS answers its web services in English, and integrations match on the ErrorMessage
        // texts: the refusals of the facades behind it are English too, whatever the client's
        // Accept-Language or the default language (the DispatcherServlet restores the request's
        // own language context afterwards).
        LocaleContextHolder.setLocaleContext(new SimpleTimeZoneAwareLocaleContext(Locale.ENGLISH,
                LocaleContextHolder.getTimeZone()));
        String uri = request.getRequestURI();
        String rest = uri.substring(uri.indexOf(MARK) + MARK.length());
        int slash = rest.indexOf('/');
        String webService = URLDecoder.decode(slash < 0 ? rest : rest.substring(0, slash), StandardCharsets.UTF_8);
        String path = slash < 0 ? "" : rest.substring(slash);
        if (!connector.serves(webService)) {
            return error(HttpStatus.NOT_FOUND, "Webservice.NotFound",
                    "Could not load web service configuration for web service '" + webService + "'!");
        }
        Optional<Route> route = TicketConnector.route(request.getMethod(), path);
        if (route.isEmpty()) {
            return error(HttpStatus.NOT_FOUND, "Webservice.InvalidRoute",
                    "HTTP::REST Error while determine Operation for request URI '" + path + "'.");
        }
        String operation = route.get().operation();
        Map<String, Object> data = new LinkedHashMap<>();
        request.getParameterMap().forEach((key, values) -> data.put(key, values.length == 1 ? values[0] : List.of(values)));
        byte[] body = readBody(request, connector.maxRequestSize());
        if (body == null) {
            return error(HttpStatus.PAYLOAD_TOO_LARGE, operation + ".InvalidParameter",
                    operation + ": The request is larger than " + connector.maxRequestSize() + " bytes.");
        }
        if (body.length > 0 && !new String(body, StandardCharsets.UTF_8).isBlank()) {
            Object decoded;
            try {
                decoded = JSON.readValue(body, Object.class);
            } catch (JacksonException e) {
                return error(HttpStatus.BAD_REQUEST, operation + ".InvalidParameter",
                        operation + ": The request body is not valid JSON (" + e.getOriginalMessage() + ").");
            }
            if (!(decoded instanceof Map<?, ?> map)) {
                return error(HttpStatus.BAD_REQUEST, operation + ".InvalidParameter",
                        operation + ": The request body must be a JSON object.");
            }
            map.forEach((key, value) -> data.put(String.valueOf(key), value));
        }
        try {
            return ok(connector.run(route.get(), data, request.getRemoteAddr()));
        } catch (GiError e) {
            log.info("GenericInterface refused operation={} code={}", operation, e.code());
            return ok(Map.of("Error", errorBody(e.code(), e.getMessage())));
        }
    }

    /** The body, or null when it is longer than the limit (read up to one byte past it, never more). */
    private static byte[] readBody(HttpServletRequest request, long limit) throws IOException {
        if (request.getContentLengthLong() > limit) {
            return null;
        }
        try (InputStream in = request.getInputStream()) {
            byte[] body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
            return body.length > limit ? null : body;
        }
    }

    private static ResponseEntity<String> ok(Object answer) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(JSON.writeValueAsString(answer));
    }

    private static ResponseEntity<String> error(HttpStatus status, String code, String message) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON)
                .body(JSON.writeValueAsString(Map.of("Error", errorBody(code, message))));
    }

    private static Map<String, String> errorBody(String code, String message) {
        Map<String, String> error = new LinkedHashMap<>();
        error.put("ErrorCode", code);
        error.put("ErrorMessage", message);
        return error;
    }
}
