package io.tokenwarden.web;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import io.swagger.v3.core.jackson.ModelResolver;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI document at /v3/api-docs (Swagger UI at /swagger-ui.html), open without signing in.
 * swagger-core reads types with its own Jackson 2 mapper, so it is told the API's snake_case too.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    @Bean
    OpenAPI tokenwardenOpenApi() {
        return new OpenAPI()
                .info(new Info()
                        .title("Tokenwarden")
                        .version("v1")
                        .description("Claude API cost governance: ingest usage, report spend, recommend savings. "
                                + "Money is an exact decimal string of US dollars."))
                .components(new Components()
                        .addSecuritySchemes(
                                "appKey",
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.HTTP)
                                        .scheme("bearer")
                                        .description(
                                                "An app key, for POST /api/v1/events, /api/v1/outcomes and /v1/traces"))
                        .addSecuritySchemes(
                                "user",
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.HTTP)
                                        .scheme("basic")
                                        .description("A user (ADMIN, FINANCE or ENGINEER), for everything else")));
    }

    @Bean
    ModelResolver snakeCaseModelResolver() {
        return new ModelResolver(Json.mapper().copy().setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE));
    }
}
