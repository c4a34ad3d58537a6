package io.tokenwarden.pricing;

import io.tokenwarden.web.WireNames;

/** What a part of a cost was paid for; web searches are counted in requests, the rest in tokens. */
public enum TokenType {
    INPUT,
    CACHE_WRITE_5M,
    CACHE_WRITE_1H,
    CACHE_READ,
    OUTPUT,
    WEB_SEARCH;

    public String wireName() {
        return WireNames.of(this);
    }

    public long quantity(TokenUsage usage) {
        return switch (this) {
            case INPUT -> usage.input();
            case CACHE_WRITE_5M -> usage.cacheWrite5m();
            case CACHE_WRITE_1H -> usage.cacheWrite1h();
            case CACHE_READ -> usage.cacheRead();
            case OUTPUT -> usage.output();
            case WEB_SEARCH -> usage.webSearchRequests();
        };
    }
}
