package org.negotiationledger.api.views.processing;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.negotiationledger.api.problems.ProblemException;
import org.negotiationledger.api.problems.ProblemType;
import org.negotiationledger.api.storage.DeadLetterRows;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.security.Principal;
import java.util.List;

/** How far each view is, and rebuilding a view from the start of the history. */
@RestController
@Tag(name = "Admin", description = "The views' progress, and rebuilding them from the history")
@RequestMapping("/api/admin/projections")
class ProjectionAdminController {

    /** The most dead letters one listing shows. */
    static final int LETTERS_SHOWN = 1000;

    private final ViewProgress views;
    private final ReplayCoordinator replays;
    private final DeadLetters deadLetters;

    ProjectionAdminController(ViewProgress views, ReplayCoordinator replays, DeadLetters deadLetters) {
        this.views = views;
        this.replays = replays;
        this.deadLetters = deadLetters;
    }

    /**
     * @param total   how many events the view set aside
     * @param letters the first of them, by negotiation and in the order they wait
     */
    record DeadLetterList(String projection, long total, List<DeadLetterRows.Letter> letters) {
    }

    /** @param cleared how many negotiations' events the view has now handled */
    record RetryResult(String projection, int cleared, long remaining) {
    }

    /** @param head the global position of the last stored event */
    record Projections(long head, List<ViewStatus> projections) {
    }

    @GetMapping
    @Operation(summary = "Every view with its position, the head of the store, lag and replay state",
            description = "What an admin checks when a view answers late: how far each view is behind the store, "
                    + "and whether a replay is running.")
    Projections projections() {
        List<ViewStatus> all = views.names().stream().map(this::status).toList();
        return new Projections(views.head(), all);
    }

    @GetMapping("/{name}")
    @Operation(summary = "One view's progress",
            description = "The same as in the list of every view, for the view named; 404 for a name that is no view.")
    ViewStatus projection(@PathVariable String name) {
        return status(known(name));
    }

    /** Answers 202 at once: the replay goes on in the background; the listing shows its progress. */
    @PostMapping("/{name}/replay")
    @Operation(summary = "Rebuild a view from the start of the history",
            description = "The view is rebuilt into fresh tables while it goes on answering; once caught up, the "
                    + "rebuilt tables take over on every node at once. Follow the progress in the listing; a "
                    + "rebuild that fails leaves the view as it was.")
    ResponseEntity<ViewStatus> replayProjection(@PathVariable String name, Principal admin) {
        known(name);
        try {
            replays.request(name, admin.getName());
        } catch (ReplayCoordinator.ReplayInProgressException e) {
            throw new ProblemException(ProblemType.REPLAY_IN_PROGRESS, e.getMessage()).with("projection", name);
        }
        return ResponseEntity.accepted().location(URI.create("/api/admin/projections/" + name)).body(status(name));
    }

    @GetMapping("/{name}/dead-letters")
    @Operation(summary = "The events a view set aside because it failed on them (admins only)",
            description = "Each with its negotiation, whose later events wait behind it, and the cause.")
    DeadLetterList deadLetters(@PathVariable String name) {
        known(name);
        deadLetters.refresh();
        return new DeadLetterList(name, deadLetters.count(name), deadLetters.letters(name, LETTERS_SHOWN));
    }

    @PostMapping("/{name}/dead-letters/retry")
    @Operation(summary = "Hand a view's set-aside events to it again, negotiation by negotiation",
            description = "A negotiation whose first waiting event fails again stays set aside.")
    RetryResult retryDeadLetters(@PathVariable String name) {
        known(name);
        int cleared = deadLetters.retry(name);
        return new RetryResult(name, cleared, deadLetters.count(name));
    }

    private ViewStatus status(String name) {
        ViewStatus status = views.status(name, replays.state(name).orElse(null));
        return isAdmin() ? status : status.forReaders();
    }

    private static boolean isAdmin() {
        Authentication user = SecurityContextHolder.getContext().getAuthentication();
        return user != null && user.getAuthorities().stream()
                .anyMatch(authority -> authority.getAuthority().equals("ROLE_ADMIN"));
    }

    private String known(String name) {
        if (!views.names().contains(name)) {
            throw new ProblemException(ProblemType.NOT_FOUND, "there is no view named '" + name + "'; the views are "
                    + views.names()).with("projection", name);
        }
        return name;
    }
}
