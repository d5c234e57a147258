import {get} from './api.js';
import {clear, day, h, instant, words} from './dom.js';

// One negotiation: the positions matrix as a heatmap, moved by two times (the effective day
// asOf, and knownAt, what the ledger knew then), and the statement behind a cell with its history.

/** A symbol for each stance, so that the heatmap reads without colour as well. */
const SYMBOLS = {2: '▲▲', 1: '▲', 0: '●', '-1': '▼', '-2': '▼▼'};
const LATEST = 'latest';

export async function showNegotiation(main, session, id, params) {
    const summary = await get(`/api/negotiations/${encodeURIComponent(id)}`);
    const state = {
        asOf: params.get('asOf') || '',
        knownAt: params.get('knownAt') || '',
        party: params.get('party') || '',
        topic: params.get('topic') || ''
    };
    const days = dayRange(summary);

    const slider = h('input', {id: 'as-of', type: 'range', min: 0, max: days.length, step: 1,
        'aria-describedby': 'as-of-shown'});
    const asOfDate = h('input', {id: 'as-of-date', type: 'date', min: days[0], max: days[days.length - 1]});
    const asOfShown = h('output', {id: 'as-of-shown', for: 'as-of'});
    const knownAt = h('input', {id: 'known-at', type: 'datetime-local', step: 1});
    const knownAtNow = h('button', {type: 'button', id: 'known-at-now'}, 'Now');
    const matrixArea = h('section', {id: 'matrix', 'aria-labelledby': 'matrix-heading', 'aria-busy': 'true'});
    const cellArea = h('section', {id: 'cell', 'aria-live': 'polite'});

    clear(main,
        h('p', {class: 'crumbs'}, h('a', {href: '#/'}, 'Negotiations'), ' / ', summary.title),
        h('h1', {}, summary.title),
        h('p', {class: 'quiet'}, `${words(summary.status)} · opened ${day(summary.openedOn)}`
            + (summary.closedOn ? ` · closed ${day(summary.closedOn)}` : '')
            + ` · ${summary.counts.statements} statements, ${summary.counts.meetings} meetings, `
            + `${summary.counts.exchanges} exchanges, ${summary.counts.outcomes} outcomes`),
        h('fieldset', {class: 'times'},
            h('legend', {}, 'Time'),
            h('div', {class: 'time'},
                h('label', {for: 'as-of'}, 'As of (effective day)'), slider, asOfShown,
                h('label', {for: 'as-of-date', class: 'visually-hidden'}, 'As of, as a date'), asOfDate),
            h('div', {class: 'time'},
                h('label', {for: 'known-at'}, 'Known at (UTC)'), knownAt, knownAtNow)),
        matrixArea, cellArea);

    function syncControls() {
        const index = state.asOf ? days.indexOf(state.asOf) : -1;
        slider.value = index >= 0 ? index : (state.asOf && state.asOf < days[0] ? 0 : days.length);
        asOfDate.value = state.asOf;
        asOfShown.value = state.asOf ? day(state.asOf) : 'latest';
        slider.setAttribute('aria-valuetext', state.asOf ? day(state.asOf) : 'latest');
        knownAt.value = state.knownAt ? state.knownAt.substring(0, 19) : '';
    }

    function remember() {
        const query = new URLSearchParams(Object.entries(state).filter(([, value]) => value));
        const address = `#/negotiations/${encodeURIComponent(id)}${query.size ? `?${query}` : ''}`;
        if (location.hash !== address) {
            history.replaceState(null, '', address);
        }
    }

    let asked = 0;

    async function refresh() {
        syncControls();
        remember();
        const mine = ++asked;
        matrixArea.setAttribute('aria-busy', 'true');
        const times = {asOf: state.asOf, knownAt: state.knownAt};
        const matrix = await get(`/api/negotiations/${encodeURIComponent(id)}/positions`, times);
        if (mine !== asked) {
            return; // a later move of the controls asked again
        }
        renderMatrix(matrixArea, matrix, state, openCell);
        matrixArea.setAttribute('aria-busy', 'false');
        if (state.party && state.topic) {
            await renderCell(cellArea, id, matrix, state);
        } else {
            clear(cellArea, h('p', {class: 'quiet'}, 'Choose a cell to see the statement behind it and its history.'));
        }
    }

    function openCell(party, topic) {
        state.party = party;
        state.topic = topic;
        refresh();
    }

    slider.addEventListener('input', () => {
        state.asOf = Number(slider.value) >= days.length ? '' : days[Number(slider.value)];
        refresh();
    });
    asOfDate.addEventListener('change', () => {
        state.asOf = asOfDate.value;
        refresh();
    });
    knownAt.addEventListener('change', () => {
        state.knownAt = knownAt.value ? `${knownAt.value.length === 16 ? `${knownAt.value}:00` : knownAt.value}Z` : '';
        refresh();
    });
    knownAtNow.addEventListener('click', () => {
        state.knownAt = '';
        refresh();
    });
    await refresh();
}

