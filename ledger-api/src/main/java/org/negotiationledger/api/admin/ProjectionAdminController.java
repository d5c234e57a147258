package org.negotiationledger.api.admin;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.negotiationledger.api.http.CommandContext;
import org.negotiationledger.api.http.ProblemException;
import org.negotiationledger.api.http.ProblemType;
import org.negotiationledger.api.views.ReplayCoordinator;
import org.negotiationledger.api.views.ViewProgress;
import org.negotiationledger.api.views.ViewStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.List;

/** How far each view is, and rebuilding a view from the start of the history. */
@RestController
@Tag(name = "Admin", description = "The views' progress, and rebuilding them from the history")
@RequestMapping("/api/admin/projections")
class ProjectionAdminController {

    private final ViewProgress views;
    private final ReplayCoordinator replays;

    ProjectionAdminController(ViewProgress views, ReplayCoordinator replays) {
        this.views = views;
        this.replays = replays;
    }

    /** @param head the global position of the last stored event */
    record Projections(long head, List<ViewStatus> projections) {
    }

    @GetMapping
    @Operation(summary = "Every view with its position, the head of the store, lag and replay state")
    Projections projections() {
        List<ViewStatus> all = views.names().stream().map(this::status).toList();
        return new Projections(views.head(), all);
    }

    @GetMapping("/{name}")
    @Operation(summary = "One view's progress")
    ViewStatus projection(@PathVariable String name) {
        return status(known(name));
    }

    /** Answers 202 at once: the replay goes on in the background; the listing shows its progress. */
    @PostMapping("/{name}/replay")
    @Operation(summary = "Rebuild a view from the start of the history",
            description = "Every node stops the view, its tables are emptied and its tokens reset, then it rebuilds; "
                    + "follow the progress in the listing.")
    ResponseEntity<ViewStatus> replayProjection(@PathVariable String name, CommandContext context) {
        known(name);
        try {
            replays.request(name, context.recordedBy());
        } catch (ReplayCoordinator.ReplayInProgressException e) {
            throw new ProblemException(ProblemType.REPLAY_IN_PROGRESS, e.getMessage()).with("projection", name);
        }
        return ResponseEntity.accepted().location(URI.create("/api/admin/projections/" + name)).body(status(name));
    }

    private ViewStatus status(String name) {
        return views.status(name, replays.state(name).orElse(null));
    }

    private String known(String name) {
        if (!views.names().contains(name)) {
            throw new ProblemException(ProblemType.NOT_FOUND, "there is no view named '" + name + "'; the views are "
                    + views.names()).with("projection", name);
        }
        return name;
    }
}
