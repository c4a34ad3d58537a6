package io.tokenwarden;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class TokenwardenApplication {

    public static void main(String[] args) {
        SpringApplication.run(TokenwardenApplication.class, args);
    }
}