/** Every day from the first thing recorded (or the opening) to the last. */
function dayRange(summary) {
    const first = [summary.openedOn, summary.firstEffectiveOn].filter(Boolean).sort()[0];
    const last = [summary.lastEffectiveOn, summary.closedOn, first].filter(Boolean).sort().reverse()[0];
    const days = [];
    for (let d = new Date(`${first}T00:00:00Z`); d <= new Date(`${last}T00:00:00Z`); d.setUTCDate(d.getUTCDate() + 1)) {
        days.push(d.toISOString().substring(0, 10));
    }
    return days;
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
        [2, 1, 0, -1, -2].map(score => h('li', {class: `score-${score}`}, `${SYMBOLS[score]} ${legendText(score)}`)),
        h('li', {class: 'lapsed'}, 'lapsed: a proposal past its deadline'));
    const outcomes = matrix.outcomes.length ? h('ul', {class: 'outcomes'}, matrix.outcomes.map(outcome =>
        h('li', {}, h('strong', {}, `${title(matrix, outcome.topicId)}: ${words(outcome.kind)}`),
            ` on ${day(outcome.reachedOn)}${outcome.status ? ` (${words(outcome.status)})` : ''} — ${outcome.terms}`))) : null;
    clear(area, matrix.parties.length && matrix.topics.length
        ? [table, legend, outcomes ? h('h2', {}, 'Outcomes') : null, outcomes]
        : h('p', {class: 'quiet'}, 'Nothing recorded by this day.'));
}

function cell(position, party, topic, state, openCell) {
    const chosen = state.party === party.id && state.topic === topic.id;
    if (!position) {
        return h('td', {class: 'empty', dataset: {party: party.id, topic: topic.id, stance: ''}},
            h('span', {class: 'visually-hidden'}, `${party.name} on ${topic.title}: no position`), '·');
    }
    const lapsed = position.kind === 'LAPSED';
    return h('td', {class: `score-${position.score}${lapsed ? ' lapsed' : ''}${chosen ? ' chosen' : ''}`,
            dataset: {party: party.id, topic: topic.id, stance: position.stance, kind: position.kind,
                statement: position.statementId, revision: String(position.revision)}},
        h('button', {type: 'button', 'aria-pressed': chosen ? 'true' : 'false',
                title: position.summary, onclick: () => openCell(party.id, topic.id)},
            h('span', {class: 'symbol', 'aria-hidden': 'true'}, SYMBOLS[position.score]),
            h('span', {class: 'stance'}, words(position.stance)),
            lapsed ? h('span', {class: 'kind'}, 'lapsed') : null,
            position.kind === 'CORRECTED' ? h('span', {class: 'kind'}, 'corrected') : null,
            h('span', {class: 'visually-hidden'}, ` — ${party.name} on ${topic.title}`)));
}

function legendText(score) {
    return {2: 'supports, proposes, demands', 1: 'conditional', 0: 'undecided', '-1': 'opposes', '-2': 'rejects'}[score];
}

function title(matrix, topicId) {
    return (matrix.topics.find(topic => topic.id === topicId) || {title: topicId}).title;
}

