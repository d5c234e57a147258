package org.negotiationledger.api.http;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.negotiationledger.api.problems.ProblemException;
import org.negotiationledger.api.problems.ProblemType;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A read refuses a query parameter it does not take: a misspelt {@code asoff} would otherwise be
 * ignored silently, and the answer would be for another day than the one asked about. Every
 * request refuses a query parameter given twice, unless it takes a list (the audit's {@code type}):
 * only one of the values would count.
 */
class KnownParameters implements HandlerInterceptor {

    /** The answer's format (csv or json) where a link cannot set Accept; every read takes it. */
    static final String FORMAT = "format";
    /** Whether a CSV answer begins with a byte-order mark, for spreadsheets opened by double-click. */
    static final String BOM = "bom";

    private final Map<Method, Taken> taken = new ConcurrentHashMap<>();

    /** A method's query parameters, in order, and those of them that take a list of values. */
    private record Taken(Set<String> names, Set<String> lists) {
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!(handler instanceof HandlerMethod method) || method.hasMethodAnnotation(ForwardsTheRequest.class)) {
            return true;
        }
        Taken parameters = taken.computeIfAbsent(method.getMethod(), m -> parameters(method));
        refuseRepeated(request.getQueryString(), parameters.lists());
        if (!"GET".equals(request.getMethod())) {
            return true;
        }
        Set<String> known = parameters.names();
        for (String name : Collections.list(request.getParameterNames())) {
            if (!known.contains(name) && !name.equals(FORMAT) && !name.equals(BOM)) {
                throw new ProblemException(ProblemType.UNKNOWN_PARAMETER, "unknown query parameter '" + name + "'; "
                        + (known.isEmpty() ? "this request takes none" : "this request takes " + known))
                        .with("parameter", name);
            }
        }
        String bom = request.getParameter(BOM);
        if (bom != null && !bom.equals("true") && !bom.equals("false")) {
            throw ProblemException.invalidParameter(BOM, "must be true or false, not '" + bom + "'");
        }
        return true;
    }

    private static void refuseRepeated(String query, Set<String> lists) {
        if (query == null) {
            return;
        }
        Set<String> seen = new HashSet<>();
        for (String pair : query.split("&")) {
            String name = decoded(pair.split("=", 2)[0]);
            if (!name.isEmpty() && !seen.add(name) && !lists.contains(name)) {
                throw new ProblemException(ProblemType.INVALID_PARAMETER, "the query parameter '" + name + "' is "
                        + "given more than once; give it once").with("parameter", name);
            }
        }
    }

    private static String decoded(String name) {
        try {
            return URLDecoder.decode(name, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException notEncoded) {
            return name;
        }
    }

    /**
     * The method's query parameters, in order, and those that take a list: its {@code @RequestParam}s
     * and the components of a record it takes as a {@code @ParameterObject}.
     */
    private static Taken parameters(HandlerMethod method) {
        Set<String> names = new LinkedHashSet<>();
        Set<String> lists = new HashSet<>();
        for (MethodParameter parameter : method.getMethodParameters()) {
            RequestParam query = parameter.getParameterAnnotation(RequestParam.class);
            if (query != null) {
                String name = !query.name().isEmpty() ? query.name() : parameter.getParameter().getName();
                add(name, parameter.getParameterType(), names, lists);
            } else if (parameter.hasParameterAnnotation(ParameterObject.class)
                    && parameter.getParameterType().isRecord()) {
                for (RecordComponent component : parameter.getParameterType().getRecordComponents()) {
                    add(component.getName(), component.getType(), names, lists);
                }
            }
        }
        return new Taken(Collections.unmodifiableSet(names), Set.copyOf(lists));
    }

    private static void add(String name, Class<?> type, Set<String> names, Set<String> lists) {
        names.add(name);
        if (Collection.class.isAssignableFrom(type)) {
            lists.add(name);
        }
    }
}
