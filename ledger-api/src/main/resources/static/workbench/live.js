// Live: the ledger's event stream (Server-Sent Events) for one negotiation, from the position the
// page was drawn at. Events from any node arrive; the browser reconnects by itself and resumes
// from the last event's cursor. Events that come close together are answered once.

// The stream names each event by its type (SSE's event field); an EventSource hears a named event
// only where it listens for that name. Every type the ledger stores (a test keeps the list whole):
export const EVENT_TYPES = [
    'AccountRecorded', 'AccountRetracted', 'AgreementSigned', 'BodyCreated', 'BodyDissolved',
    'CorroborationRetracted', 'DelegateRegistered', 'DelegateTitleChanged', 'ExchangeAgreed',
    'ExchangeCompleted', 'ExchangeExecutionRecorded', 'ExchangeProposed', 'MeetingCorroborated', 'MeetingHeld',
    'MeetingRetracted', 'NegotiationClosed', 'NegotiationOpened', 'OutcomeRecorded', 'OutcomeRetracted',
    'OutcomeStatusRecorded', 'PackageProposed', 'PartyLeft', 'PartyRegistered', 'PartyRoleChanged',
    'StatementCorrected', 'StatementRecorded', 'StatementRetracted', 'TopicAdded'
];

/** Calls onEvent (at most every half second, with the latest event) until the returned function is called. */
export function follow(negotiationId, after, onEvent) {
    const query = new URLSearchParams({negotiationId, after: String(after)});
    const stream = new EventSource(`/api/events?${query}`);
    let waiting = null;
    let latest = null;
    const heard = message => {
        latest = JSON.parse(message.data);
        if (!waiting) {
            waiting = setTimeout(() => {
                waiting = null;
                onEvent(latest);
            }, 500);
        }
    };
    EVENT_TYPES.forEach(type => stream.addEventListener(type, heard));
    return () => {
        clearTimeout(waiting);
        stream.close();
    };
}
