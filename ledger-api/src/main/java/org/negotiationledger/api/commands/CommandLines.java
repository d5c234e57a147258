package org.negotiationledger.api.commands;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.negotiationledger.api.commands.CommandRequests.AddTopicRequest;
import org.negotiationledger.api.commands.CommandRequests.AgreeExchangeRequest;
import org.negotiationledger.api.commands.CommandRequests.ClosureRequest;
import org.negotiationledger.api.commands.CommandRequests.CommandRequest;
import org.negotiationledger.api.commands.CommandRequests.CorrectionRequest;
import org.negotiationledger.api.commands.CommandRequests.ExecutionRequest;
import org.negotiationledger.api.commands.CommandRequests.OpenNegotiationRequest;
import org.negotiationledger.api.commands.CommandRequests.ProposeExchangeRequest;
import org.negotiationledger.api.commands.CommandRequests.RecordMeetingRequest;
import org.negotiationledger.api.commands.CommandRequests.RecordStatementRequest;
import org.negotiationledger.api.commands.CommandRequests.RegisterDelegateRequest;
import org.negotiationledger.api.commands.CommandRequests.RegisterPartyRequest;
import org.negotiationledger.api.commands.CommandRequests.RetractionRequest;
import org.negotiationledger.api.commands.CommandRequests.Target;
import org.negotiationledger.api.problems.Limits;
import org.negotiationledger.api.problems.ProblemException;
import org.negotiationledger.api.problems.ProblemType;
import org.negotiationledger.api.problems.Problems;
import org.negotiationledger.core.api.NegotiationCommand;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads one import line, {@code {"path":"/api/negotiations/…","body":{…}}}: the path and body a
 * POST of the HTTP API would have, checked the same way, turned into the same command.
 */
@Component
public class CommandLines {

    private static final String NEGOTIATIONS = "/api/negotiations";
    private static final String ID = "(" + Limits.ID + ")";
    private static final List<Route> ROUTES = List.of(
            new Route(NEGOTIATIONS, OpenNegotiationRequest.class),
            new Route(NEGOTIATIONS + "/" + ID + "/parties", RegisterPartyRequest.class),
            new Route(NEGOTIATIONS + "/" + ID + "/delegates", RegisterDelegateRequest.class),
            new Route(NEGOTIATIONS + "/" + ID + "/topics", AddTopicRequest.class),
            new Route(NEGOTIATIONS + "/" + ID + "/statements", RecordStatementRequest.class),
            new Route(NEGOTIATIONS + "/" + ID + "/statements/" + ID + "/corrections", CorrectionRequest.class),
            new Route(NEGOTIATIONS + "/" + ID + "/statements/" + ID + "/retraction", RetractionRequest.class),
            new Route(NEGOTIATIONS + "/" + ID + "/meetings", RecordMeetingRequest.class),
            new Route(NEGOTIATIONS + "/" + ID + "/exchanges", ProposeExchangeRequest.class),
            new Route(NEGOTIATIONS + "/" + ID + "/exchanges/" + ID + "/agreements", AgreeExchangeRequest.class),
            new Route(NEGOTIATIONS + "/" + ID + "/exchanges/" + ID + "/executions", ExecutionRequest.class),
            new Route(NEGOTIATIONS + "/" + ID + "/closure", ClosureRequest.class));

    private final ObjectMapper json;
    private final Validator validator;

    CommandLines(ObjectMapper json, Validator validator) {
        this.json = json;
        this.validator = validator;
    }

    /**
     * The command a line stands for.
     *
     * @throws ProblemException        when the line is no command, or its fields are invalid
     * @throws JsonProcessingException when it is not JSON of the expected shape
     */
    /** The paths the importer takes, as patterns over the HTTP API's paths (ids as {@link Limits#ID}). */
    public static List<String> paths() {
        return ROUTES.stream().map(route -> route.pattern().pattern()).toList();
    }

    public NegotiationCommand read(String line, Instant recordedAt) throws JsonProcessingException {
        JsonNode node = json.readTree(line);
        if (node == null || !node.isObject() || !node.path("path").isTextual() || !node.path("body").isObject()) {
            throw new ProblemException(ProblemType.UNKNOWN_COMMAND, "a line must be a JSON object with a \"path\" "
                    + "(as in the HTTP API, e.g. /api/negotiations/ru-ua-2025/statements) and a \"body\" object");
        }
        String path = node.get("path").textValue();
        for (Route route : ROUTES) {
            Matcher matcher = route.pattern().matcher(path);
            if (matcher.matches()) {
                CommandRequest request = json.treeToValue(node.get("body"), route.request());
                Set<ConstraintViolation<CommandRequest>> violations = validator.validate(request);
                if (!violations.isEmpty()) {
                    ProblemDetail invalid = Problems.invalidFields(violations);
                    throw new ProblemException(ProblemType.INVALID_FIELDS, invalid.getDetail())
                            .with("errors", invalid.getProperties().get("errors"));
                }
                Target target = new Target(matcher.groupCount() > 0 ? matcher.group(1) : null,
                        matcher.groupCount() > 1 ? matcher.group(2) : null);
                return request.toCommand(target, recordedAt);
            }
        }
        throw new ProblemException(ProblemType.UNKNOWN_COMMAND, "no command is posted to '" + path + "'; see "
                + "docs/commands.md for the paths").with("path", path);
    }

    private record Route(Pattern pattern, Class<? extends CommandRequest> request) {

        Route(String path, Class<? extends CommandRequest> request) {
            this(Pattern.compile(path), request);
        }
    }
}
