// Live: the ledger's event stream (Server-Sent Events) for one negotiation, from the position the
// page was drawn at. Events from any node arrive; the browser reconnects by itself and resumes
// from the last event's cursor. Events that come close together are answered once.

/** Calls onEvent (at most every half second, with the latest event) until the returned function is called. */
export function follow(negotiationId, after, onEvent) {
    const query = new URLSearchParams({negotiationId, after: String(after)});
    const stream = new EventSource(`/api/events?${query}`);
    let waiting = null;
    let latest = null;
    stream.onmessage = message => {
        latest = JSON.parse(message.data);
        if (!waiting) {
            waiting = setTimeout(() => {
                waiting = null;
                onEvent(latest);
            }, 500);
        }
    };
    return () => {
        clearTimeout(waiting);
        stream.close();
    };
}
