import {get} from './api.js';
import {clear, day, h, instant, words} from './dom.js';

// The positions matrix as a heatmap (parties × topics, coloured by stance score, each cell also
// writing its stance and showing a symbol), and the statement behind a chosen cell with every
// version of the party's statements on that topic.

/** A symbol for each stance score, so that the heatmap reads without colour as well. */
export const SYMBOLS = {2: '▲▲', 1: '▲', 0: '●', '-1': '▼', '-2': '▼▼'};
const LEGEND = {2: 'supports, proposes, demands', 1: 'conditional', 0: 'undecided', '-1': 'opposes', '-2': 'rejects'};

export async function showPositions(panel, context, current) {
    const {state} = context;
    const matrix = await get(context.path('/positions'), context.coded());
    const history = state.party && state.topic ? await get(context.path(
        `/positions/${encodeURIComponent(state.party)}/${encodeURIComponent(state.topic)}/history`), context.coded()) : null;
    const meetings = history && history.entries.some(entry => entry.meetingId)
        ? (await get(context.path('/meetings'), context.times())).meetings : [];
    if (!current()) {
        return; // a later move of the controls asked again
    }
    const matrixArea = h('div', {id: 'matrix'});
    const cellArea = h('div', {id: 'cell', 'aria-live': 'polite'});
    renderMatrix(matrixArea, matrix, state, (party, topic) => context.change({party, topic}));
    if (history) {
        renderCell(cellArea, matrix, history, meetings, state);
    } else {
        clear(cellArea, h('p', {class: 'quiet'}, 'Choose a cell to see the statement behind it and its history.'));
    }
    clear(panel, matrixArea, cellArea);
    performance.mark('workbench:positions');
}

function renderMatrix(area, matrix, state, openCell) {
    const cells = new Map(matrix.positions.map(p => [`${p.partyId}/${p.topicId}`, p]));
    const table = h('table', {class: 'heatmap'},
        h('caption', {id: 'matrix-heading'}, `Positions ${matrix.asOf ? `as of ${day(matrix.asOf)}` : 'today'}`
            + (matrix.knownAt ? `, as known at ${instant(matrix.knownAt)}` : '')),
        h('thead', {}, h('tr', {}, h('td'), matrix.topics.map(topic =>
            h('th', {scope: 'col', dataset: {topic: topic.id}}, topic.title)))),
        h('tbody', {}, matrix.parties.map(party => h('tr', {},
            h('th', {scope: 'row', dataset: {party: party.id}}, party.name,
                h('span', {class: 'role'}, words(party.role))),
            matrix.topics.map(topic => cell(cells.get(`${party.id}/${topic.id}`), party, topic, state, openCell))))));
    const legend = h('ul', {class: 'legend', 'aria-label': 'Legend'},
        [2, 1, 0, -1, -2].map(score => h('li', {class: `score-${score}`}, `${SYMBOLS[score]} ${LEGEND[score]}`)),
        h('li', {class: 'lapsed'}, 'lapsed: a proposal past its deadline'));
    const outcomes = matrix.outcomes.length ? h('ul', {class: 'outcomes'}, matrix.outcomes.map(outcome =>
        h('li', {}, h('strong', {}, `${topicTitle(matrix, outcome.topicId)}: ${words(outcome.kind)}`),
            ` on ${day(outcome.reachedOn)}${outcome.status ? ` (${words(outcome.status)})` : ''} — ${outcome.terms}`))) : null;
    clear(area, matrix.parties.length && matrix.topics.length
        ? [table, legend, outcomes ? h('h2', {}, 'Outcomes') : null, outcomes]
        : h('p', {class: 'quiet'}, 'Nothing recorded by this day.'));
}

function cell(position, party, topic, state, openCell) {
    const chosen = state.party === party.id && state.topic === topic.id;
    const open = h('button', {type: 'button', 'aria-pressed': chosen ? 'true' : 'false',
        title: position ? position.summary : null, onclick: () => openCell(party.id, topic.id)});
    if (!position) {
        open.append(h('span', {'aria-hidden': 'true'}, '·'),
            h('span', {class: 'visually-hidden'}, `${party.name} on ${topic.title}: no position`));
        return h('td', {class: `empty${chosen ? ' chosen' : ''}`, dataset: {party: party.id, topic: topic.id, stance: ''}},
            open);
    }
    const lapsed = position.kind === 'LAPSED';
    open.append(...[
        h('span', {class: 'symbol', 'aria-hidden': 'true'}, SYMBOLS[position.score]),
        h('span', {class: 'stance'}, words(position.stance)),
        lapsed ? h('span', {class: 'kind'}, 'lapsed') : null,
        position.kind === 'CORRECTED' ? h('span', {class: 'kind'}, 'corrected') : null,
        position.machineCoded ? h('span', {class: 'kind'}, 'machine-coded') : null,
        h('span', {class: 'visually-hidden'}, ` — ${party.name} on ${topic.title}`)].filter(Boolean));
    return h('td', {class: `score-${position.score}${lapsed ? ' lapsed' : ''}${chosen ? ' chosen' : ''}`,
        dataset: {party: party.id, topic: topic.id, stance: position.stance, kind: position.kind,
            statement: position.statementId, revision: String(position.revision),
            coded: position.machineCoded ? 'true' : 'false'}}, open);
}

