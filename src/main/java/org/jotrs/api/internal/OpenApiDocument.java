package org.jotrs.api.internal;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI 3 document of /api/v1 ({@code /api/v1/openapi.json}, UI at {@code /api/v1/docs}),
 * made by springdoc from the controllers: every route, its parameters and JSON shapes, with the
 * bearer token as the one security scheme. The caller (a request attribute the token filter
 * sets) is no parameter a client sends.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiDocument {

    static {
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(ApiCaller.class);
    }

    @Bean
    OpenAPI jotrsOpenApi() {
        return new OpenAPI()
                .info(new Info().title("Jotrs REST API").version("v1")
                        .description("Tickets, articles, lookups, agents and customers, with the permissions of the token's"
                                + " agent. A customer user's token (made in the portal's preferences) reaches only their"
                                + " tickets as the portal shows them: GET and POST /api/v1/tickets, GET /api/v1/tickets/{id},"
                                + " GET and POST /api/v1/tickets/{id}/articles, GET .../articles/{articleId} and its"
                                + " attachments (the Customer* shapes); everything else is 403 for it. Errors are application/problem+json (RFC 9457) with per-field messages under"
                                + " 'errors'. Changes of a ticket need If-Match with its ETag (412 when stale).")
                        .license(new License().name("AGPL-3.0-or-later")))
                .components(new Components().addSecuritySchemes("bearer", new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP).scheme("bearer")
                        .description("A personal API token (an agent's Preferences › API tokens, or a customer user's in the"
                                + " portal's preferences), sent as Authorization: Bearer <token>.")))
                .addSecurityItem(new SecurityRequirement().addList("bearer"));
    }
}
