package org.jotrs.api.internal;

import static org.jotrs.platform.Messages.t;

import java.io.IOException;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.jotrs.api.ApiScope;
import org.jotrs.platform.ErrorReplies;
import org.jotrs.platform.ErrorReplies.Reply;
import org.jotrs.platform.RequestTooLarge;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The door of {@code /api/v1}, in the API's security chain: the body size limit (413), the bearer
 * token (401), the token's scope (403 for a read-only token's change), a customer user's token on
 * a route that is not theirs (403, {@link #CUSTOMER_ROUTES}) and the rate limit (429 with
 * {@code Retry-After}), each answered as problem+json before any controller runs. The OpenAPI
 * document and its UI are open. Tokens are never logged.
 */
class ApiAuthentication extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(ApiAuthentication.class);

    private final BearerTokens tokens;
    private final ApiRateLimits limits;
    private final ErrorReplies replies;
    private final long maxBody;

    ApiAuthentication(BearerTokens tokens, ApiRateLimits limits, ErrorReplies replies, ApiProperties properties) {
        this.tokens = tokens;
        this.limits = limits;
        this.replies = replies;
        this.maxBody = properties.maxRequestSize().toBytes();
    }

    /** What a customer user's token may do, the portal's ticket use cases; everything else is 403. */
    static final String CUSTOMER_ROUTES = "A customer user's API token reaches only their tickets, as the portal shows them:"
            + " GET and POST /api/v1/tickets, GET /api/v1/tickets/{id}, GET and POST /api/v1/tickets/{id}/articles,"
            + " GET /api/v1/tickets/{id}/articles/{articleId} and its attachments.";

    private static final Pattern CUSTOMER_READS = Pattern.compile(
            "/api/v1/tickets(/[^/]+(/articles(/[^/]+(/attachments/[^/]+)?)?)?)?/?");
    private static final Pattern CUSTOMER_WRITES = Pattern.compile("/api/v1/tickets(/[^/]+/articles)?/?");

    /** Whether a customer user's token may send this request. */
    static boolean customerRoute(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return switch (request.getMethod()) {
            case "GET", "HEAD" -> CUSTOMER_READS.matcher(path).matches();
            case "POST" -> CUSTOMER_WRITES.matcher(path).matches();
            default -> false;
        };
    }

    /** The OpenAPI document and the browsable UI need no token. */
    static boolean open(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.equals("/api/v1/openapi.json") || path.startsWith("/api/v1/openapi.json/")
                || path.equals("/api/v1/docs") || path.startsWith("/api/v1/swagger-ui/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (open(request)) {
            chain.doFilter(request, response);
            return;
        }
        if (request.getContentLengthLong() > maxBody) {
            refuse(request, response, Reply.of(HttpStatus.CONTENT_TOO_LARGE, new RequestTooLarge(maxBody).getMessage()));
            return;
        }
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"jotrs\"");
            refuse(request, response, Reply.of(HttpStatus.UNAUTHORIZED, authorization == null
                    ? t("api.error.no-token") : t("api.error.not-bearer")));
            return;
        }
        ApiCaller caller;
        switch (tokens.check(authorization.substring(7).strip())) {
            case BearerTokens.Refused refused -> {
                response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"jotrs\", error=\"invalid_token\"");
                refuse(request, response, Reply.of(HttpStatus.UNAUTHORIZED, refused.reason()));
                return;
            }
            case BearerTokens.Accepted accepted -> caller = accepted.caller();
        }
        if (caller.scope() == ApiScope.READ && !("GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod()))) {
            refuse(request, response, Reply.of(HttpStatus.FORBIDDEN,
                    t("api.error.read-only")));
            return;
        }
        if (caller.customer() && !customerRoute(request)) {
            refuse(request, response, Reply.of(HttpStatus.FORBIDDEN, CUSTOMER_ROUTES));
            return;
        }
        long wait = limits.secondsToWait(caller.tokenId());
        if (wait > 0) {
            response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(wait));
            refuse(request, response, Reply.of(HttpStatus.TOO_MANY_REQUESTS,
                    t("api.error.rate-limited", String.valueOf(wait))));
            return;
        }
        request.setAttribute(ApiCaller.ATTRIBUTE, caller);
        chain.doFilter(request.getContentLengthLong() < 0 ? new LimitedBody(request, maxBody) : request, response);
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, Reply reply) throws IOException {
        log.info("API request refused status={} method={} uri={} reason={}", reply.status(), request.getMethod(),
                request.getRequestURI(), reply.detail());
        replies.write(request, response, reply);
    }

    /** A body without a length (chunked), read only up to the limit: past it, {@link RequestTooLarge}. */
    private static final class LimitedBody extends HttpServletRequestWrapper {

        private final long max;
        private ServletInputStream limited;

        LimitedBody(HttpServletRequest request, long max) {
            super(request);
            this.max = max;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (limited == null) {
                ServletInputStream in = super.getInputStream();
                limited = new ServletInputStream() {
                    private long read;

                    @Override
                    public int read() throws IOException {
                        int b = in.read();
                        if (b >= 0) {
                            count(1);
                        }
                        return b;
                    }

                    @Override
                    public int read(byte[] buffer, int offset, int length) throws IOException {
                        int n = in.read(buffer, offset, length);
                        if (n > 0) {
                            count(n);
                        }
                        return n;
                    }

                    private void count(int n) throws RequestTooLarge {
                        read += n;
                        if (read > max) {
                            throw new RequestTooLarge(max);
                        }
                    }

                    @Override
                    public boolean isFinished() {
                        return in.isFinished();
                    }

                    @Override
                    public boolean isReady() {
                        return in.isReady();
                    }

                    @Override
                    public void setReadListener(ReadListener listener) {
                        in.setReadListener(listener);
                    }
                };
            }
            return limited;
        }
    }
}
