import {get, lastViewPosition} from './api.js';
import {clear, day, eventWords, h, words} from './dom.js';
import {showPositions} from './positions.js';
import {showOverTime} from './overtime.js';
import {showTimeline} from './timeline.js';
import {showAudit} from './audit.js';
import {showRecording} from './record.js';
import {showViews} from './views.js';
import {follow} from './live.js';

// One negotiation: a header, the two times (asOf, the effective day; knownAt, what the ledger
// knew then) and a tab for each way of looking at it. The address holds the tab, the times, the
// comparison, the filters and the open cell, so that a view can be shared as a link; each change
// of them is an entry of the browser's history, which Back and Forward walk.

const TABS = [
    {id: 'positions', label: 'Positions', times: true, compare: true, live: true, show: showPositions},
    {id: 'over-time', label: 'Over time', times: true, live: true, show: showOverTime},
    {id: 'timeline', label: 'Timeline', times: true, live: true, show: showTimeline},
    {id: 'audit', label: 'Audit trail', times: false, show: showAudit},
    {id: 'record', label: 'Record', times: false, show: showRecording, role: 'RECORDER'},
    {id: 'views', label: 'Views', times: false, show: showViews, role: 'ADMIN'}
];
const RANK = {READER: 0, RECORDER: 1, ADMIN: 2};
const KEPT = ['tab', 'asOf', 'knownAt', 'party', 'topic', 'machineCoded', 'compare', 'parties', 'topics', 'sort',
    'compact', 'show', 'statement'];
/** Milliseconds between two days when the slider plays. */
const SPEEDS = {slow: 1000, normal: 400, fast: 150};

let stopFollowing = () => {};
/** The negotiation on the page: Back and Forward within it change its state, not the page. */
let shownPage = null;

/** Stops following the negotiation shown last, when the page shows something else. */
export function leaveNegotiation() {
    stopFollowing();
    stopFollowing = () => {};
    shownPage = null;
}

