package io.tokenwarden.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/** The whole app on a random port against real PostgreSQL; every test class shares one context. */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "tokenwarden.embedded.ephemeral=true",
            "tokenwarden.demo.enabled=false",
            "tokenwarden.admin-password=" + Api.ADMIN_PASSWORD,
            // Alert deliveries retried within the test's patience; e-mail to the GreenMail server of AlertDeliveryTest.
            "tokenwarden.alerts.delivery-interval=200ms",
            "tokenwarden.alerts.retry-base=300ms",
            "spring.mail.host=localhost",
            "spring.mail.port=3025"
        })
@Import({PostgresTestConfiguration.class, Api.class})
public @interface IntegrationTest {}
