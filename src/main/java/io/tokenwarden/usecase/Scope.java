package io.tokenwarden.usecase;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * The use cases a caller may see: all of them ({@link #ALL}), or a set (an engineer's own teams' use cases when
 * {@code tokenwarden.access.engineers=own-teams}). Others are simply absent from what the caller is shown.
 */
public record Scope(Set<String> useCases) {

    public static final Scope ALL = new Scope(null);

    public boolean all() {
        return useCases == null;
    }

    public boolean sees(String useCase) {
        return useCases == null || useCases.contains(useCase);
    }

    /** The visible use cases as an SQL array parameter; null for all. */
    public String[] sqlArray() {
        return useCases == null ? null : useCases.stream().sorted().toArray(String[]::new);
    }

    public <T> List<T> filter(Collection<T> rows, Function<T, String> useCase) {
        return rows.stream().filter(row -> sees(useCase.apply(row))).toList();
    }
}
