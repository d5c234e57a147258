import {get} from './api.js';
import {csvLink} from './share.js';
import {clear, day, h, words} from './dom.js';
import {sources} from './positions.js';

// The timeline: meetings, exchanges (proposed, agreed, each stage carried out) and outcomes (and
// their later statuses), by effective day, as of the day and time chosen.

export async function showTimeline(panel, context, current) {
    const [meetings, exchanges, outcomes] = await Promise.all([
        get(context.path('/meetings'), context.times()),
        get(context.path('/exchanges'), context.times()),
        get(context.path('/outcomes'), context.coded())]);
    if (!current()) {
        return;
    }
    const names = new Map(context.summary.parties.map(party => [party.id, party.name]));
    const who = ids => (ids || []).map(id => names.get(id) || id).join(', ');
    const moments = [];
    for (const meeting of meetings.meetings) {
        moments.push({on: meeting.heldOn, kind: 'meeting', id: meeting.id,
            title: `Meeting${meeting.location ? ` in ${meeting.location}` : ''} (${words(meeting.level)})`
                + (meeting.retracted ? ' (retracted)' : ''),
            text: [who(meeting.partyIds), meeting.mediatorIds?.length ? `mediated by ${who(meeting.mediatorIds)}` : '',
                meeting.summary, meeting.coding ? 'machine-coded' : null,
                meeting.retracted ? `retracted: ${meeting.retractionReason}` : null].filter(Boolean).join(' · '),
            sourced: meeting});
    }
    for (const exchange of exchanges.exchanges) {
        const name = `${words(exchange.terms.kindText || exchange.terms.kind)} exchange ${exchange.id}`;
        const quantities = Object.entries(exchange.terms.quantities || {}).map(([party, n]) => `${n} by ${names.get(party) || party}`);
        moments.push({on: exchange.proposedOn, kind: 'exchange', id: exchange.id, title: `${name} proposed`,
            text: [exchange.terms.allForAll ? 'all for all' : quantities.join(', '), exchange.note].filter(Boolean).join(' · '),
            sourced: exchange});
        if (exchange.agreement) {
            moments.push({on: exchange.agreement.agreedOn, kind: 'exchange', id: exchange.id, title: `${name} agreed`,
                text: `by ${who(exchange.agreement.partyIds)}`, sourced: exchange.agreement});
        }
        for (const stage of exchange.stages || []) {
            const released = Object.entries(stage.released || {}).map(([party, n]) => `${names.get(party) || party} released ${n}`);
            const totals = Object.entries(stage.totals || {}).map(([party, n]) => `${names.get(party) || party} ${n}`);
            moments.push({on: stage.executedOn, kind: 'exchange', id: exchange.id,
                title: `${name}: stage ${stage.stage}${stage.completes ? ', completing it' : ''}`,
                text: [released.join(', '), `totals so far: ${totals.join(', ')}`, stage.note].filter(Boolean).join(' · '),
                sourced: stage});
        }
    }
    for (const outcome of outcomes.outcomes) {
        moments.push({on: outcome.reachedOn, kind: 'outcome', id: outcome.id,
            title: `Outcome: ${words(outcome.kind)}${outcome.retracted ? ' (retracted)' : ''}`,
            text: [outcome.terms, who(outcome.partyIds), outcome.coding ? 'machine-coded' : null,
                outcome.retracted ? `retracted: ${outcome.retractionReason}` : null].filter(Boolean).join(' · '),
            sourced: outcome});
        for (const status of outcome.statuses || []) {
            moments.push({on: status.since, kind: 'outcome', id: outcome.id,
                title: `Outcome ${words(status.status)}`, text: [outcome.terms, status.note].filter(Boolean).join(' · '),
                sourced: status});
        }
    }
    moments.sort((a, b) => a.on.localeCompare(b.on));
    const reads = {asOf: context.state.asOf, knownAt: context.state.knownAt};
    clear(panel, h('h2', {class: 'visually-hidden'}, 'Meetings, exchanges and outcomes by day'),
        h('p', {class: 'toolbar'},
            csvLink('meetings-csv', 'Meetings as CSV', context.path('/meetings.csv'), reads),
            csvLink('exchanges-csv', 'Exchanges as CSV', context.path('/exchanges.csv'), reads),
            csvLink('outcomes-csv', 'Outcomes as CSV', context.path('/outcomes.csv'),
                {...reads, machineCoded: context.state.machineCoded})),
        moments.length
        ? h('ol', {id: 'timeline', class: 'timeline'}, moments.map(moment =>
            h('li', {class: `moment ${moment.kind}`, dataset: {kind: moment.kind, id: moment.id, on: moment.on}},
                h('time', {datetime: moment.on}, day(moment.on)),
                h('span', {class: 'badge'}, moment.kind),
                h('div', {}, h('strong', {}, moment.title), h('p', {}, moment.text), sources(moment.sourced)))))
        : h('p', {class: 'quiet'}, 'No meetings, exchanges or outcomes by this day.'));
}
