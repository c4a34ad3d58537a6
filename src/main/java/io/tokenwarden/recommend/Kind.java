package io.tokenwarden.recommend;

/** The recommendation kinds of API.md. */
public enum Kind {
    PROMPT_CACHING, CACHE_BUSTING, MODEL_ROUTING, MODEL_MIGRATION, BATCH_API, CONVERSATION_SUMMARIZATION, DOCUMENT_PREFILTER;

    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    static java.util.Optional<Kind> fromWire(String value) {
        return java.util.Arrays.stream(values()).filter(k -> k.wireName().equals(value)).findFirst();
    }
}