function topicTitle(matrix, topicId) {
    return (matrix.topics.find(topic => topic.id === topicId) || {title: topicId}).title;
}

/** The statement behind the chosen cell, and every version of the party's statements on the topic. */
function renderCell(area, matrix, history, meetings, state) {
    const party = matrix.parties.find(p => p.id === state.party) || {id: state.party, name: state.party};
    const topic = matrix.topics.find(t => t.id === state.topic) || {id: state.topic, title: state.topic};
    const position = matrix.positions.find(p => p.partyId === party.id && p.topicId === topic.id);
    const deciding = position && history.entries.find(entry =>
        entry.statementId === position.statementId && entry.revision === position.revision);
    const delegates = new Map(matrix.delegates.map(d => [d.id, d]));
    const rounds = new Map(meetings.map(meeting => [meeting.id, meeting]));
    clear(area,
        h('h2', {id: 'cell-heading'}, `${party.name} on ${topic.title}`),
        h('div', {}, deciding ? statement(deciding, position, delegates, rounds, matrix.parties)
            : h('p', {class: 'quiet'}, 'No position on this day.')),
        h('div', {}, h('h3', {}, 'History'),
            history.entries.length
                ? h('ol', {id: 'history', class: 'history'}, history.entries.map(entry => version(entry)))
                : h('p', {class: 'quiet'}, 'No statements by this day.')));
}

function statement(entry, position, delegates, rounds, parties) {
    const meeting = entry.meetingId ? rounds.get(entry.meetingId) : null;
    const delegate = entry.delegateId ? delegates.get(entry.delegateId) : null;
    return h('article', {id: 'statement', class: `statement score-${entry.score}`},
        h('p', {class: 'stance-line'}, h('span', {'aria-hidden': 'true'}, `${SYMBOLS[entry.score]} `),
            h('strong', {}, words(position.kind === 'LAPSED' ? 'lapsed' : entry.stance)),
            ` · effective ${day(entry.effectiveOn)}`, entry.validUntil ? ` · valid until ${day(entry.validUntil)}` : ''),
        h('p', {class: 'summary'}, entry.summary),
        entry.conditions ? h('p', {}, h('strong', {}, 'Conditions: '), entry.conditions) : null,
        entry.offer ? h('p', {}, h('strong', {}, 'Offer: '), offerText(entry.offer)) : null,
        h('dl', {},
            entry.delegateId ? [h('dt', {}, 'Delegate'), h('dd', {}, delegate ? delegate.name : entry.delegateId,
                entry.delegateTitle ? `, ${entry.delegateTitle}` : '')] : null,
            entry.meetingId ? [h('dt', {}, 'Meeting'), h('dd', {}, meeting
                ? `${meeting.location || entry.meetingId}, ${day(meeting.heldOn)} (${words(meeting.level)})` : entry.meetingId)] : null,
            entry.note ? [h('dt', {}, 'Note'), h('dd', {}, entry.note)] : null,
            [h('dt', {}, 'Statement'), h('dd', {}, `${entry.statementId}, version ${entry.revision}`)],
            [h('dt', {}, 'Recorded'), h('dd', {}, instant(entry.recordedAt))]),
        sources(entry),
        entry.coding ? coding(entry.coding, parties) : null);
}

