import {get} from './api.js';
import {clear, day, h, instant, words} from './dom.js';
import {copyLinkButton, csvLink} from './share.js';

// The positions matrix as a heatmap (parties × topics, each stance its own colour and symbol, each
// cell also writing its stance), one grid the arrow keys move in; filters, an order and a compact
// mode for large negotiations; the cells that changed since a day of comparison marked with what
// they were; and the statement behind a chosen cell with every version of the party's statements
// on that topic.

/** Each stance its own symbol, so that the heatmap reads without colour as well. */
export const STANCES = {
    SUPPORTS: {symbol: '▲', note: 'supports'},
    PROPOSES: {symbol: '◆', note: 'proposes'},
    DEMANDS: {symbol: '■', note: 'demands'},
    CONDITIONAL: {symbol: '◐', note: 'conditional'},
    UNDECIDED: {symbol: '●', note: 'undecided'},
    OPPOSES: {symbol: '▼', note: 'opposes'},
    REJECTS: {symbol: '✖', note: 'rejects'}
};
const SORTS = {'': 'as recorded', name: 'by name', stance: 'most favourable first'};

export async function showPositions(panel, context, current) {
    const {state} = context;
    // The day compared with and the day shown, the earlier first; without a day shown, today.
    const [from, to] = state.asOf && state.compare > state.asOf ? [state.asOf, state.compare]
        : [state.compare, state.asOf];
    // The matrix and the comparison are asked for together.
    const [matrix, changes] = await Promise.all([get(context.path('/positions'), context.coded()),
        state.compare ? get(context.path('/changes'), {from, to, knownAt: state.knownAt,
            machineCoded: state.machineCoded, waitFor: context.waitFor}).then(answer => answer.changes) : null]);
    const history = state.party && state.topic ? await get(context.path(
        `/positions/${encodeURIComponent(state.party)}/${encodeURIComponent(state.topic)}/history`), context.coded()) : null;
    const meetings = history && history.entries.some(entry => entry.meetingId)
        ? (await get(context.path('/meetings'), context.times())).meetings : [];
    if (!current()) {
        return; // a later move of the controls asked again
    }
    // A cell that had the focus keeps it when the matrix is drawn again.
    const focused = document.activeElement && panel.contains(document.activeElement)
        ? document.activeElement.closest('td[data-party]') : null;
    const matrixArea = h('div', {id: 'matrix'});
    const cellArea = h('div', {id: 'cell', 'aria-live': 'polite'});
    const comparison = changes ? {from, to, changes} : null;
    renderMatrix(matrixArea, matrix, comparison, context);
    if (history) {
        const amend = context.session.role !== 'READER' && context.summary.status !== 'CLOSED'
            ? statementId => context.change({tab: 'record', statement: statementId}) : null;
        renderCell(cellArea, matrix, history, meetings, state, amend, csvLink('history-csv', 'History as CSV',
            context.path(`/positions/${encodeURIComponent(state.party)}/${encodeURIComponent(state.topic)}/history.csv`),
            {asOf: state.asOf, knownAt: state.knownAt, machineCoded: state.machineCoded}));
    } else {
        clear(cellArea, h('p', {class: 'quiet'}, 'Choose a cell to see the statement behind it and its history.'));
    }
    clear(panel, toolbar(context, comparison), matrixArea, cellArea);
    if (focused) {
        const again = matrixArea.querySelector(`td[data-party="${CSS.escape(focused.dataset.party)}"]`
            + `[data-topic="${CSS.escape(focused.dataset.topic)}"] button`);
        if (again) {
            again.focus();
        }
    }
    performance.mark('workbench:positions');
}

/** Filters, order, compact mode and what can be taken away. */
function toolbar(context, comparison) {
    const {state} = context;
    const filter = (id, label, name) => [h('label', {for: id}, label),
        h('input', {id, type: 'search', value: state[name], placeholder: 'part of a name', size: 12,
            onchange: event => context.change({[name]: event.target.value.trim()})})];
    const reads = {asOf: state.asOf, knownAt: state.knownAt, machineCoded: state.machineCoded};
    return h('div', {class: 'toolbar', role: 'group', 'aria-label': 'Matrix'},
        h('span', {class: 'tool'}, filter('filter-parties', 'Parties', 'parties')),
        h('span', {class: 'tool'}, filter('filter-topics', 'Topics', 'topics')),
        h('span', {class: 'tool'}, h('label', {for: 'sort'}, 'Order parties'),
            h('select', {id: 'sort', onchange: event => context.change({sort: event.target.value})},
                Object.entries(SORTS).map(([value, label]) => h('option', {value, selected: state.sort === value}, label)))),
        h('span', {class: 'tool'}, h('input', {id: 'compact', type: 'checkbox', checked: state.compact === '1',
            onchange: event => context.change({compact: event.target.checked ? '1' : ''})}),
            h('label', {for: 'compact'}, 'Compact')),
        h('span', {class: 'tool'},
            csvLink('matrix-csv', 'Matrix as CSV', context.path('/positions.csv'), reads),
            comparison ? csvLink('changes-csv', 'Changes as CSV', context.path('/changes.csv'),
                {from: comparison.from, to: comparison.to, knownAt: state.knownAt, machineCoded: state.machineCoded}) : null,
            h('button', {type: 'button', id: 'print', onclick: () => window.print()}, 'Print')),
        copyLinkButton(context.link));
}

