package io.tokenwarden.ingest;

import java.math.BigDecimal;
import java.time.Instant;

/** Business units counted apart from single calls (one reviewed contract that took five calls). */
record OutcomeInput(String outcomeId, Instant occurredAt, String useCase, BigDecimal units) {}