export async function showNegotiation(main, session, id, params, current) {
    if (shownPage && shownPage.id === id && main.contains(shownPage.panel)) {
        await shownPage.followAddress(params);
        return;
    }
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
    const play = h('button', {type: 'button', id: 'play', 'aria-pressed': 'false', onclick: () => togglePlay()},
        '▶ Play');
    const speed = h('select', {id: 'speed'}, Object.keys(SPEEDS).map(name =>
        h('option', {value: name, selected: name === 'normal'}, `${name} (${SPEEDS[name] / 1000} s a day)`)));
    const compareDate = h('input', {id: 'compare', type: 'date', min: days[0], max: days[days.length - 1]});
    const comparing = h('div', {class: 'time'},
        h('label', {for: 'compare'}, 'Compare with the day'), compareDate,
        h('button', {type: 'button', id: 'compare-clear', onclick: () => change({compare: ''})}, 'No comparison'));
    const times = h('fieldset', {class: 'times'},
        h('legend', {}, 'Time'),
        h('div', {class: 'time'},
            h('label', {for: 'as-of'}, 'As of (effective day)'),
            h('span', {class: 'quiet', 'aria-hidden': 'true'}, day(days[0])), slider, asOfShown,
            h('label', {for: 'as-of-date', class: 'visually-hidden'}, 'As of, as a date'), asOfDate,
            play, h('label', {for: 'speed', class: 'visually-hidden'}, 'Speed'), speed),
        comparing,
        h('div', {class: 'time'},
            h('label', {for: 'known-at'}, 'Known at (UTC)'), knownAt,
            h('button', {type: 'button', id: 'known-at-now', onclick: () => change({knownAt: ''})}, 'Now')),
        h('div', {class: 'time'},
            machineCoded,
            h('label', {for: 'machine-coded'}, 'With records a machine coded (GDELT, ICEWS)')));
    const nav = h('nav', {class: 'tabs', 'aria-label': 'Views of the negotiation'});
    const headline = h('p', {id: 'headline', class: 'quiet'}, overview(summary));
    const chain = h('div', {id: 'chain-warning'});
    const panel = h('section', {id: 'panel', tabindex: '-1'});
    const live = h('p', {id: 'live', class: 'quiet', 'aria-live': 'polite'});

    clear(main,
        h('p', {class: 'crumbs'}, h('a', {href: '#/'}, 'Negotiations'), ' / ', summary.title),
        h('h1', {}, summary.title),
        headline, chain,
        times, nav, live, panel);
    // The hash chain is checked once the page is drawn: where it is broken, every tab says so.
    get(`/api/negotiations/${encodeURIComponent(id)}/verify`).then(verdict => {
        if (!verdict.intact) {
            clear(chain, h('p', {class: 'badge-broken', role: 'alert'}, h('span', {'aria-hidden': 'true'}, '✘ '),
                `The record is not what was stored: the hash chain breaks at event ${verdict.firstBroken.sequence} `
                + `(${verdict.firstBroken.detail}). What this page shows from that event on may have been altered; `
                + 'the Audit trail tab names it.'));
            statementsFrom(id, verdict.firstBroken.sequence).then(statements => {
                context.unverified = statements;
                if (state.tab === 'positions') {
                    refresh();
                }
            }, () => {});
        }
    }, () => {});

    const context = {
        id, summary, session, state, days, waitFor: null, change, refresh,
        /** The address of the page as it is now, for a link to share. */
        link: () => new URL(address(state), location.href).href,
        /** The API path of this negotiation, with {@code rest} after it. */
        path: (rest = '') => `/api/negotiations/${encodeURIComponent(id)}${rest}`,
        /** The query parameters of a read at the chosen times, waiting for the last event followed. */
        times: () => ({asOf: state.asOf, knownAt: state.knownAt, waitFor: context.waitFor}),
        /** The same for the reads that can leave out what a machine coded (positions, histories, outcomes). */
        coded: () => ({...context.times(), machineCoded: state.machineCoded})
    };

    /** Changes the state and draws it, as a new entry of the history. */
    function change(changes) {
        stopPlaying();
        Object.assign(state, changes);
        return refresh('push');
    }

    /** Back or Forward (or a link) within the negotiation: the state the address holds, drawn. */
    function followAddress(params) {
        stopPlaying();
        const wanted = Object.fromEntries(KEPT.map(name => [name, params.get(name) || '']));
        if (!tabs.some(tab => tab.id === wanted.tab)) {
            wanted.tab = 'positions';
        }
        if (KEPT.every(name => state[name] === wanted[name])) {
            return Promise.resolve(); // the screen the address asks for is the one shown
        }
        Object.assign(state, wanted);
        return refresh('keep');
    }

    let shown = 0;

    async function refresh(how = 'replace') {
        const mine = ++shown;
        const tab = tabs.find(t => t.id === state.tab);
        syncControls(tab);
        remember(how);
        clear(nav, tabs.map(t => h('a', {href: address({...state, tab: t.id, statement: ''}), id: `tab-${t.id}`,
            'aria-current': t.id === tab.id ? 'page' : null,
            onclick: event => {
                event.preventDefault();
                change({tab: t.id, statement: ''});
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
        comparing.hidden = !tab.compare;
        compareDate.value = state.compare;
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

    function remember(how) {
        if (how === 'keep' || location.hash === address(state)) {
            return;
        }
        if (how === 'push') {
            history.pushState(null, '', address(state));
        } else {
            history.replaceState(null, '', address(state));
        }
    }

    // The slider shows its day at once and asks the ledger for it at once too; the days it passes
    // while an answer is on its way are not asked for, only the one it rests on after them.
    let wanted;
    let asking = false;
    slider.addEventListener('input', async () => {
        wanted = Number(slider.value) >= days.length ? '' : days[Number(slider.value)];
        asOfShown.value = wanted ? day(wanted) : 'today';
        slider.setAttribute('aria-valuetext', asOfShown.value);
        if (asking) {
            return;
        }
        asking = true;
        try {
            while (wanted !== undefined) {
                const next = wanted;
                wanted = undefined;
                await change({asOf: next});
            }
        } finally {
            asking = false;
        }
    });
    compareDate.addEventListener('change', () => change({compare: compareDate.value}));

    // Play: the slider steps a day at a time from where it is (from the first day once at the end).
    let playing = false;

    function stopPlaying() {
        playing = false;
        play.textContent = '▶ Play';
        play.setAttribute('aria-pressed', 'false');
    }

    async function togglePlay() {
        if (playing) {
            stopPlaying();
            return;
        }
        playing = true;
        play.textContent = '⏸ Pause';
        play.setAttribute('aria-pressed', 'true');
        let index = state.asOf ? days.indexOf(state.asOf) : -1;
        if (index < 0 || index >= days.length - 1) {
            index = -1;
        }
        // The days played are one entry of the history, the day it stops at, as a move of the slider is.
        let how = 'push';
        while (playing && index < days.length - 1) {
            index++;
            state.asOf = days[index];
            await refresh(how);
            how = 'replace';
            await new Promise(resolve => setTimeout(resolve, SPEEDS[speed.value]));
        }
        stopPlaying();
    }
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
    shownPage = {id, panel, followAddress};
    stopFollowing = follow(id, lastViewPosition(), event => {
        const heard = names => `${eventWords(event.type)}${about(event.payload, names)} by ${event.recordedBy} `
            + `at ${event.recordedAt.substring(11, 19)} UTC`;
        live.textContent = heard(summary);
        context.waitFor = event.position;
        // The header's counts and the days the slider spans follow what was recorded.
        get(`/api/negotiations/${encodeURIComponent(id)}`, {waitFor: event.position}).then(latest => {
            live.textContent = heard(latest); // a party or topic added just now has its name there
            headline.textContent = overview(latest);
            days.splice(0, days.length, ...dayRange(latest));
            slider.max = String(days.length);
            asOfDate.min = days[0];
            asOfDate.max = days[days.length - 1];
            compareDate.max = asOfDate.max;
            syncControls(tabs.find(t => t.id === state.tab));
        }, () => {});
        // The views redraw; a form being filled in, a page of the audit or a replay followed stay as they are.
        if (tabs.find(t => t.id === state.tab).live) {
            refresh();
        }
    });
}

/**
 * The statements recorded, corrected or retracted by the negotiation's events from {@code sequence}
 * on: those the hash chain no longer vouches for once it breaks there.
 */
async function statementsFrom(id, sequence) {
    const statements = new Set();
    let page = `/api/negotiations/${encodeURIComponent(id)}/audit?type=StatementRecorded,StatementCorrected,`
        + 'StatementRetracted&limit=1000';
    while (page) {
        const answer = await get(page);
        answer.entries.filter(entry => entry.sequence >= sequence && entry.payload && entry.payload.statementId)
            .forEach(entry => statements.add(entry.payload.statementId));
        page = answer.next;
    }
    return statements;
}

/** Whom and what an event is about, by name, as " (Ukraine on Ceasefire)"; empty when it names neither. */
function about(payload, summary) {
    const party = payload && summary.parties.find(each => each.id === payload.partyId);
    const topic = payload && summary.topics.find(each => each.id === payload.topicId);
    const named = [party && party.name, topic && topic.title].filter(Boolean);
    return named.length ? ` (${named.join(' on ')})` : '';
}

/** Status, period and counts, in a line. */
function overview(summary) {
    return `${words(summary.status)} · opened ${day(summary.openedOn)}`
        + (summary.closedOn ? ` · closed ${day(summary.closedOn)}` : '')
        + ` · ${summary.counts.statements} statements, ${summary.counts.meetings} meetings, `
        + `${summary.counts.exchanges} exchanges, ${summary.counts.outcomes} outcomes`;
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