/** What a machine coded, for a record brought in from event data: every field of its rows. */
export function coding(coded, parties) {
    const target = parties.find(party => party.id === coded.targetPartyId);
    const DATASETS = {gdelt1: 'GDELT 1.0', gdelt2: 'GDELT 2.0', icews: 'ICEWS'};
    const actors = list => list.map(actor => [actor.name, actor.code, actor.country,
        actor.sectors.length ? actor.sectors.join(', ') : null,
        actor.groups.length ? actor.groups.join(', ') : null].filter(Boolean).join(' · ')).join('; ');
    const shown = 10;
    return h('section', {class: 'coding', 'aria-label': 'Machine-coded'},
        h('h3', {}, `Machine-coded by ${DATASETS[coded.dataset] || coded.dataset}`),
        h('dl', {},
            [h('dt', {}, 'CAMEO code'), h('dd', {}, coded.cameoCode)],
            coded.quadClass != null ? [h('dt', {}, 'QuadClass'), h('dd', {}, String(coded.quadClass))] : null,
            coded.goldstein != null ? [h('dt', {}, 'Goldstein'), h('dd', {}, String(coded.goldstein))] : null,
            coded.tone != null ? [h('dt', {}, 'Tone'), h('dd', {}, String(coded.tone))] : null,
            [h('dt', {}, 'Reports'), h('dd', {}, [`${coded.mentions ?? '?'} mentions`,
                coded.sources != null ? `${coded.sources} sources` : null,
                coded.articles != null ? `${coded.articles} articles` : null].filter(Boolean).join(', '))],
            [h('dt', {}, 'Actors as coded'), h('dd', {}, actors(coded.actors))],
            [h('dt', {}, 'Towards'), h('dd', {}, `${target ? target.name : coded.targetPartyId}: ${actors(coded.targets)}`)],
            coded.place ? [h('dt', {}, 'Where'), h('dd', {}, coded.place
                + (coded.latitude != null ? ` (${coded.latitude}, ${coded.longitude})` : ''))] : null,
            [h('dt', {}, 'Rows'), h('dd', {}, coded.eventIds.join(', '))],
            coded.publishers.length ? [h('dt', {}, 'Publishers'), h('dd', {}, coded.publishers.join(', '))] : null,
            coded.stories.length ? [h('dt', {}, 'Stories'), h('dd', {}, coded.stories.join(', '))] : null,
            [h('dt', {}, 'Batch'), h('dd', {}, coded.batchId)]),
        coded.urls.length ? h('ul', {class: 'urls'},
            coded.urls.slice(0, shown).map(url => h('li', {}, h('a', {href: url, rel: 'noopener noreferrer', target: '_blank'}, url))),
            coded.urls.length > shown ? h('li', {class: 'quiet'}, `and ${coded.urls.length - shown} more`) : null) : null);
}

/** Every report of a record, and how many independent publishers they come from. */
export function sources(record) {
    const all = record.sources || [];
    if (!all.length) {
        return null;
    }
    const heading = all.length === 1 ? 'Source'
        : `${all.length} sources from ${record.publishers} independent publisher${record.publishers === 1 ? '' : 's'}`;
    return h('section', {class: 'sources', 'aria-label': 'Sources'}, h('h3', {}, heading), all.map(source));
}

/** The Admiralty grades, in words. */
const RELIABILITY = {A: 'completely reliable', B: 'usually reliable', C: 'fairly reliable',
    D: 'not usually reliable', E: 'unreliable', F: 'reliability cannot be judged'};
const CREDIBILITY = {1: 'confirmed', 2: 'probably true', 3: 'possibly true', 4: 'doubtful', 5: 'improbable',
    6: 'truth cannot be judged'};

export function source(src) {
    const grade = [src.reliability ? `${src.reliability}: ${RELIABILITY[src.reliability]}` : null,
        src.credibility ? `${src.credibility}: ${CREDIBILITY[src.credibility]}` : null].filter(Boolean).join(', ');
    return h('figure', {class: 'source'},
        src.quote ? h('blockquote', {lang: src.language || null}, src.quote) : null,
        h('figcaption', {},
            src.url ? h('a', {href: src.url, rel: 'noopener noreferrer', target: '_blank'}, src.title || src.publisher || src.url)
                : h('cite', {lang: src.language || null}, src.title || src.publisher || ''),
            src.publisher && src.title ? `, ${src.publisher}` : '',
            src.publishedOn ? `, ${day(src.publishedOn)}` : '',
            grade ? h('span', {class: 'grade'}, ` (graded ${grade})`) : ''));
}

function version(entry) {
    return h('li', {class: `version kind-${entry.kind.toLowerCase()}${entry.superseded ? ' superseded' : ''}`,
            dataset: {statement: entry.statementId, revision: String(entry.revision), kind: entry.kind}},
        h('p', {}, h('strong', {}, `${words(entry.kind)}${entry.stance ? ` · ${words(entry.stance)}` : ''}`),
            ` · effective ${day(entry.effectiveOn)} · recorded ${instant(entry.recordedAt)}`,
            entry.superseded ? h('span', {class: 'tag'}, `superseded${entry.supersededAt ? ` at ${instant(entry.supersededAt)}` : ''}`) : null,
            entry.machineCoded ? h('span', {class: 'tag'}, `machine-coded (${entry.coding.cameoCode})`) : null),
        h('p', {}, entry.superseded ? h('del', {}, entry.summary) : entry.summary),
        entry.reason ? h('p', {class: 'reason'}, h('strong', {}, 'Reason: '), entry.reason) : null);
}

export function offerText(offer) {
    const amount = offer.value != null ? `${offer.value}` : `${offer.min ?? '…'}–${offer.max ?? '…'}`;
    return offer.unit ? `${amount} ${offer.unit}` : amount;
}
