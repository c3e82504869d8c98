package org.jotrs.observer;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Jira Cloud and Linear as far as Jotrs uses them, on a local port, with exactly their request
 * and answer shapes (Jira REST v3 {@code POST /rest/api/3/issue} and {@code GET
 * /rest/api/3/search/jql}; Linear GraphQL {@code issue}, {@code issueCreate},
 * {@code attachmentCreate}), and failures on demand: each operation takes its next behaviour from a
 * plan ({@code 500}, {@code 429}, {@code ratelimited}, {@code hang}, {@code lose}: create, then hang
 * so the answer never arrives), or {@link #always500} for every call.
 */
final class FakeTrackers implements AutoCloseable {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final String JIRA_EMAIL = "bot@acme.example";

    record JiraIssue(String id, String key, JsonNode fields) {
    }

    record LinearIssue(String id, String identifier, JsonNode input) {
    }

    record Call(String operation, long at) {
    }

    final String jiraToken;
    final String linearKey;
    final Map<String, Deque<String>> plans = new java.util.concurrent.ConcurrentHashMap<>();
    final List<JiraIssue> jiraIssues = Collections.synchronizedList(new ArrayList<>());
    final Map<String, LinearIssue> linearIssues = Collections.synchronizedMap(new LinkedHashMap<>());
    final List<JsonNode> attachments = Collections.synchronizedList(new ArrayList<>());
    final List<Call> calls = Collections.synchronizedList(new ArrayList<>());
    volatile boolean always500;
    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();

    FakeTrackers(String jiraToken, String linearKey) throws IOException {
        this.jiraToken = jiraToken;
        this.linearKey = linearKey;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(threads);
        server.createContext("/rest/api/3/", this::jira);
        server.createContext("/graphql", this::linear);
        server.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    void plan(String operation, String... behaviours) {
        plans.computeIfAbsent(operation, k -> new java.util.concurrent.ConcurrentLinkedDeque<>()).addAll(List.of(behaviours));
    }

    long callsOf(String operation) {
        synchronized (calls) {
            return calls.stream().filter(c -> c.operation().equals(operation)).count();
        }
    }

    private String next(String operation) {
        calls.add(new Call(operation, System.currentTimeMillis()));
        if (always500) {
            return "500";
        }
        Deque<String> plan = plans.getOrDefault(operation, new ArrayDeque<>());
        String behaviour = plan.poll();
        return behaviour == null ? "ok" : behaviour;
    }

    private void jira(HttpExchange exchange) throws IOException {
        try (exchange) {
            String expected = "Basic " + Base64.getEncoder().encodeToString((JIRA_EMAIL + ":" + jiraToken).getBytes(StandardCharsets.UTF_8));
            if (!expected.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                send(exchange, 401, "{\"errorMessages\":[\"You are not authenticated.\"],\"errors\":{}}", Map.of());
                return;
            }
            String path = exchange.getRequestURI().getPath();
            if (path.equals("/rest/api/3/issue") && exchange.getRequestMethod().equals("POST")) {
                JsonNode body = JSON.readTree(exchange.getRequestBody().readAllBytes());
                String behaviour = next("jira.create");
                if (failed(exchange, behaviour)) {
                    return;
                }
                JsonNode fields = body.path("fields");
                Map<String, String> errors = new LinkedHashMap<>();
                if (fields.path("project").path("key").asString("").isEmpty()) {
                    errors.put("project", "Specify a valid project ID or key");
                }
                if (fields.path("issuetype").path("name").asString("").isEmpty()) {
                    errors.put("issuetype", "Specify an issue type");
                }
                if (fields.path("summary").asString("").isEmpty()) {
                    errors.put("summary", "You must specify a summary of the issue.");
                }
                if (!"doc".equals(fields.path("description").path("type").asString("")) || fields.path("description").path("version").asInt() != 1) {
                    errors.put("description", "Operation value must be an Atlassian Document.");
                }
                if (!fields.path("labels").isArray()) {
                    errors.put("labels", "Field 'labels' must be an array.");
                }
                if (!errors.isEmpty()) {
                    send(exchange, 400, JSON.writeValueAsString(Map.of("errorMessages", List.of(), "errors", errors)), Map.of());
                    return;
                }
                JiraIssue issue;
                synchronized (jiraIssues) {
                    int n = jiraIssues.size() + 1;
                    issue = new JiraIssue(String.valueOf(10000 + n), fields.path("project").path("key").asString() + "-" + n, fields);
                    jiraIssues.add(issue);
                }
                if ("lose".equals(behaviour)) {
                    // The answer never arrives while the node lives, however long it takes to stop.
                    holdUntilClosed();
                    return;
                }
                send(exchange, 201, "{\"id\":\"" + issue.id() + "\",\"key\":\"" + issue.key() + "\",\"self\":\"" + baseUrl()
                        + "/rest/api/3/issue/" + issue.id() + "\"}", Map.of());
            } else if (path.equals("/rest/api/3/search/jql") && exchange.getRequestMethod().equals("GET")) {
                if (failed(exchange, next("jira.search"))) {
                    return;
                }
                String query = URLDecoder.decode(exchange.getRequestURI().getRawQuery(), StandardCharsets.UTF_8);
                Matcher label = Pattern.compile("jql=labels\\s*=\\s*\"([^\"]+)\"").matcher(query);
                if (!label.find()) {
                    send(exchange, 400, "{\"errorMessages\":[\"Error in the JQL Query.\"],\"errors\":{}}", Map.of());
                    return;
                }
                List<Map<String, Object>> found = new ArrayList<>();
                synchronized (jiraIssues) {
                    for (JiraIssue issue : jiraIssues) {
                        for (JsonNode l : issue.fields().path("labels")) {
                            if (l.asString().equals(label.group(1))) {
                                found.add(Map.of("id", issue.id(), "key", issue.key(), "self", baseUrl() + "/rest/api/3/issue/" + issue.id(),
                                        "fields", Map.of("summary", issue.fields().path("summary").asString())));
                            }
                        }
                    }
                }
                send(exchange, 200, JSON.writeValueAsString(Map.of("issues", found, "isLast", true)), Map.of());
            } else {
                send(exchange, 404, "{\"errorMessages\":[\"Not found\"]}", Map.of());
            }
        }
    }

    private void linear(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!linearKey.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                send(exchange, 400, "{\"errors\":[{\"message\":\"Authentication required, not authenticated\",\"extensions\":{\"code\":\"AUTHENTICATION_ERROR\"}}]}", Map.of());
                return;
            }
            JsonNode body = JSON.readTree(exchange.getRequestBody().readAllBytes());
            String query = body.path("query").asString("");
            JsonNode variables = body.path("variables");
            if (query.contains("issueCreate(")) {
                String behaviour = next("linear.create");
                if (failed(exchange, behaviour)) {
                    return;
                }
                JsonNode input = variables.path("input");
                String id = input.path("id").asString("");
                if (input.path("teamId").asString("").isEmpty() || input.path("title").asString("").isEmpty()) {
                    send(exchange, 400, "{\"errors\":[{\"message\":\"Argument Validation Error\",\"extensions\":{\"code\":\"INVALID_INPUT\"}}],\"data\":null}", Map.of());
                    return;
                }
                LinearIssue issue;
                synchronized (linearIssues) {
                    if (linearIssues.containsKey(id)) {
                        send(exchange, 400, "{\"errors\":[{\"message\":\"Entity with this id already exists\",\"extensions\":{\"code\":\"INVALID_INPUT\"}}],\"data\":null}", Map.of());
                        return;
                    }
                    issue = new LinearIssue(id, "ENG-" + (linearIssues.size() + 1), input);
                    linearIssues.put(id, issue);
                }
                if ("lose".equals(behaviour)) {
                    // The answer never arrives while the node lives, however long it takes to stop.
                    holdUntilClosed();
                    return;
                }
                ObjectNode answer = JSON.createObjectNode();
                ObjectNode created = answer.putObject("data").putObject("issueCreate");
                created.put("success", true);
                created.set("issue", linearIssue(issue));
                send(exchange, 200, JSON.writeValueAsString(answer), Map.of());
            } else if (query.contains("attachmentCreate(")) {
                if (failed(exchange, next("linear.attach"))) {
                    return;
                }
                JsonNode input = variables.path("input");
                synchronized (attachments) {
                    // Linear updates the attachment of the same URL on the same issue instead of adding another.
                    attachments.removeIf(a -> a.path("issueId").equals(input.path("issueId")) && a.path("url").equals(input.path("url")));
                    attachments.add(input);
                }
                send(exchange, 200, "{\"data\":{\"attachmentCreate\":{\"success\":true,\"attachment\":{\"id\":\"att-1\"}}}}", Map.of());
            } else if (query.contains("issue(id:")) {
                if (failed(exchange, next("linear.find"))) {
                    return;
                }
                LinearIssue issue = linearIssues.get(variables.path("id").asString(""));
                if (issue == null) {
                    send(exchange, 200, "{\"errors\":[{\"message\":\"Entity not found: Issue\",\"extensions\":{\"code\":\"INVALID_INPUT\",\"userPresentableMessage\":\"Could not find referenced Issue.\"}}],\"data\":null}", Map.of());
                    return;
                }
                ObjectNode answer = JSON.createObjectNode();
                answer.putObject("data").set("issue", linearIssue(issue));
                send(exchange, 200, JSON.writeValueAsString(answer), Map.of());
            } else {
                send(exchange, 400, "{\"errors\":[{\"message\":\"Unknown operation\",\"extensions\":{\"code\":\"GRAPHQL_VALIDATION_FAILED\"}}]}", Map.of());
            }
        }
    }

    private ObjectNode linearIssue(LinearIssue issue) {
        return JSON.createObjectNode().put("id", issue.id()).put("identifier", issue.identifier())
                .put("url", "https://linear.app/acme/issue/" + issue.identifier().toLowerCase(java.util.Locale.ROOT));
    }

    /** Answers a planned failure; false for "ok" and "lose" (which create first). */
    private boolean failed(HttpExchange exchange, String behaviour) throws IOException {
        switch (behaviour) {
            case "500" -> send(exchange, 500, "{\"errorMessages\":[\"Internal server error\"]}", Map.of());
            case "429" -> send(exchange, 429, "{\"errorMessages\":[\"Rate limit exceeded.\"]}", Map.of("Retry-After", "1"));
            case "ratelimited" -> send(exchange, 400, "{\"errors\":[{\"message\":\"Rate limit exceeded\",\"extensions\":{\"code\":\"RATELIMITED\"}}]}",
                    Map.of("X-RateLimit-Requests-Reset", String.valueOf(System.currentTimeMillis() + 1000)));
            case "hang" -> hang();
            default -> {
                return false;
            }
        }
        return true;
    }

    private static void hang() {
        try {
            Thread.sleep(4000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Until {@link #close()} interrupts it (or a minute, should a test forget to close). */
    private static void holdUntilClosed() {
        try {
            Thread.sleep(60_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void send(HttpExchange exchange, int status, String body, Map<String, String> headers) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        headers.forEach(exchange.getResponseHeaders()::set);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
