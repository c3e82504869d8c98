package org.jotrs.observer.internal;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Locale;
import java.util.Optional;

import org.jotrs.observer.ExportTargets;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Linear's GraphQL API: {@code issueCreate} with a client-chosen id (a UUID), which
 * {@code issue(id:)} finds again; {@code attachmentCreate} links the issue back to Jotrs (Linear
 * updates an attachment of the same URL instead of adding a second one, so it is repeatable).
 * The API key goes in the {@code Authorization} header as it is. Rate limiting comes as HTTP 429
 * or as an error with the code {@code RATELIMITED}.
 */
final class Linear implements IssueTracker {

    private static final JsonMapper JSON = EventBatch.JSON;

    static final String FIND = "query Issue($id: String!) { issue(id: $id) { id identifier url } }";
    static final String CREATE = "mutation IssueCreate($input: IssueCreateInput!) "
            + "{ issueCreate(input: $input) { success issue { id identifier url } } }";
    static final String ATTACH = "mutation AttachmentCreate($input: AttachmentCreateInput!) "
            + "{ attachmentCreate(input: $input) { success attachment { id } } }";

    private final TrackerHttp http;
    private final String apiUrl;

    Linear(TrackerHttp http, String apiUrl) {
        this.http = http;
        this.apiUrl = apiUrl;
    }

    @Override
    public Optional<Issue> find(ExportTargets.Target target, String secret, String clientRef) throws CallFailed {
        ObjectNode variables = JSON.createObjectNode().put("id", clientRef);
        JsonNode answer = call(FIND, variables, secret, true);
        JsonNode issue = answer.path("data").path("issue");
        return issue.hasNonNull("id") ? Optional.of(issue(issue)) : Optional.empty();
    }

    @Override
    public Issue create(ExportTargets.Target target, String secret, String clientRef, Filing filing) throws CallFailed {
        ObjectNode input = JSON.createObjectNode()
                .put("id", clientRef)
                .put("teamId", target.project())
                .put("title", filing.title())
                .put("description", filing.description().strip() + "\n\n[The incident in Jotrs](" + filing.incidentUrl() + ")"
                        + (filing.ticketUrl() == null ? "" : " · [its ticket](" + filing.ticketUrl() + ")") + "\n");
        ObjectNode variables = JSON.createObjectNode();
        variables.set("input", input);
        JsonNode created = call(CREATE, variables, secret, false).path("data").path("issueCreate");
        if (!created.path("success").asBoolean(false) || !created.path("issue").hasNonNull("id")) {
            throw new CallFailed("Linear did not create the issue (success: false)", 0);
        }
        return issue(created.path("issue"));
    }

    @Override
    public void link(ExportTargets.Target target, String secret, Issue issue, Filing filing) throws CallFailed {
        ObjectNode input = JSON.createObjectNode()
                .put("issueId", issue.id())
                .put("url", filing.incidentUrl())
                .put("title", "Jotrs incident");
        ObjectNode variables = JSON.createObjectNode();
        variables.set("input", input);
        JsonNode attached = call(ATTACH, variables, secret, false).path("data").path("attachmentCreate");
        if (!attached.path("success").asBoolean(false)) {
            throw new CallFailed("Linear did not link the issue back to Jotrs (success: false)", 0);
        }
    }

    /** One GraphQL request; errors become {@link CallFailed}, except "not found" when {@code notFoundIsEmpty}. */
    private JsonNode call(String query, ObjectNode variables, String secret, boolean notFoundIsEmpty) throws CallFailed {
        ObjectNode body = JSON.createObjectNode().put("query", query);
        body.set("variables", variables);
        HttpResponse<String> response = http.send("Linear", HttpRequest.newBuilder(URI.create(apiUrl))
                .header("Authorization", secret)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))), secret);
        JsonNode answer;
        try {
            answer = JSON.readTree(response.body());
        } catch (RuntimeException e) {
            throw new CallFailed("Linear answered HTTP " + response.statusCode() + " with something other than JSON"
                    + TrackerHttp.excerpt(response.body(), secret), 0);
        }
        JsonNode errors = answer.path("errors");
        if (errors.isArray() && !errors.isEmpty()) {
            JsonNode first = errors.get(0);
            String code = first.path("extensions").path("code").asString("");
            String message = first.path("message").asString("");
            if ("RATELIMITED".equals(code)) {
                throw new CallFailed("Linear is rate-limiting (RATELIMITED)", TrackerHttp.retryAfterMs(response));
            }
            if (notFoundIsEmpty && (message.toLowerCase(Locale.ROOT).contains("not found") || "ENTITY_NOT_FOUND".equals(code))) {
                return JSON.createObjectNode();
            }
            throw new CallFailed("Linear answered HTTP " + response.statusCode() + ": "
                    + TrackerHttp.redact(message.length() > 300 ? message.substring(0, 300) + "…" : message, secret)
                    + (code.isEmpty() ? "" : " (" + code + ")"), 0);
        }
        if (response.statusCode() != 200) {
            throw new CallFailed("Linear answered HTTP " + response.statusCode() + TrackerHttp.excerpt(response.body(), secret), 0);
        }
        return answer;
    }

    private static Issue issue(JsonNode issue) {
        String id = issue.path("id").asString();
        return new Issue(id, issue.path("identifier").asString(id), issue.path("url").asString(""));
    }
}
