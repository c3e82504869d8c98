package org.jotrs.mail.internal;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import org.jotrs.mail.OAuth2AccessTokens;
import org.springframework.stereotype.Component;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Access tokens for XOAUTH2 (SMTP, IMAP, POP3 at Microsoft 365 and Google), fetched from the
 * account's token endpoint with the refresh-token grant (or client credentials when no refresh
 * token is configured) and reused until a minute before they expire. A refused refresh (expired
 * or revoked grant) is reported with the provider's own error text, never with the secrets.
 */
@Component
class OAuth2Tokens implements OAuth2AccessTokens {

    /** Renew this long before the token's end, so a token never expires in the middle of a session. */
    private static final Duration MARGIN = Duration.ofSeconds(60);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final JsonMapper json = JsonMapper.builder().build();
    private final Clock clock;
    private final Map<Grant, Token> tokens = new ConcurrentHashMap<>();

    OAuth2Tokens(Clock clock) {
        this.clock = clock;
    }

    private record Token(String value, Instant expires) {
    }

    /** A valid access token, fetched now when none is cached or the cached one is about to expire. */
    @Override
    public String accessToken(Grant grant) throws Refused {
        Token cached = tokens.get(grant);
        if (cached != null && clock.instant().isBefore(cached.expires().minus(MARGIN))) {
            return cached.value();
        }
        Token fresh = fetch(grant);
        tokens.put(grant, fresh);
        return fresh.value();
    }

    /** Forgets the cached token, e.g. after the server refused it. */
    @Override
    public void forget(Grant grant) {
        tokens.remove(grant);
    }

    private Token fetch(Grant grant) throws Refused {
        Map<String, String> form = new LinkedHashMap<>();
        boolean refresh = grant.refreshToken() != null && !grant.refreshToken().isBlank();
        form.put("grant_type", refresh ? "refresh_token" : "client_credentials");
        if (refresh) {
            form.put("refresh_token", grant.refreshToken());
        }
        put(form, "client_id", grant.clientId());
        put(form, "client_secret", grant.clientSecret());
        put(form, "scope", grant.scope());
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpResponse<String> response;
        try {
            response = http.send(HttpRequest.newBuilder(URI.create(grant.tokenUrl()))
                    .timeout(Duration.ofSeconds(20))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .header("Accept", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new Refused("OAuth2 token endpoint " + grant.tokenUrl() + " unreachable: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Refused("Interrupted while fetching an OAuth2 token");
        } catch (IllegalArgumentException e) {
            throw new Refused("OAuth2 token URL is not valid: " + grant.tokenUrl());
        }
        JsonNode answer;
        try {
            answer = json.readTree(response.body());
        } catch (RuntimeException e) {
            throw new Refused("OAuth2 token endpoint answered HTTP " + response.statusCode() + " without JSON");
        }
        if (response.statusCode() != 200 || !answer.hasNonNull("access_token")) {
            String error = answer.path("error").asString("");
            String description = answer.path("error_description").asString("");
            throw new Refused("OAuth2 token refused (HTTP " + response.statusCode() + ")"
                    + (error.isEmpty() ? "" : ": " + error) + (description.isEmpty() ? "" : " - " + description));
        }
        long seconds = answer.path("expires_in").asLong(3600);
        return new Token(answer.get("access_token").asString(), clock.instant().plusSeconds(seconds));
    }

    private static void put(Map<String, String> form, String key, String value) {
        if (value != null && !value.isBlank()) {
            form.put(key, value);
        }
    }
}
