package io.tokenwarden.gateway;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The id of the last answer per conversation, and per use case and model, for the diagnostics field: Anthropic
 * compares a request with the one it names. Bounded; in memory, so a restart or another instance only means one
 * request goes with {@code previous_message_id: null}.
 */
final class PreviousMessages {

    private final Map<String, String> last;

    PreviousMessages(int capacity) {
        this.last = new LinkedHashMap<>(1024, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
                return size() > capacity;
            }
        };
    }

    /** The previous answer of the same conversation, else of the same use case and model; null when none is known. */
    synchronized String before(String conversationId, String useCase, String model) {
        String byConversation = conversationId == null ? null : last.get("c:" + conversationId);
        return byConversation != null ? byConversation : last.get("m:" + useCase + "|" + model);
    }

    synchronized void remember(String conversationId, String useCase, String model, String messageId) {
        if (conversationId != null) {
            last.put("c:" + conversationId, messageId);
        }
        last.put("m:" + useCase + "|" + model, messageId);
    }
}
