package io.tokenwarden.gateway;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationPredicate;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.server.observation.ServerRequestObservationContext;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(GatewayProperties.class)
class GatewayConfiguration {

    /** The gateway as its own servlet on /anthropic/*, beside MVC's dispatcher (Spring Security's filters still apply). */
    @Bean
    ServletRegistrationBean<GatewayServlet> gatewayServlet(
            Upstream upstream, GatewayRecorder recorder, GatewayPolicy policy, MeterRegistry meters) {
        var registration = new ServletRegistrationBean<>(
                new GatewayServlet(upstream, recorder, policy, new CallCounter(meters)), GatewayServlet.PREFIX + "/*");
        registration.setName("gateway");
        registration.setLoadOnStartup(1);
        return registration;
    }

    /**
     * Gateway calls are counted by {@link CallCounter}, not observed as server requests: dropping the observation
     * (tags, timer, context) together with the security headers cut the gateway's CPU per call by 30% in the
     * benchmark (BENCHMARKS.md).
     */
    @Bean
    ObservationPredicate gatewayCallsNotObserved() {
        return (name, context) -> !(context instanceof ServerRequestObservationContext server
                && server.getCarrier().getRequestURI().startsWith(GatewayServlet.PREFIX + "/"));
    }
}