function renderMatrix(area, matrix, comparison, context) {
    const {state} = context;
    const cells = new Map(matrix.positions.map(p => [`${p.partyId}/${p.topicId}`, p]));
    const changed = new Map((comparison ? comparison.changes : []).map(c => [`${c.partyId}/${c.topicId}`, c]));
    const parties = ordered(matrix.parties.filter(party => matches(party.name, state.parties)), matrix, state.sort);
    const topics = matrix.topics.filter(topic => matches(topic.title, state.topics));
    const caption = `Positions ${matrix.asOf ? `as of ${day(matrix.asOf)}` : 'today'}`
        + (matrix.knownAt ? `, as known at ${instant(matrix.knownAt)}` : '')
        + (comparison ? `; changes since ${day(comparison.from)} marked` : '');
    const table = h('table', {class: `heatmap${state.compact ? ' compact' : ''}`, role: 'grid',
            'aria-labelledby': 'matrix-heading', onkeydown: event => move(event, table)},
        h('caption', {id: 'matrix-heading'}, caption),
        h('thead', {}, h('tr', {}, h('td', {class: 'corner'}), topics.map(topic =>
            h('th', {scope: 'col', dataset: {topic: topic.id}}, topic.title)))),
        h('tbody', {}, parties.map(party => h('tr', {},
            h('th', {scope: 'row', dataset: {party: party.id}}, party.name,
                h('span', {class: 'role'}, words(party.role))),
            topics.map(topic => cell(cells.get(`${party.id}/${topic.id}`), changed.get(`${party.id}/${topic.id}`),
                party, topic, state, (p, t) => context.change({party: p, topic: t}), context.unverified))))));
    // One tab stop for the whole grid: the open cell, or the first.
    const stops = table.querySelectorAll('td[data-party] button');
    const open = table.querySelector('td.chosen button') || stops[0];
    if (open) {
        open.tabIndex = 0;
    }
    const legend = h('ul', {class: 'legend', 'aria-label': 'Legend'},
        Object.entries(STANCES).map(([stance, {symbol, note}]) =>
            h('li', {class: `stance-${stance.toLowerCase()}`}, `${symbol} ${note}`)),
        h('li', {class: 'lapsed'}, 'lapsed: a proposal past its deadline'),
        context.unverified && context.unverified.size ? h('li', {class: 'unverified-key'},
            '✘ unverified: recorded where the hash chain is broken, or after') : null,
        comparison ? h('li', {class: 'changed-key'}, 'outlined: changed since the day compared') : null);
    const hidden = matrix.parties.length - parties.length + matrix.topics.length - topics.length;
    const outcomes = matrix.outcomes.length ? h('ul', {class: 'outcomes'}, matrix.outcomes.map(outcome =>
        h('li', {}, h('strong', {}, `${topicTitle(matrix, outcome.topicId)}: ${words(outcome.kind)}`),
            ` on ${day(outcome.reachedOn)}${outcome.status ? ` (${words(outcome.status)})` : ''} — ${outcome.terms}`))) : null;
    clear(area, matrix.parties.length && matrix.topics.length
        ? [hidden ? h('p', {class: 'quiet', id: 'filtered'}, `${parties.length} of ${matrix.parties.length} parties, `
                + `${topics.length} of ${matrix.topics.length} topics shown`) : null,
            h('div', {class: 'grid-box'}, table), legend,
            comparison ? changeList(comparison, matrix) : null,
            outcomes ? h('h2', {}, 'Outcomes') : null, outcomes]
        : h('p', {class: 'quiet'}, 'Nothing recorded by this day.'));
}

function matches(name, filter) {
    return !filter || name.toLocaleLowerCase().includes(filter.toLocaleLowerCase());
}

function ordered(parties, matrix, sort) {
    if (sort === 'name') {
        return [...parties].sort((a, b) => a.name.localeCompare(b.name));
    }
    if (sort === 'stance') {
        const mean = party => {
            const scores = matrix.positions.filter(p => p.partyId === party.id).map(p => p.score);
            return scores.length ? scores.reduce((a, b) => a + b, 0) / scores.length : -Infinity;
        };
        return [...parties].sort((a, b) => mean(b) - mean(a));
    }
    return parties;
}

/** Arrow keys, Home and End move between the cells of the grid; Enter and Space open one. */
function move(event, table) {
    const here = event.target.closest('td[data-party]');
    if (!here) {
        return;
    }
    const rows = [...table.tBodies[0].rows];
    let row = rows.indexOf(here.parentElement);
    let column = [...here.parentElement.cells].indexOf(here);
    const last = here.parentElement.cells.length - 1;
    switch (event.key) {
        case 'ArrowRight': column = Math.min(last, column + 1); break;
        case 'ArrowLeft': column = Math.max(1, column - 1); break;
        case 'ArrowDown': row = Math.min(rows.length - 1, row + 1); break;
        case 'ArrowUp': row = Math.max(0, row - 1); break;
        case 'Home': column = 1; if (event.ctrlKey) { row = 0; } break;
        case 'End': column = last; if (event.ctrlKey) { row = rows.length - 1; } break;
        default: return;
    }
    event.preventDefault();
    const target = rows[row].cells[column].querySelector('button');
    table.querySelectorAll('td[data-party] button').forEach(button => { button.tabIndex = -1; });
    target.tabIndex = 0;
    target.focus();
}

