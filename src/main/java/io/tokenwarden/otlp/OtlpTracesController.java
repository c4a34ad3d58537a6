package io.tokenwarden.otlp;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.util.JsonFormat;
import io.opentelemetry.proto.collector.trace.v1.ExportTracePartialSuccess;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import io.tokenwarden.ingest.EventIngestion;
import io.tokenwarden.security.AppPrincipal;
import io.tokenwarden.web.ApiException;
import io.tokenwarden.web.BoundedJson;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * OTLP/HTTP traces receiver (protobuf or JSON, app key auth): GenAI spans become usage events on
 * the ingestion path, so they are validated, priced and idempotent like any other event.
 */
@RestController
class OtlpTracesController {

    private static final MediaType PROTOBUF = MediaType.parseMediaType("application/x-protobuf");

    private final BoundedJson bodies;
    private final EventIngestion ingestion;

    OtlpTracesController(BoundedJson bodies, EventIngestion ingestion) {
        this.bodies = bodies;
        this.ingestion = ingestion;
    }

    @PostMapping("/v1/traces")
    ResponseEntity<byte[]> traces(@AuthenticationPrincipal AppPrincipal app, HttpServletRequest request)
            throws InvalidProtocolBufferException {
        boolean json = isJson(request.getContentType());
        byte[] body = bodies.readBytes(request);
        ExportTraceServiceRequest traces;
        try {
            traces = json ? OtlpJson.parse(bodies.parse(body)) : ExportTraceServiceRequest.parseFrom(body);
        } catch (InvalidProtocolBufferException e) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "The body is not an OTLP ExportTraceServiceRequest.");
        }
        List<String> rejected = ingestion.acceptAll(app, GenAiSpans.events(traces));
        ExportTraceServiceResponse.Builder response = ExportTraceServiceResponse.newBuilder();
        if (!rejected.isEmpty()) {
            response.setPartialSuccess(ExportTracePartialSuccess.newBuilder()
                    .setRejectedSpans(rejected.size())
                    .setErrorMessage(String.join("; ", rejected.subList(0, Math.min(5, rejected.size())))));
        }
        return json
                ? ResponseEntity.ok()
                        .contentType(MediaType.APPLICATION_JSON)
                        .body(JsonFormat.printer().print(response).getBytes(java.nio.charset.StandardCharsets.UTF_8))
                : ResponseEntity.ok()
                        .contentType(PROTOBUF)
                        .body(response.build().toByteArray());
    }

    private static boolean isJson(String contentType) {
        if (contentType == null) {
            throw new ApiException(
                    HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Send application/x-protobuf or application/json.");
        }
        MediaType type;
        try {
            type = MediaType.parseMediaType(contentType);
        } catch (org.springframework.http.InvalidMediaTypeException e) {
            throw new ApiException(
                    HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Send application/x-protobuf or application/json.");
        }
        if (type.isCompatibleWith(MediaType.APPLICATION_JSON)) {
            return true;
        }
        if (type.isCompatibleWith(PROTOBUF)) {
            return false;
        }
        throw new ApiException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Send application/x-protobuf or application/json.");
    }
}
