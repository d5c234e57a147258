import {get, lastViewPosition} from './api.js';
import {clear, day, h, words} from './dom.js';
import {showPositions} from './positions.js';
import {showOverTime} from './overtime.js';
import {showTimeline} from './timeline.js';
import {showAudit} from './audit.js';
import {showRecording} from './record.js';
import {showViews} from './views.js';
import {follow} from './live.js';

// One negotiation: a header, the two times (asOf, the effective day; knownAt, what the ledger
// knew then) and a tab for each way of looking at it. The address holds the tab, the times and
// the open cell, so that a view can be shared as a link.

const TABS = [
    {id: 'positions', label: 'Positions', times: true, live: true, show: showPositions},
    {id: 'over-time', label: 'Over time', times: true, live: true, show: showOverTime},
    {id: 'timeline', label: 'Timeline', times: true, live: true, show: showTimeline},
    {id: 'audit', label: 'Audit trail', times: false, show: showAudit},
    {id: 'record', label: 'Record', times: false, show: showRecording, role: 'RECORDER'},
    {id: 'views', label: 'Views', times: false, show: showViews, role: 'ADMIN'}
];
const RANK = {READER: 0, RECORDER: 1, ADMIN: 2};
const KEPT = ['tab', 'asOf', 'knownAt', 'party', 'topic', 'machineCoded'];

let stopFollowing = () => {};

/** Stops following the negotiation shown last, when the page shows something else. */
export function leaveNegotiation() {
    stopFollowing();
    stopFollowing = () => {};
}

