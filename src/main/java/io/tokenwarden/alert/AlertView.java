package io.tokenwarden.alert;

import java.time.Instant;

/** An alert on the wire (API-next.md, "Alerts"); money as exact decimal strings. */
public record AlertView(
        long id,
        String kind,
        String useCase,
        String status,
        Instant openedAt,
        Instant resolvedAt,
        String amountUsd,
        String thresholdUsd,
        String summary) {}
