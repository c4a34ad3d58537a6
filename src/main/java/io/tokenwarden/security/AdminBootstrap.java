package io.tokenwarden.security;

import java.security.SecureRandom;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * First start with no users: an {@code admin} with TOKENWARDEN_ADMIN_PASSWORD, or a generated password printed once.
 * Runs first (before the catalog file and the demo workload), so a newcomer can sign in while the demo loads.
 */
@Component
@org.springframework.core.annotation.Order(-10)
class AdminBootstrap implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);

    private final UserAccounts users;
    private final String configuredPassword;

    AdminBootstrap(UserAccounts users, AccessProperties properties) {
        this.users = users;
        this.configuredPassword = properties.adminPassword();
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!users.none()) {
            return;
        }
        boolean generated = configuredPassword == null || configuredPassword.isBlank();
        String password = generated ? generatePassword() : configuredPassword;
        users.create("admin", password, Role.ADMIN, "system");
        if (generated) {
            // Printed once, on purpose: there is no other way to learn it. Set TOKENWARDEN_ADMIN_PASSWORD to avoid it.
            log.warn("Created user 'admin' with generated password: {}", password);
        } else {
            log.info("Created user 'admin' with the password from TOKENWARDEN_ADMIN_PASSWORD");
        }
    }

    private static String generatePassword() {
        byte[] random = new byte[18];
        new SecureRandom().nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }
}
