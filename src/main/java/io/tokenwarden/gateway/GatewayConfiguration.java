package io.tokenwarden.gateway;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(GatewayProperties.class)
class GatewayConfiguration {

    /** The gateway as its own servlet on /anthropic/*, beside MVC's dispatcher (Spring Security's filters still apply). */
    @Bean
    ServletRegistrationBean<GatewayServlet> gatewayServlet(
            Upstream upstream, GatewayRecorder recorder, GatewayPolicy policy) {
        var registration = new ServletRegistrationBean<>(
                new GatewayServlet(upstream, recorder, policy), GatewayServlet.PREFIX + "/*");
        registration.setName("gateway");
        registration.setLoadOnStartup(1);
        return registration;
    }
}
