package org.negotiationledger.api.commands;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.negotiationledger.api.commands.CommandRoutes.CommandRequest;
import org.negotiationledger.api.commands.CommandRoutes.Route;
import org.negotiationledger.api.problems.ProblemException;
import org.negotiationledger.api.problems.ProblemType;
import org.negotiationledger.api.problems.Problems;
import org.negotiationledger.core.api.NegotiationCommand;
import org.negotiationledger.core.api.Values;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the path and body of a command into the command, for the HTTP endpoints and the
 * importer alike: the body read into the route's request record, checked, then converted.
 */
@Component
public class CommandReader {

    /** A route's path as a pattern over a line's path, its variables' values as groups, and their names. */
    private record PathOfRoute(Route route, Pattern pattern, List<String> variables) {
    }

    private static final List<PathOfRoute> PATHS = CommandRoutes.ALL.stream().map(route -> new PathOfRoute(route,
            Pattern.compile(route.template().replaceAll("\\{\\w+}", "(" + Values.ID + ")")), route.variables()))
            .toList();

    private final ObjectMapper json;
    private final Validator validator;

    CommandReader(ObjectMapper json, Validator validator) {
        this.json = json;
        this.validator = validator;
    }

    /**
     * The command an import line stands for: {@code {"path":"/api/negotiations/…","body":{…}}}, the
     * path and body a POST of the HTTP API would have.
     *
     * @throws ProblemException        when the line is no command, or its fields are invalid
     * @throws JsonProcessingException when it is not JSON of the expected shape
     */
    public NegotiationCommand read(String line, Instant recordedAt) throws JsonProcessingException {
        JsonNode node = json.readTree(line);
        if (node == null || !node.isObject() || !node.path("path").isTextual() || !node.path("body").isObject()) {
            throw new ProblemException(ProblemType.UNKNOWN_COMMAND, "a line must be a JSON object with a \"path\" "
                    + "(as in the HTTP API, e.g. /api/negotiations/ru-ua-2025/statements) and a \"body\" object");
        }
        String path = node.get("path").textValue();
        for (PathOfRoute candidate : PATHS) {
            Matcher matcher = candidate.pattern().matcher(path);
            if (matcher.matches()) {
                Map<String, String> variables = new LinkedHashMap<>();
                List<String> names = candidate.variables();
                for (int i = 0; i < names.size(); i++) {
                    variables.put(names.get(i), matcher.group(i + 1));
                }
                return read(candidate.route(), variables, node.get("body"), recordedAt);
            }
        }
        throw new ProblemException(ProblemType.UNKNOWN_COMMAND, "no command is posted to '" + path + "'; see "
                + "docs/commands.md for the paths").with("path", path);
    }

    /**
     * The command of a request the ledger built itself (event data), for a negotiation and, for a
     * request about one of its records (a meeting's corroboration), that record: checked as the same
     * request's body would be over HTTP.
     *
     * @param itemId the record the request's path would name, or null
     * @throws ProblemException when its fields are invalid
     */
    public NegotiationCommand read(String negotiationId, String itemId, CommandRequest request, Instant recordedAt) {
        requireValid(request);
        return request.toCommand(new CommandRoutes.Target(negotiationId, itemId), recordedAt);
    }

    /**
     * The command of a route, given the values of its path's variables and its body.
     *
     * @throws ProblemException        when the body is no JSON object, or its fields are invalid
     * @throws JsonProcessingException when the body does not fit the route's request
     */
    public NegotiationCommand read(Route route, Map<String, String> variables, JsonNode body, Instant recordedAt)
            throws JsonProcessingException {
        if (body == null || !body.isObject()) {
            throw new ProblemException(ProblemType.MALFORMED_REQUEST, "the body must be a JSON object");
        }
        CommandRequest request = json.treeToValue(body, route.body());
        requireValid(request);
        return request.toCommand(route.target(variables), recordedAt);
    }

    private void requireValid(CommandRequest request) {
        Set<ConstraintViolation<CommandRequest>> violations = validator.validate(request);
        if (!violations.isEmpty()) {
            ProblemDetail invalid = Problems.invalidFields(violations);
            throw new ProblemException(ProblemType.INVALID_FIELDS, invalid.getDetail())
                    .with("errors", invalid.getProperties().get("errors"));
        }
    }
}
