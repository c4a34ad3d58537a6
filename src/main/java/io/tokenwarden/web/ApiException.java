package io.tokenwarden.web;

import java.util.List;
import org.springframework.http.HttpStatus;

/** A request refused as a whole; rendered as application/problem+json by {@link ApiExceptionHandler}. */
public class ApiException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final HttpStatus status;
    /** Never serialized: an answer is rendered in the process that refused the request. */
    private final transient List<FieldError> errors;

    public ApiException(HttpStatus status, String detail, List<FieldError> errors) {
        super(detail);
        this.status = status;
        this.errors = List.copyOf(errors);
    }

    public ApiException(HttpStatus status, String detail) {
        this(status, detail, List.of());
    }

    public static ApiException badRequest(List<FieldError> errors) {
        return new ApiException(HttpStatus.BAD_REQUEST, "The request has invalid fields.", errors);
    }

    public static ApiException notFound(String detail) {
        return new ApiException(HttpStatus.NOT_FOUND, detail);
    }

    /** The detail and every field reason on one line, for a page's flash message. */
    public String summary() {
        StringBuilder text = new StringBuilder(getMessage());
        errors.forEach(e -> text.append(' ')
                .append(e.field())
                .append(' ')
                .append(e.message())
                .append(';'));
        return text.toString();
    }

    public HttpStatus status() {
        return status;
    }

    public List<FieldError> errors() {
        return errors;
    }
}
