package io.tokenwarden.gateway;

import java.util.Map;

/**
 * What the policies made of one Messages call: the body to send (the app's, or edited), the tags its event gets
 * (arm, requested model, budget action), or a refusal when a spent budget blocks the use case.
 *
 * @param blocked      the error message of a blocked call; null when the call goes upstream
 * @param pilotId      the pilot that assigned the call an arm; null when none did
 * @param diagnostics  whether the answer's id is remembered for the next call's {@code previous_message_id}
 */
record PolicyDecision(
        byte[] body,
        Map<String, String> tags,
        String blocked,
        Long pilotId,
        String arm,
        String conversationId,
        String useCase,
        String model,
        boolean diagnostics) {

    static PolicyDecision unchanged(byte[] body) {
        return new PolicyDecision(body, Map.of(), null, null, null, null, null, null, false);
    }

    static PolicyDecision block(String message) {
        return new PolicyDecision(null, Map.of(), message, null, null, null, null, null, false);
    }
}
