package io.tokenwarden.usecase;

import io.tokenwarden.security.UserAccounts;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * Who sees which use cases. {@code tokenwarden.access.engineers}: {@code all} (the default) or {@code own-teams}, where
 * an ENGINEER sees only the use cases whose {@code owner_team} is one of theirs (from the provider's teams claim or
 * set by an admin). FINANCE and ADMIN see everything, and so does everyone with {@code all}.
 */
@Component
public class UseCaseScopes {

    private final UseCases useCases;
    private final UserAccounts users;
    private final boolean ownTeams;

    UseCaseScopes(UseCases useCases, UserAccounts users, ScopeProperties properties) {
        this.useCases = useCases;
        this.users = users;
        this.ownTeams = properties.ownTeams();
    }

    public Scope of(Authentication caller) {
        boolean engineerOnly = caller != null
                && caller.getAuthorities().stream()
                        .map(a -> a.getAuthority())
                        .noneMatch(a -> a.equals("ROLE_ADMIN") || a.equals("ROLE_FINANCE"));
        if (!ownTeams || caller == null || !engineerOnly) {
            return Scope.ALL;
        }
        Set<String> teams = Set.copyOf(users.teamsOf(caller.getName()));
        return new Scope(useCases.all().stream()
                .filter(s -> s.ownerTeam() != null && teams.contains(s.ownerTeam()))
                .map(UseCaseSettings::useCase)
                .collect(Collectors.toUnmodifiableSet()));
    }

    /** 404 for a use case the caller does not see: to them it does not exist. */
    public void requireVisible(Authentication caller, String useCase) {
        if (!of(caller).sees(useCase)) {
            throw io.tokenwarden.web.ApiException.notFound("There is no use case " + useCase + ".");
        }
    }
}
