package io.tokenwarden;

import java.time.Clock;
import java.time.ZoneId;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Time for every module: the clock (tests set their own) and the reporting zone ({@code tokenwarden.reporting-zone},
 * UTC by default), whose midnight starts each reporting day and month. Read here once; modules take the {@link ZoneId}.
 */
@Configuration(proxyBeanMethods = false)
class ClockConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    ZoneId reportingZone(@Value("${tokenwarden.reporting-zone:UTC}") ZoneId zone) {
        return zone;
    }
}
