package io.tokenwarden;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan // one properties record per module, beside the code that reads it
public class TokenwardenApplication {

    public static void main(String[] args) {
        SpringApplication.run(TokenwardenApplication.class, args);
    }
}
