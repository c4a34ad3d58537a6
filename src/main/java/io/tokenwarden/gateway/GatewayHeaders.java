package io.tokenwarden.gateway;

import io.tokenwarden.web.Vocabulary;
import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The X-Tokenwarden-* headers of a gateway call (API-next.md, "Gateway"), read before they are taken off the request.
 * They become the event's fields; the values are checked again, as every event is, by ingestion.
 */
final class GatewayHeaders {

    static final String USE_CASE = "X-Tokenwarden-Use-Case";
    static final String TASK_TYPE = "X-Tokenwarden-Task-Type";
    static final String LATENCY_CLASS = "X-Tokenwarden-Latency-Class";
    static final String BUSINESS_UNITS = "X-Tokenwarden-Business-Units";
    static final String TAGS = "X-Tokenwarden-Tags";

    private GatewayHeaders() {}

    static Map<String, String> read(HttpServletRequest request) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (String name : new String[] {USE_CASE, TASK_TYPE, LATENCY_CLASS, BUSINESS_UNITS, TAGS}) {
            String value = request.getHeader(name);
            if (value != null && !value.isBlank()) {
                headers.put(name, value.trim());
            }
        }
        return headers;
    }

    /** Why a Messages call cannot be recorded, or null. Checked before anything goes upstream. */
    static String problem(Map<String, String> headers) {
        String useCase = headers.get(USE_CASE);
        if (useCase == null) {
            return "send the use case in the X-Tokenwarden-Use-Case header.";
        }
        if (useCase.length() > 64 || !Vocabulary.NAME.matcher(useCase).matches()) {
            return "X-Tokenwarden-Use-Case " + Vocabulary.NAME_HINT + ".";
        }
        return null;
    }

    /** {@code team=legal,env=prod}; pairs without '=' are ignored. */
    static Map<String, String> tags(String header) {
        Map<String, String> tags = new LinkedHashMap<>();
        if (header == null) {
            return tags;
        }
        for (String pair : header.split(",")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                tags.put(pair.substring(0, eq).trim(), pair.substring(eq + 1).trim());
            }
        }
        return tags;
    }
}