/** The statement behind the chosen cell, and every version of the party's statements on the topic. */
async function renderCell(area, id, matrix, state) {
    const party = matrix.parties.find(p => p.id === state.party) || {id: state.party, name: state.party};
    const topic = matrix.topics.find(t => t.id === state.topic) || {id: state.topic, title: state.topic};
    const history = await get(`/api/negotiations/${encodeURIComponent(id)}/positions/${encodeURIComponent(party.id)}`
        + `/${encodeURIComponent(topic.id)}/history`, {asOf: state.asOf, knownAt: state.knownAt});
    const position = matrix.positions.find(p => p.partyId === party.id && p.topicId === topic.id);
    const deciding = position && history.entries.find(entry =>
        entry.statementId === position.statementId && entry.revision === position.revision);
    const delegates = new Map(matrix.delegates.map(d => [d.id, d]));
    clear(area,
        h('h2', {id: 'cell-heading'}, `${party.name} on ${topic.title}`),
        h('div', {}, deciding ? statement(deciding, position, delegates) : h('p', {class: 'quiet'}, 'No position on this day.')),
        h('div', {}, h('h3', {}, 'History'),
            history.entries.length
                ? h('ol', {id: 'history', class: 'history'}, history.entries.map(entry => version(entry)))
                : h('p', {class: 'quiet'}, 'No statements by this day.')));
}

function statement(entry, position, delegates) {
    const delegate = entry.delegateId ? delegates.get(entry.delegateId) : null;
    return h('article', {id: 'statement', class: `statement score-${entry.score}`},
        h('p', {class: 'stance-line'}, h('span', {'aria-hidden': 'true'}, `${SYMBOLS[entry.score]} `),
            h('strong', {}, words(position.kind === 'LAPSED' ? 'lapsed' : entry.stance)),
            ` · effective ${day(entry.effectiveOn)}`, entry.validUntil ? ` · valid until ${day(entry.validUntil)}` : ''),
        h('p', {class: 'summary'}, entry.summary),
        entry.conditions ? h('p', {}, h('strong', {}, 'Conditions: '), entry.conditions) : null,
        entry.offer ? h('p', {}, h('strong', {}, 'Offer: '), offerText(entry.offer)) : null,
        h('dl', {},
            delegate || entry.delegateId ? [h('dt', {}, 'Delegate'), h('dd', {}, delegate ? delegate.name : entry.delegateId,
                entry.delegateTitle ? `, ${entry.delegateTitle}` : '')] : null,
            entry.meetingId ? [h('dt', {}, 'Meeting'), h('dd', {}, entry.meetingId)] : null,
            entry.note ? [h('dt', {}, 'Note'), h('dd', {}, entry.note)] : null,
            [h('dt', {}, 'Recorded'), h('dd', {}, instant(entry.recordedAt))]),
        entry.source ? source(entry.source) : null);
}

function source(src) {
    return h('figure', {class: 'source'},
        src.quote ? h('blockquote', {lang: src.language || null}, src.quote) : null,
        h('figcaption', {},
            src.url ? h('a', {href: src.url, rel: 'noopener noreferrer', target: '_blank'}, src.title || src.publisher || src.url)
                : (src.title || src.publisher || ''),
            src.publisher && src.title ? `, ${src.publisher}` : '',
            src.publishedOn ? `, ${day(src.publishedOn)}` : ''));
}

function version(entry) {
    return h('li', {class: `version kind-${entry.kind.toLowerCase()}${entry.superseded ? ' superseded' : ''}`,
            dataset: {statement: entry.statementId, revision: String(entry.revision), kind: entry.kind}},
        h('p', {}, h('strong', {}, `${words(entry.kind)} · ${words(entry.stance)}`),
            ` · effective ${day(entry.effectiveOn)} · recorded ${instant(entry.recordedAt)}`,
            entry.superseded ? h('span', {class: 'tag'}, `superseded${entry.supersededAt ? ` at ${instant(entry.supersededAt)}` : ''}`) : null),
        h('p', {}, entry.superseded ? h('del', {}, entry.summary) : entry.summary),
        entry.reason ? h('p', {class: 'reason'}, h('strong', {}, 'Reason: '), entry.reason) : null);
}

export function offerText(offer) {
    const amount = offer.value != null ? `${offer.value}` : `${offer.min ?? '…'}–${offer.max ?? '…'}`;
    return offer.unit ? `${amount} ${offer.unit}` : amount;
}
