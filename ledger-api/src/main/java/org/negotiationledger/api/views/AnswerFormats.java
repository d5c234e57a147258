package org.negotiationledger.api.views;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.negotiationledger.api.http.ForwardsTheRequest;
import org.negotiationledger.api.problems.ProblemException;
import org.negotiationledger.api.problems.ProblemType;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.ResolvableType;
import org.springframework.http.HttpEntity;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Says before a view is asked which forms it answers in: {@code format=csv} only where the view is a
 * table (400 naming the views that are); an Accept
 * header the view cannot serve is refused with 406 naming what it can, rather than answered as
 * something else (a view is never labelled a problem).
 */
class AnswerFormats implements HandlerInterceptor {

    private static final String FORMAT = "format";
    private static final MediaType PROBLEM = MediaType.APPLICATION_PROBLEM_JSON;

    private final ObjectProvider<RequestMappingHandlerMapping> mappings;
    private volatile Set<String> tables;

    AnswerFormats(ObjectProvider<RequestMappingHandlerMapping> mappings) {
        this.mappings = mappings;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!(handler instanceof HandlerMethod method) || !isView(method)
                || method.hasMethodAnnotation(ForwardsTheRequest.class)) {
            return true;
        }
        boolean table = CsvAnswers.writes(answerType(method));
        String format = request.getParameter(FORMAT);
        if (format != null) {
            // A format other than csv or json never gets here (FormatParameterFilter).
            if (format.equals("csv") && !table) {
                throw ProblemException.invalidParameter(FORMAT, "is csv, but " + request.getRequestURI()
                        + " is no table and answers in JSON only; the views that answer in CSV are "
                        + String.join(", ", tables()));
            }
            return true;
        }
        String accept = request.getHeader("Accept");
        if (accept != null && !accept.isBlank()) {
            List<MediaType> asked;
            try {
                asked = MediaType.parseMediaTypes(accept);
            } catch (IllegalArgumentException malformed) {
                return true;
            }
            boolean served = asked.stream().anyMatch(type -> !type.equalsTypeAndSubtype(PROBLEM)
                    && (type.isCompatibleWith(MediaType.APPLICATION_JSON) && !type.getSubtype().startsWith("*+")
                    || table && type.isCompatibleWith(CsvAnswers.CSV)));
            if (!served) {
                throw new ProblemException(ProblemType.NOT_ACCEPTABLE, request.getRequestURI() + " answers in "
                        + (table ? "application/json or text/csv (or format=csv)" : "application/json")
                        + "; the request's Accept header (" + accept + ") asks for neither")
                        .with("accepted", table ? List.of("application/json", "text/csv") : List.of("application/json"));
            }
        }
        return true;
    }

    /** A read of one of the views: a GET of a controller of this package. */
    private static boolean isView(HandlerMethod method) {
        return method.getBeanType().getPackageName().equals(AnswerFormats.class.getPackageName())
                && method.hasMethodAnnotation(GetMapping.class);
    }

    private static Class<?> answerType(HandlerMethod method) {
        ResolvableType type = ResolvableType.forMethodReturnType(method.getMethod());
        return HttpEntity.class.isAssignableFrom(type.toClass()) ? type.getGeneric(0).toClass() : type.toClass();
    }

    /** The paths of the views that answer in CSV, once. */
    private Set<String> tables() {
        if (tables == null) {
            Set<String> paths = new TreeSet<>();
            for (Map.Entry<RequestMappingInfo, HandlerMethod> entry : mappings.getObject().getHandlerMethods()
                    .entrySet()) {
                if (isView(entry.getValue()) && CsvAnswers.writes(answerType(entry.getValue()))) {
                    paths.addAll(entry.getKey().getPatternValues());
                }
            }
            tables = paths;
        }
        return tables;
    }
}
