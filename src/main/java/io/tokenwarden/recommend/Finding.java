package io.tokenwarden.recommend;

import java.math.BigDecimal;
import java.util.Map;

/** What a detector concluded for one use case: an estimate with the evidence to redo it. */
record Finding(
        Kind kind,
        String title,
        String confidence,
        BigDecimal monthlySavings,
        Map<String, Object> evidence,
        Map<String, Object> assumptions,
        String howTo) {}
