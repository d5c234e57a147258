package org.negotiationledger.api.commands;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.negotiationledger.api.commands.CommandRoutes.Route;
import org.negotiationledger.core.api.NegotiationCommand;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import java.lang.reflect.Method;
import java.time.Clock;
import java.util.Map;

/**
 * The command side over HTTP: every route of {@link CommandRoutes} is a POST to this one handler,
 * which turns its body into one command on one negotiation. 201 when the command recorded
 * something, 200 when it repeated what was already recorded.
 */
@RestController
@Tag(name = "Commands", description = "Record what was said, agreed and done; each POST appends events")
class NegotiationCommandController {

    private final CommandReader reader;
    private final CommandSender commands;
    private final Clock clock;

    NegotiationCommandController(CommandReader reader, CommandSender commands, Clock clock) {
        this.reader = reader;
        this.commands = commands;
        this.clock = clock;
    }

    ResponseEntity<CommandResponse> command(HttpServletRequest request, @RequestBody JsonNode body,
                                            CommandMetadata metadata) throws JsonProcessingException {
        String template = (String) request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
        @SuppressWarnings("unchecked")
        Map<String, String> variables = (Map<String, String>) request.getAttribute(
                HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        Route route = CommandRoutes.ALL.stream().filter(candidate -> candidate.template().equals(template))
                .findFirst().orElseThrow(() -> new IllegalStateException("no route for " + template));
        NegotiationCommand command = reader.read(route, variables, body, clock.instant());
        CommandOutcome outcome = commands.send(command, metadata);
        return ResponseEntity.status(outcome.appended() ? HttpStatus.CREATED : HttpStatus.OK)
                .eTag(Long.toString(outcome.version()))
                .body(new CommandResponse(outcome.negotiationId(), outcome.version(), outcome.position(),
                        outcome.appended()));
    }

    /** Makes every route of the table a POST of the handler above, before the server takes requests. */
    @Component
    static class Routes implements SmartInitializingSingleton {

        private final ApplicationContext context;

        Routes(ApplicationContext context) {
            this.context = context;
        }

        @Override
        public void afterSingletonsInstantiated() {
            RequestMappingHandlerMapping mappings = context.getBean("requestMappingHandlerMapping",
                    RequestMappingHandlerMapping.class);
            NegotiationCommandController controller = context.getBean(NegotiationCommandController.class);
            Method handler;
            try {
                handler = NegotiationCommandController.class.getDeclaredMethod("command", HttpServletRequest.class,
                        JsonNode.class, CommandMetadata.class);
            } catch (NoSuchMethodException e) {
                throw new IllegalStateException(e);
            }
            for (Route route : CommandRoutes.ALL) {
                mappings.registerMapping(RequestMappingInfo.paths(route.template()).methods(RequestMethod.POST)
                        .consumes(MediaType.APPLICATION_JSON_VALUE).options(mappings.getBuilderConfiguration())
                        .build(), controller, handler);
            }
        }
    }
}
