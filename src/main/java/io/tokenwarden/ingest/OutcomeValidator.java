package io.tokenwarden.ingest;

import io.tokenwarden.web.FieldError;
import io.tokenwarden.web.JsonFields;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

@Component
class OutcomeValidator {

    private static final BigDecimal MAX_UNITS = new BigDecimal("1000000000000");

    private final Clock clock;

    OutcomeValidator(Clock clock) {
        this.clock = clock;
    }

    Checked<OutcomeInput> validate(JsonNode node) {
        List<FieldError> errors = new ArrayList<>();
        Optional<JsonFields> read = JsonFields.object(node, "", errors);
        if (read.isEmpty()) {
            return Checked.invalid(null, errors);
        }
        JsonFields outcome = read.get();
        String id = IngestRules.readableId(outcome, "outcome_id");
        Instant occurredAt = IngestRules.occurredAt(outcome, clock);
        String useCase = outcome.requiredString("use_case", 64, IngestRules.USE_CASE, IngestRules.USE_CASE_HINT);
        BigDecimal units = outcome.requiredDecimal("units", BigDecimal.ZERO, MAX_UNITS);
        if (!errors.isEmpty()) {
            return Checked.invalid(id, errors);
        }
        return Checked.valid(new OutcomeInput(id, occurredAt, useCase, units), id);
    }
}
