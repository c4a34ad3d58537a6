package io.tokenwarden.gateway;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * What the gateway learns from a Messages request without keeping any of its text: a canonical hash of the stable
 * prefix (tools + system + the messages up to the last cache_control breakpoint; tools + system when there is none)
 * and its share of the request's characters; the conversation (a hash of system + the first user message) and its
 * turn; and a second hash of the system prompt with digits, dates, UUIDs and e-mail addresses masked, with the
 * character offsets of what was masked, so that values interpolated into a prompt show without the prompt.
 */
record Evidence(
        String prefixHash,
        long prefixChars,
        long requestChars,
        String conversationId,
        int turn,
        String systemHash,
        String systemMaskedHash,
        List<Integer> maskedOffsets) {

    static final Evidence NONE = new Evidence(null, 0, 0, null, 0, null, null, List.of());

    private static final Pattern VOLATILE =
            Pattern.compile(
                    "[\\w.+-]+@[\\w-]+(\\.[\\w-]+)+" // e-mail addresses
                            + "|[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}" // UUIDs
                            + "|\\d{4}-\\d{2}-\\d{2}([T ]\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?(Z|[+-]\\d{2}:?\\d{2})?)?" // dates, times
                            + "|\\d+([.,:/]\\d+)*"); // other numbers

    static Evidence of(JsonNode request) {
        if (request == null || !request.isObject()) {
            return NONE;
        }
        JsonNode tools = request.get("tools");
        JsonNode system = request.get("system");
        JsonNode messages = request.path("messages");
        int breakpoint = lastBreakpoint(messages);
        String whole = Canonical.of(prefix(tools, system, messages, messages.size() - 1));
        String prefix = Canonical.of(prefix(tools, system, messages, breakpoint));
        boolean anyPrefix = tools != null || system != null || breakpoint >= 0;
        String systemText = systemText(system);
        Masked masked = mask(systemText);
        return new Evidence(
                anyPrefix ? "sha256:" + sha256(prefix) : null,
                anyPrefix ? prefix.length() : 0,
                whole.length(),
                conversationId(request),
                userTurns(messages),
                systemText.isEmpty() ? null : sha256(systemText).substring(0, 16),
                systemText.isEmpty() ? null : sha256(masked.text()).substring(0, 16),
                masked.offsets());
    }

    private static Map<String, JsonNode> prefix(JsonNode tools, JsonNode system, JsonNode messages, int lastMessage) {
        Map<String, JsonNode> parts = new TreeMap<>();
        if (tools != null) {
            parts.put("tools", tools);
        }
        if (system != null) {
            parts.put("system", system);
        }
        if (lastMessage >= 0) {
            List<JsonNode> kept = new ArrayList<>();
            for (int i = 0; i <= lastMessage && i < messages.size(); i++) {
                kept.add(messages.get(i));
            }
            parts.put("messages", Canonical.array(kept));
        }
        return parts;
    }

    /** A hash of system + the first user message: the same for every turn of one conversation; null without one. */
    static String conversationId(JsonNode request) {
        JsonNode firstUser = request == null ? null : firstUser(request.path("messages"));
        return firstUser == null
                ? null
                : "gw:"
                        + sha256(Canonical.of(request.get("system")) + "\n" + Canonical.of(firstUser))
                                .substring(0, 32);
    }

    /** The index of the last message with a cache_control on it or on one of its blocks; -1 when none has. */
    private static int lastBreakpoint(JsonNode messages) {
        int last = -1;
        for (int i = 0; i < messages.size(); i++) {
            JsonNode content = messages.get(i).path("content");
            boolean marked = messages.get(i).has("cache_control");
            for (JsonNode block : content.isArray() ? content : List.<JsonNode>of()) {
                marked |= block.has("cache_control");
            }
            if (marked) {
                last = i;
            }
        }
        return last;
    }

    private static JsonNode firstUser(JsonNode messages) {
        for (JsonNode message : messages) {
            if ("user".equals(message.path("role").asString(""))) {
                return message.path("content");
            }
        }
        return null;
    }

    private static int userTurns(JsonNode messages) {
        int turns = 0;
        for (JsonNode message : messages) {
            turns += "user".equals(message.path("role").asString("")) ? 1 : 0;
        }
        return turns;
    }

    private static String systemText(JsonNode system) {
        if (system == null) {
            return "";
        }
        if (system.isString()) {
            return system.stringValue();
        }
        StringBuilder text = new StringBuilder();
        for (JsonNode block : system.isArray() ? system : List.<JsonNode>of()) {
            text.append(block.path("text").asString("")).append('\n');
        }
        return text.toString();
    }

    private record Masked(String text, List<Integer> offsets) {}

    private static Masked mask(String text) {
        Matcher matcher = VOLATILE.matcher(text);
        StringBuilder masked = new StringBuilder();
        List<Integer> offsets = new ArrayList<>();
        while (matcher.find()) {
            if (offsets.size() < 20) {
                offsets.add(matcher.start());
            }
            matcher.appendReplacement(masked, "#");
        }
        matcher.appendTail(masked);
        return new Masked(masked.toString(), List.copyOf(offsets));
    }

    static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
