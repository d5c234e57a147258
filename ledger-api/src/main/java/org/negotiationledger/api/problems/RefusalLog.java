package org.negotiationledger.api.problems;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.MethodParameter;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;

/**
 * Logs each refused request in one line at INFO: the request, the status and the problem's
 * detail, no stack trace. A refusal is the client's to mend, not a failure of the ledger; the
 * failures (5xx) are logged at ERROR where they are answered.
 */
@RestControllerAdvice
class RefusalLog implements ResponseBodyAdvice<Object> {

    private static final Logger log = LoggerFactory.getLogger(RefusalLog.class);

    @Override
    public boolean supports(MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
        return true;
    }

    @Override
    public Object beforeBodyWrite(Object body, MethodParameter returnType, MediaType contentType,
                                  Class<? extends HttpMessageConverter<?>> converterType, ServerHttpRequest request,
                                  ServerHttpResponse response) {
        if (body instanceof ProblemDetail problem) {
            logged(String.valueOf(request.getMethod()), request.getURI().getRawPath(), problem);
        }
        return body;
    }

    /** Logs the problem when it is a refusal; the filters that answer before a controller call it too. */
    static void logged(String method, String path, ProblemDetail problem) {
        if (problem.getStatus() >= 400 && problem.getStatus() < 500) {
            log.info("Refused {} {}: {} {}", method, LogText.safe(path), problem.getStatus(),
                    LogText.safe(problem.getDetail()));
        }
    }
}
