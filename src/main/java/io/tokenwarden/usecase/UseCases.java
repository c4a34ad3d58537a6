package io.tokenwarden.usecase;

import io.tokenwarden.audit.AuditLog;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** Use-case settings, and the list of use cases, which grows as soon as an event names a new one. */
@Service
public class UseCases {

    private final UseCaseRepository repository;
    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    /** Names known to be stored, so that the ingest path skips the insert for them. */
    private final Set<String> known = ConcurrentHashMap.newKeySet();

    UseCases(UseCaseRepository repository, JdbcClient jdbc, AuditLog audit, ApplicationEventPublisher events) {
        this.repository = repository;
        this.jdbc = jdbc;
        this.audit = audit;
        this.events = events;
    }

    /** Called in the transaction that stores events or outcomes naming these use cases. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void register(Collection<String> names) {
        // Sorted: two transactions inserting the same new names in different orders would deadlock.
        List<String> unknown = names.stream()
                .distinct()
                .filter(name -> !known.contains(name))
                .sorted()
                .toList();
        if (unknown.isEmpty()) {
            return;
        }
        jdbc.sql("INSERT INTO use_case (name) SELECT unnest(?::text[]) ON CONFLICT DO NOTHING")
                .param(unknown.toArray(String[]::new))
                .update();
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                known.addAll(unknown);
            }
        });
    }

    @Transactional(readOnly = true)
    public List<UseCaseSettings> all() {
        return repository.findAll(org.springframework.data.domain.Sort.by("name")).stream()
                .map(UseCaseEntity::settings)
                .toList();
    }

    /** Settings by use case name; names without a row map to unset settings via {@link #of}. */
    @Transactional(readOnly = true)
    public Map<String, UseCaseSettings> byName() {
        return all().stream().collect(Collectors.toMap(UseCaseSettings::useCase, Function.identity()));
    }

    public static UseCaseSettings of(Map<String, UseCaseSettings> byName, String useCase) {
        return byName.getOrDefault(useCase, UseCaseSettings.unset(useCase));
    }

    @Transactional
    public UseCaseSettings put(UseCaseSettings settings, String actor) {
        UseCaseEntity entity =
                repository.findById(settings.useCase()).orElseGet(() -> new UseCaseEntity(settings.useCase()));
        UseCaseSettings before = repository.existsById(settings.useCase()) ? entity.settings() : null;
        entity.apply(settings);
        repository.save(entity);
        audit.record(actor, "use_case.put", settings.useCase(), before, settings);
        events.publishEvent(new UseCaseSettingsChanged(settings.useCase()));
        return settings;
    }
}
