package io.tokenwarden.web;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.util.JsonRecyclerPools;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a JSON request body with hard limits: the byte limit is enforced while reading (a
 * chunked body is cut off at the limit, never buffered whole), and nesting depth, string length
 * and number length are bounded by the parser.
 */
@Component
public class BoundedJson {

    public static final int MAX_BODY_BYTES = 2 * 1024 * 1024;

    private final JsonMapper mapper = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder()
                            .maxNestingDepth(16)
                            .maxStringLength(64 * 1024)
                            .maxNumberLength(40)
                            .build())
                    .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                    // Request threads are platform threads: a buffer per thread, not a shared deque taken and
                    // given back on every body (about 2% of a single-event request's Java samples in the JFR).
                    .recyclerPool(JsonRecyclerPools.threadLocalPool())
                    .build())
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    public JsonNode read(HttpServletRequest request) {
        requireJson(request.getContentType());
        if (request.getContentLengthLong() > MAX_BODY_BYTES) {
            throw tooLarge();
        }
        byte[] body = readAtMost(request);
        if (body.length == 0) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "The request body is empty.");
        }
        return parse(body);
    }

    /** The raw body of any content type, with the same size limit (for OTLP protobuf). */
    public byte[] readBytes(HttpServletRequest request) {
        if (request.getContentLengthLong() > MAX_BODY_BYTES) {
            throw tooLarge();
        }
        return readAtMost(request);
    }

    /** A JSON tree from bytes already read, with the same parser limits. */
    public JsonNode parse(byte[] body) {
        try {
            return mapper.readTree(body);
        } catch (JacksonException e) {
            throw new ApiException(
                    HttpStatus.BAD_REQUEST,
                    "The body is not valid JSON: " + e.getOriginalMessage(),
                    List.of(new FieldError("", "not valid JSON")));
        } catch (NumberFormatException e) {
            // Jackson lets this one through unwrapped for a decimal whose exponent is out of range (found by fuzzing).
            throw new ApiException(
                    HttpStatus.BAD_REQUEST,
                    "The body holds a number out of range.",
                    List.of(new FieldError("", "number out of range")));
        }
    }

    private static void requireJson(String contentType) {
        try {
            if (contentType != null
                    && MediaType.parseMediaType(contentType).isCompatibleWith(MediaType.APPLICATION_JSON)) {
                return;
            }
        } catch (IllegalArgumentException e) {
            // an unparseable content type is as unsupported as a wrong one
        }
        throw new ApiException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Send the body as application/json.");
    }

    private static byte[] readAtMost(HttpServletRequest request) {
        try (InputStream in = request.getInputStream()) {
            byte[] body = in.readNBytes(MAX_BODY_BYTES + 1);
            if (body.length > MAX_BODY_BYTES) {
                throw tooLarge();
            }
            return body;
        } catch (IOException e) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "The request body could not be read.");
        }
    }

    private static ApiException tooLarge() {
        return new ApiException(HttpStatus.CONTENT_TOO_LARGE, "The body is larger than 2 MiB.");
    }
}
