package org.negotiationledger.api.security;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Set;
import java.util.stream.Collectors;

/** Who is asking, and with which role: what the workbench shows and offers depends on it. */
@RestController
@Tag(name = "Session", description = "Who is signed in")
class SessionController {

    /** The signed-in user and the role that decides what they may do. */
    record SessionUser(String user, String role) {
    }

    @GetMapping("/api/session")
    @Operation(summary = "Who is signed in",
            description = "The user the request is authenticated as (by HTTP Basic or the workbench's session) and "
                    + "their role: READER, RECORDER or ADMIN.")
    SessionUser session(Authentication authentication) {
        Set<String> authorities = authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .collect(Collectors.toSet());
        Role role = Arrays.stream(Role.values()).filter(r -> authorities.contains(r.authority()))
                .max(Comparator.naturalOrder()).orElse(Role.READER);
        return new SessionUser(authentication.getName(), role.name());
    }
}
