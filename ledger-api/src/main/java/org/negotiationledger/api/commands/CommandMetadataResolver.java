package org.negotiationledger.api.commands;

import org.negotiationledger.api.http.RequestIdFilter;
import org.negotiationledger.api.problems.BadHeaderException;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a command's {@link CommandMetadata} from the request: the authenticated user, the request
 * id and the {@code If-Match} header.
 */
@Component
public class CommandMetadataResolver implements HandlerMethodArgumentResolver {

    private static final Pattern VERSION = Pattern.compile("(?:W/)?\"?([0-9]{1,18})\"?");

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == CommandMetadata.class;
    }

    @Override
    public CommandMetadata resolveArgument(MethodParameter parameter, ModelAndViewContainer container,
                                          NativeWebRequest request, WebDataBinderFactory binderFactory) {
        String correlationId = (String) request.getAttribute(RequestIdFilter.ATTRIBUTE, NativeWebRequest.SCOPE_REQUEST);
        return new CommandMetadata(recordedBy(), correlationId,
                expectedVersion(request.getHeader(HttpHeaders.IF_MATCH)));
    }

    /** The user the request authenticated as: the recorder of every event the command appends. */
    private static String recordedBy() {
        Authentication user = SecurityContextHolder.getContext().getAuthentication();
        if (user == null || !user.isAuthenticated() || user.getName() == null) {
            throw new IllegalStateException("a command reached the ledger without an authenticated user");
        }
        return user.getName();
    }

    private static Long expectedVersion(String header) {
        if (header == null || header.isBlank() || header.strip().equals("*")) {
            return null;
        }
        Matcher matcher = VERSION.matcher(header.strip());
        if (!matcher.matches() || Long.parseLong(matcher.group(1)) < 1) {
            throw new BadHeaderException(HttpHeaders.IF_MATCH,
                    "must be the ETag of a negotiation version, such as \"3\"");
        }
        return Long.parseLong(matcher.group(1));
    }
}