export async function showNegotiation(main, session, id, params, current) {
    leaveNegotiation();
    const summary = await get(`/api/negotiations/${encodeURIComponent(id)}`);
    if (!current()) {
        return; // the address changed while the negotiation was on its way
    }
    const tabs = TABS.filter(tab => !tab.role || RANK[session.role] >= RANK[tab.role]);
    const state = Object.fromEntries(KEPT.map(name => [name, params.get(name) || '']));
    if (!tabs.some(tab => tab.id === state.tab)) {
        state.tab = 'positions';
    }
    const days = dayRange(summary);

    const slider = h('input', {id: 'as-of', type: 'range', min: 0, max: days.length, step: 1,
        'aria-describedby': 'as-of-shown'});
    const asOfDate = h('input', {id: 'as-of-date', type: 'date', min: days[0], max: days[days.length - 1]});
    const asOfShown = h('output', {id: 'as-of-shown', for: 'as-of'});
    const knownAt = h('input', {id: 'known-at', type: 'datetime-local', step: 1});
    const machineCoded = h('input', {id: 'machine-coded', type: 'checkbox'});
    const times = h('fieldset', {class: 'times'},
        h('legend', {}, 'Time'),
        h('div', {class: 'time'},
            h('label', {for: 'as-of'}, 'As of (effective day)'),
            h('span', {class: 'quiet', 'aria-hidden': 'true'}, day(days[0])), slider, asOfShown,
            h('label', {for: 'as-of-date', class: 'visually-hidden'}, 'As of, as a date'), asOfDate),
        h('div', {class: 'time'},
            h('label', {for: 'known-at'}, 'Known at (UTC)'), knownAt,
            h('button', {type: 'button', id: 'known-at-now', onclick: () => change({knownAt: ''})}, 'Now')),
        h('div', {class: 'time'},
            machineCoded,
            h('label', {for: 'machine-coded'}, 'With records a machine coded (GDELT, ICEWS)')));
    const nav = h('nav', {class: 'tabs', 'aria-label': 'Views of the negotiation'});
    const panel = h('section', {id: 'panel', tabindex: '-1'});
    const live = h('p', {id: 'live', class: 'quiet', 'aria-live': 'polite'});

    clear(main,
        h('p', {class: 'crumbs'}, h('a', {href: '#/'}, 'Negotiations'), ' / ', summary.title),
        h('h1', {}, summary.title),
        h('p', {class: 'quiet'}, `${words(summary.status)} · opened ${day(summary.openedOn)}`
            + (summary.closedOn ? ` · closed ${day(summary.closedOn)}` : '')
            + ` · ${summary.counts.statements} statements, ${summary.counts.meetings} meetings, `
            + `${summary.counts.exchanges} exchanges, ${summary.counts.outcomes} outcomes`),
        times, nav, live, panel);

    const context = {
        id, summary, session, state, days, waitFor: null, change, refresh,
        /** The API path of this negotiation, with {@code rest} after it. */
        path: (rest = '') => `/api/negotiations/${encodeURIComponent(id)}${rest}`,
        /** The query parameters of a read at the chosen times, waiting for the last event followed. */
        times: () => ({asOf: state.asOf, knownAt: state.knownAt, waitFor: context.waitFor}),
        /** The same for the reads that can leave out what a machine coded (positions, histories, outcomes). */
        coded: () => ({...context.times(), machineCoded: state.machineCoded})
    };

    function change(changes) {
        Object.assign(state, changes);
        refresh();
    }

    let shown = 0;

    async function refresh() {
        const mine = ++shown;
        const tab = tabs.find(t => t.id === state.tab);
        syncControls(tab);
        remember();
        clear(nav, tabs.map(t => h('a', {href: address({...state, tab: t.id}), id: `tab-${t.id}`,
            'aria-current': t.id === tab.id ? 'page' : null,
            onclick: event => {
                event.preventDefault();
                change({tab: t.id});
            }}, t.label)));
        panel.setAttribute('aria-busy', 'true');
        try {
            await tab.show(panel, context, () => mine === shown);
        } finally {
            if (mine === shown) {
                panel.setAttribute('aria-busy', 'false');
            }
        }
    }

    function syncControls(tab) {
        times.hidden = !tab.times;
        const index = state.asOf ? days.indexOf(state.asOf) : -1;
        slider.value = index >= 0 ? index : (state.asOf && state.asOf < days[0] ? 0 : days.length);
        asOfDate.value = state.asOf;
        asOfShown.value = state.asOf ? day(state.asOf) : 'today';
        slider.setAttribute('aria-valuetext', state.asOf ? day(state.asOf) : 'today');
        knownAt.value = state.knownAt ? state.knownAt.substring(0, 19) : '';
        machineCoded.checked = state.machineCoded !== 'exclude';
    }

    function address(values) {
        const query = new URLSearchParams(Object.entries(values)
            .filter(([name, value]) => value && !(name === 'tab' && value === 'positions')));
        return `#/negotiations/${encodeURIComponent(id)}${query.size ? `?${query}` : ''}`;
    }

    function remember() {
        if (location.hash !== address(state)) {
            history.replaceState(null, '', address(state));
        }
    }

    slider.addEventListener('input', () =>
        change({asOf: Number(slider.value) >= days.length ? '' : days[Number(slider.value)]}));
    asOfDate.addEventListener('change', () => change({asOf: asOfDate.value}));
    machineCoded.addEventListener('change', () => change({machineCoded: machineCoded.checked ? '' : 'exclude'}));
    knownAt.addEventListener('change', () => {
        const value = knownAt.value;
        change({knownAt: value ? `${value.length === 16 ? `${value}:00` : value}Z` : ''});
    });

    await refresh();
    if (!current()) {
        return; // another page was asked for meanwhile: it follows the ledger, not this one
    }
    stopFollowing = follow(id, lastViewPosition(), event => {
        live.textContent = `${event.type} recorded by ${event.recordedBy} at ${event.recordedAt.substring(11, 19)} UTC`;
        context.waitFor = event.position;
        // The views redraw; a form being filled in, a page of the audit or a replay followed stay as they are.
        if (tabs.find(t => t.id === state.tab).live) {
            refresh();
        }
    });
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
