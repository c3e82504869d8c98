package org.jotrs.testing;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** A browser-like HTTP client for one agent: keeps cookies, does not follow redirects. */
public final class AgentHttp {

    private static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final String baseUrl;
    private final CookieManager cookies;
    private final HttpClient client;

    AgentHttp(String baseUrl, CookieManager cookies) {
        this.baseUrl = baseUrl;
        this.cookies = cookies;
        this.client = HttpClient.newBuilder()
                .cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    public HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).GET().build());
    }

    /** A GET with a browser's language choice, e.g. {@code "de-CH,de;q=0.9,en;q=0.5"}. */
    public HttpResponse<String> get(String path, String acceptLanguage) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).header("Accept-Language", acceptLanguage).GET().build());
    }

    public HttpResponse<String> postForm(String path, Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build());
    }

    /** Posts a form with the CSRF token of the page at {@code formPage}. */
    public HttpResponse<String> submit(String formPage, String action, Map<String, String> fields) {
        Map<String, String> form = new LinkedHashMap<>(fields);
        form.put("_csrf", csrfToken(get(formPage).body()));
        return postForm(action, form);
    }

    /** Like {@link #submit}, for forms that repeat a field (checkbox lists). */
    public HttpResponse<String> submitAll(String formPage, String action, java.util.List<Map.Entry<String, String>> fields) {
        java.util.List<Map.Entry<String, String>> all = new java.util.ArrayList<>(fields);
        all.add(Map.entry("_csrf", csrfToken(get(formPage).body())));
        String body = all.stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(URI.create(baseUrl + action))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build());
    }

    /** Signs in through the form; returns the response to the form's POST (a redirect). */
    public HttpResponse<String> signIn(String login, String password) {
        return submit("/login", "/login", Map.of("username", login, "password", password));
    }

    /** A file for {@link #postMultipart}. */
    public record FilePart(String field, String filename, String contentType, byte[] content) {
    }

    /** Posts a multipart form (as a form with {@code enctype="multipart/form-data"} does), with the page's CSRF token. */
    public HttpResponse<String> submitMultipart(String formPage, String action, Map<String, String> fields,
            java.util.List<FilePart> files) {
        Map<String, String> form = new LinkedHashMap<>(fields);
        form.put("_csrf", csrfToken(get(formPage).body()));
        return postMultipart(action, form, files);
    }

    public HttpResponse<String> postMultipart(String path, Map<String, String> fields, java.util.List<FilePart> files) {
        String boundary = "----jotrs" + java.util.UUID.randomUUID().toString().replace("-", "");
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        for (Map.Entry<String, String> field : fields.entrySet()) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field.getKey() + "\"\r\n\r\n"
                    + field.getValue() + "\r\n").getBytes(StandardCharsets.UTF_8));
        }
        for (FilePart file : files) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + file.field()
                    + "\"; filename=\"" + file.filename().replace("\"", "%22") + "\"\r\nContent-Type: " + file.contentType()
                    + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            body.writeBytes(file.content());
            body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                .build());
    }

    /** A GET whose body is kept as bytes (downloads). */
    public HttpResponse<byte[]> getBytes(String path) {
        try {
            return client.send(HttpRequest.newBuilder(URI.create(baseUrl + path)).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Opens a long-lived GET (server-sent events); the lines arrive as the server writes them. */
    public HttpResponse<java.util.stream.Stream<String>> stream(String path) {
        try {
            return client.send(HttpRequest.newBuilder(URI.create(baseUrl + path)).header("Accept", "text/event-stream").GET().build(),
                    HttpResponse.BodyHandlers.ofLines());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public CookieManager cookies() {
        return cookies;
    }

    public static String csrfToken(String html) {
        Matcher matcher = CSRF_FIELD.matcher(html);
        if (!matcher.find()) {
            throw new AssertionError("no CSRF field in page: " + html);
        }
        return matcher.group(1);
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
