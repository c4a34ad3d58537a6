package io.tokenwarden.otlp;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.util.JsonFormat;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import java.util.Base64;
import java.util.HexFormat;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * OTLP/JSON is protobuf's JSON mapping except that trace and span ids are hex, not base64: they
 * are rewritten before protobuf parses the rest.
 */
final class OtlpJson {

    private OtlpJson() {}

    static ExportTraceServiceRequest parse(JsonNode root) throws InvalidProtocolBufferException {
        for (JsonNode resourceSpans : root.path("resourceSpans")) {
            for (JsonNode scopeSpans : resourceSpans.path("scopeSpans")) {
                for (JsonNode span : scopeSpans.path("spans")) {
                    if (span instanceof ObjectNode node) {
                        hexToBase64(node, "traceId");
                        hexToBase64(node, "spanId");
                        hexToBase64(node, "parentSpanId");
                    }
                }
            }
        }
        ExportTraceServiceRequest.Builder builder = ExportTraceServiceRequest.newBuilder();
        JsonFormat.parser().ignoringUnknownFields().merge(root.toString(), builder);
        return builder.build();
    }

    private static void hexToBase64(ObjectNode span, String field) {
        JsonNode id = span.get(field);
        if (id != null && id.isString() && id.stringValue().matches("[0-9a-fA-F]*")) {
            span.put(field, Base64.getEncoder().encodeToString(HexFormat.of().parseHex(id.stringValue())));
        }
    }
}
