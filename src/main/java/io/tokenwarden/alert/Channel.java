package io.tokenwarden.alert;

import java.util.List;

/**
 * Where alerts go: a {@code webhook} (signed JSON), a {@code slack} incoming webhook, or an {@code email} address.
 * {@code useCases} and {@code teams}, when set, limit the channel to those use cases or owner teams.
 */
record Channel(String name, String kind, String target, String secret, List<String> useCases, List<String> teams) {

    boolean covers(String useCase, String ownerTeam) {
        boolean byUseCase = useCases == null || useCases.contains(useCase);
        boolean byTeam = teams == null || (ownerTeam != null && teams.contains(ownerTeam));
        return byUseCase && byTeam;
    }
}
