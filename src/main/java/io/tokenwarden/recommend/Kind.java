package io.tokenwarden.recommend;

import io.tokenwarden.web.WireNames;

/** The recommendation kinds of API.md. */
public enum Kind {
    PROMPT_CACHING,
    CACHE_BUSTING,
    MODEL_ROUTING,
    MODEL_MIGRATION,
    BATCH_API,
    CONVERSATION_SUMMARIZATION,
    DOCUMENT_PREFILTER;

    public String wireName() {
        return WireNames.of(this);
    }

    static java.util.Optional<Kind> fromWire(String value) {
        return WireNames.parse(Kind.class, value);
    }
}
