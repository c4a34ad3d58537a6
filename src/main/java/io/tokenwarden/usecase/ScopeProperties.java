package io.tokenwarden.usecase;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code tokenwarden.access.engineers}: {@code all} (the default) or {@code own-teams}; see {@link UseCaseScopes}. */
@ConfigurationProperties("tokenwarden.access")
record ScopeProperties(String engineers) {

    ScopeProperties {
        engineers = engineers == null || engineers.isBlank() ? "all" : engineers;
        if (!engineers.equals("all") && !engineers.equals("own-teams")) {
            throw new IllegalStateException("tokenwarden.access.engineers must be all or own-teams, not " + engineers);
        }
    }

    boolean ownTeams() {
        return engineers.equals("own-teams");
    }
}
