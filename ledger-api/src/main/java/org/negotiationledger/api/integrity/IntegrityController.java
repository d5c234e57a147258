package org.negotiationledger.api.integrity;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.negotiationledger.api.problems.ProblemException;
import org.negotiationledger.api.problems.ProblemType;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

/** Proves that nobody rewrote a negotiation's history: verify its hash chain, keep a checkpoint. */
@RestController
@Tag(name = "Integrity", description = "The hash chain of each negotiation's events")
class IntegrityController {

    private static final Pattern HASH = Pattern.compile("[0-9a-f]{64}");

    private final ChainVerifier verifier;
    private final ObjectMapper json;
    private final Clock clock;

    IntegrityController(ChainVerifier verifier, ObjectMapper json, Clock clock) {
        this.verifier = verifier;
        this.json = json;
        this.clock = clock;
    }

    @GetMapping("/api/negotiations/{negotiationId}/verify")
    @Operation(summary = "Recompute a negotiation's hash chain from the stored events",
            description = "Intact: the head hash and the number of events. Broken: the first event that no longer "
                    + "matches and why. With sequence and hash of a kept checkpoint, also proves that the history "
                    + "up to it is unchanged.")
    Verification verify(@PathVariable String negotiationId, @RequestParam(required = false) Long sequence,
                        @RequestParam(required = false) String hash) {
        ChainVerifier.Kept kept = null;
        if (sequence != null || hash != null) {
            if (sequence == null || sequence < 0) {
                throw ProblemException.invalidParameter("sequence", "must be the sequence of a kept checkpoint");
            }
            if (hash == null || !HASH.matcher(hash).matches()) {
                throw ProblemException.invalidParameter("hash", "must be the 64 hex digits of a kept checkpoint");
            }
            kept = new ChainVerifier.Kept(sequence, hash);
        }
        return verifier.verify(negotiationId, kept)
                .orElseThrow(() -> ProblemException.unknownNegotiation(negotiationId));
    }

    @GetMapping("/api/negotiations/{negotiationId}/checkpoint")
    @Operation(summary = "The head of a negotiation's verified hash chain, to keep elsewhere",
            description = "Kept outside the ledger, its sequence and hash let verify prove later that the history "
                    + "up to it was not rewritten or cut; 409 when the chain is broken now.")
    Checkpoint checkpoint(@PathVariable String negotiationId) {
        Verification verification = verifier.verify(negotiationId)
                .orElseThrow(() -> ProblemException.unknownNegotiation(negotiationId));
        if (!verification.intact()) {
            throw new ProblemException(ProblemType.CHAIN_BROKEN, "negotiation '" + negotiationId + "' fails "
                    + "verification at sequence " + verification.firstBroken().sequence() + ": "
                    + verification.firstBroken().detail()).with("firstBroken", verification.firstBroken());
        }
        return new Checkpoint(negotiationId, verification.headSequence(), verification.headHash(),
                verification.events(), clock.instant());
    }

    @GetMapping(value = "/api/verify", produces = "application/x-ndjson")
    @Operation(summary = "Verify every negotiation, streaming one JSON line each, then a summary line",
            description = "Each line as the verify of one negotiation answers; the last counts the intact and the "
                    + "broken. docs/integrity.md specifies the hashes.")
    ResponseEntity<StreamingResponseBody> verifyAll() {
        StreamingResponseBody body = out -> {
            AtomicLong intact = new AtomicLong();
            AtomicLong broken = new AtomicLong();
            verifier.verifyAll(verification -> {
                (verification.intact() ? intact : broken).incrementAndGet();
                line(out, verification);
            });
            Map<String, Long> summary = new LinkedHashMap<>();
            summary.put("negotiations", intact.get() + broken.get());
            summary.put("intact", intact.get());
            summary.put("broken", broken.get());
            line(out, summary);
        };
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/x-ndjson")).body(body);
    }

    private void line(OutputStream out, Object value) {
        try {
            out.write(json.writeValueAsBytes(value));
            out.write('\n');
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