function cell(position, change, party, topic, state, openCell, unverified) {
    const chosen = state.party === party.id && state.topic === topic.id;
    const open = h('button', {type: 'button', tabindex: '-1', 'aria-pressed': chosen ? 'true' : 'false',
        title: position ? position.summary : null, onclick: () => openCell(party.id, topic.id)});
    const was = change ? h('span', {class: 'was'}, `was ${change.before ? words(change.before.stance) : 'no position'}`)
        : null;
    const marks = `${chosen ? ' chosen' : ''}${change ? ' changed' : ''}`;
    const data = {party: party.id, topic: topic.id, changed: change ? 'true' : null};
    if (!position) {
        open.append(...[h('span', {'aria-hidden': 'true'}, '·'), was,
            h('span', {class: 'visually-hidden'}, `${party.name} on ${topic.title}: no position`)].filter(Boolean));
        return h('td', {class: `empty${marks}`, dataset: {...data, stance: ''}}, open);
    }
    const lapsed = position.kind === 'LAPSED';
    // A statement from where the hash chain breaks on may show what someone altered in the store.
    const doubtful = unverified && unverified.has(position.statementId);
    open.append(...[
        h('span', {class: 'symbol', 'aria-hidden': 'true'}, STANCES[position.stance].symbol),
        h('span', {class: 'stance'}, words(position.stance)),
        doubtful ? h('span', {class: 'kind unverified'}, '✘ unverified') : null,
        lapsed ? h('span', {class: 'kind'}, 'lapsed') : null,
        position.kind === 'CORRECTED' ? h('span', {class: 'kind'}, 'corrected') : null,
        position.machineCoded ? h('span', {class: 'kind'}, 'machine-coded') : null,
        was,
        h('span', {class: 'visually-hidden'}, ` — ${party.name} on ${topic.title}`)].filter(Boolean));
    return h('td', {class: `stance-${position.stance.toLowerCase()}${lapsed ? ' lapsed' : ''}${marks}`
            + (doubtful ? ' unverified' : ''),
        dataset: {...data, stance: position.stance, kind: position.kind, unverified: doubtful ? 'true' : null,
            statement: position.statementId, revision: String(position.revision),
            coded: position.machineCoded ? 'true' : 'false'}}, open);
}

/** The cells that changed between the two days, before → after, in words. */
function changeList(comparison, matrix) {
    const partyName = id => (matrix.parties.find(p => p.id === id) || {name: id}).name;
    const stance = position => position ? words(position.kind === 'LAPSED' ? 'lapsed' : position.stance) : 'no position';
    return h('section', {id: 'changes', 'aria-labelledby': 'changes-heading'},
        h('h2', {id: 'changes-heading'}, `Changed between ${day(comparison.from)} and `
            + `${comparison.to ? day(comparison.to) : 'today'}`),
        comparison.changes.length
            ? h('ul', {}, comparison.changes.map(change => h('li', {dataset: {party: change.partyId, topic: change.topicId}},
                h('strong', {}, `${partyName(change.partyId)} on ${topicTitle(matrix, change.topicId)}: `),
                `${stance(change.before)} → ${stance(change.after)}`)))
            : h('p', {class: 'quiet'}, 'No position changed between these days.'));
}

function topicTitle(matrix, topicId) {
    return (matrix.topics.find(topic => topic.id === topicId) || {title: topicId}).title;
}

/** The statement behind the chosen cell, and every version of the party's statements on the topic. */
function renderCell(area, matrix, history, meetings, state, amend, download) {
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
            : h('p', {class: 'quiet'}, 'No position on this day.'),
            deciding && amend ? h('p', {}, h('button', {type: 'button', id: 'amend',
                onclick: () => amend(deciding.statementId)}, 'Correct or retract this statement')) : null),
        h('div', {}, h('h3', {}, 'History'), h('p', {}, download),
            history.entries.length
                ? h('ol', {id: 'history', class: 'history'}, history.entries.map(entry => version(entry)))
                : h('p', {class: 'quiet'}, 'No statements by this day.')));
}

function statement(entry, position, delegates, rounds, parties) {
    const meeting = entry.meetingId ? rounds.get(entry.meetingId) : null;
    const delegate = entry.delegateId ? delegates.get(entry.delegateId) : null;
    return h('article', {id: 'statement', class: `statement stance-${entry.stance.toLowerCase()}`},
        h('p', {class: 'stance-line'}, h('span', {'aria-hidden': 'true'}, `${STANCES[entry.stance].symbol} `),
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
    // Not a landmark: a page lists many records, each with its sources.
    return h('div', {class: 'sources'}, h('h3', {}, heading), all.map(source));
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
