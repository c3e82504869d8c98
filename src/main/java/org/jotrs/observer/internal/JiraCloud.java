package org.jotrs.observer.internal;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

import org.jotrs.observer.ExportTargets;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Jira Cloud's REST API v3: {@code POST /rest/api/3/issue} with the description in Atlassian
 * Document Format and the export's client reference as a label, which
 * {@code GET /rest/api/3/search/jql?jql=labels="…"} finds again. Basic authentication with the
 * account's email and API token.
 */
final class JiraCloud implements IssueTracker {

    private static final JsonMapper JSON = EventBatch.JSON;
    private final TrackerHttp http;

    JiraCloud(TrackerHttp http) {
        this.http = http;
    }

    @Override
    public Optional<Issue> find(ExportTargets.Target target, String secret, String clientRef) throws CallFailed {
        String jql = "labels = \"" + clientRef + "\"";
        HttpResponse<String> response = http.send("Jira", request(target, secret,
                "/rest/api/3/search/jql?jql=" + URLEncoder.encode(jql, StandardCharsets.UTF_8) + "&fields=summary").GET(), secret);
        JsonNode body = expect(response, 200, secret);
        for (JsonNode issue : body.path("issues")) {
            if (issue.hasNonNull("key")) {
                return Optional.of(issue(target, issue));
            }
        }
        return Optional.empty();
    }

    @Override
    public Issue create(ExportTargets.Target target, String secret, String clientRef, Filing filing) throws CallFailed {
        ObjectNode fields = JSON.createObjectNode();
        fields.putObject("project").put("key", target.project());
        fields.putObject("issuetype").put("name", target.issueType());
        fields.put("summary", filing.title().length() > 250 ? filing.title().substring(0, 249) + "…" : filing.title());
        fields.set("description", document(filing));
        fields.putArray("labels").add(clientRef);
        ObjectNode body = JSON.createObjectNode();
        body.set("fields", fields);
        HttpResponse<String> response = http.send("Jira", request(target, secret, "/rest/api/3/issue")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))), secret);
        return issue(target, expect(response, 201, secret));
    }

    /** The description carries the link back; nothing else to do. */
    @Override
    public void link(ExportTargets.Target target, String secret, Issue issue, Filing filing) {
    }

    /** The story as paragraphs, then the links to the incident and its ticket. */
    static ObjectNode document(Filing filing) {
        ObjectNode doc = JSON.createObjectNode();
        doc.put("type", "doc");
        doc.put("version", 1);
        ArrayNode content = doc.putArray("content");
        for (String paragraph : filing.description().strip().split("\n\\s*\n")) {
            ArrayNode texts = paragraph(content);
            String[] lines = paragraph.split("\n");
            for (int i = 0; i < lines.length; i++) {
                if (i > 0) {
                    texts.addObject().put("type", "hardBreak");
                }
                if (!lines[i].isEmpty()) {
                    texts.addObject().put("type", "text").put("text", lines[i]);
                }
            }
        }
        ArrayNode links = paragraph(content);
        link(links, "The incident in Jotrs", filing.incidentUrl());
        if (filing.ticketUrl() != null) {
            links.addObject().put("type", "text").put("text", " · ");
            link(links, "its ticket", filing.ticketUrl());
        }
        return doc;
    }

    private static ArrayNode paragraph(ArrayNode content) {
        ObjectNode paragraph = content.addObject();
        paragraph.put("type", "paragraph");
        return paragraph.putArray("content");
    }

    private static void link(ArrayNode texts, String text, String url) {
        ObjectNode node = texts.addObject().put("type", "text").put("text", text);
        node.putArray("marks").addObject().put("type", "link").putObject("attrs").put("href", url);
    }

    private static HttpRequest.Builder request(ExportTargets.Target target, String secret, String path) {
        String base = target.baseUrl().replaceAll("/+$", "");
        String basic = Base64.getEncoder().encodeToString((target.userEmail() + ":" + secret).getBytes(StandardCharsets.UTF_8));
        return HttpRequest.newBuilder(URI.create(base + path))
                .header("Authorization", "Basic " + basic)
                .header("Accept", "application/json");
    }

    private static JsonNode expect(HttpResponse<String> response, int status, String secret) throws CallFailed {
        if (response.statusCode() != status) {
            throw new CallFailed("Jira answered HTTP " + response.statusCode() + TrackerHttp.excerpt(response.body(), secret), 0);
        }
        try {
            return JSON.readTree(response.body());
        } catch (RuntimeException e) {
            throw new CallFailed("Jira answered HTTP " + status + " with something other than JSON"
                    + TrackerHttp.excerpt(response.body(), secret), 0);
        }
    }

    private static Issue issue(ExportTargets.Target target, JsonNode issue) throws CallFailed {
        String key = issue.path("key").asString("");
        if (key.isEmpty()) {
            throw new CallFailed("Jira's answer names no issue key", 0);
        }
        return new Issue(issue.path("id").asString(key), key, target.baseUrl().replaceAll("/+$", "") + "/browse/" + key);
    }
}
