import {get} from './api.js';
import {clear, day, eventWords, h, instant} from './dom.js';
import {csvLink} from './share.js';

// The audit trail of one negotiation, a page at a time, and the verdict of its hash chain:
// intact, or the first event that no longer matches what was recorded.

const PAGE = 50;

export async function showAudit(panel, context, current) {
    const pages = [context.path(`/audit?limit=${PAGE}`)];
    const [verdict, first] = await Promise.all([get(context.path('/verify')), get(pages[0])]);
    if (!current()) {
        return;
    }
    const badge = verdict.intact
        ? h('p', {id: 'verify', class: 'badge-intact', dataset: {intact: 'true'}},
            h('span', {'aria-hidden': 'true'}, '✔ '), `Chain intact: ${verdict.events} events verified`)
        : h('p', {id: 'verify', class: 'badge-broken', role: 'alert', dataset: {intact: 'false'}},
            h('span', {'aria-hidden': 'true'}, '✘ '),
            `Chain broken at event ${verdict.firstBroken.sequence}: ${verdict.firstBroken.detail}`);
    const rows = h('tbody');
    const older = h('button', {type: 'button', id: 'audit-previous'}, 'Previous page');
    const newer = h('button', {type: 'button', id: 'audit-next'}, 'Next page');
    const where = h('span', {class: 'quiet', 'aria-live': 'polite'});
    let index = 0;
    let page = first;

    function render() {
        clear(rows, page.entries.map(entry => h('tr', {dataset: {sequence: String(entry.sequence), type: entry.type},
                class: verdict.firstBroken && verdict.firstBroken.eventId === entry.eventId ? 'broken' : null},
            h('td', {class: 'number'}, String(entry.sequence)),
            h('td', {}, eventWords(entry.type)),
            h('td', {}, day(entry.effectiveOn)),
            h('td', {}, instant(entry.recordedAt)),
            h('td', {}, entry.recordedBy || ''),
            h('td', {}, describe(entry.payload)))));
        older.disabled = index === 0;
        newer.disabled = !page.next;
        where.textContent = `page ${index + 1}`;
    }

    async function turn(to) {
        const next = await get(pages[to]);
        index = to;
        page = next;
        render();
    }

    older.addEventListener('click', () => turn(index - 1));
    newer.addEventListener('click', () => {
        if (pages.length === index + 1) {
            pages.push(page.next);
        }
        turn(index + 1);
    });
    render();
    clear(panel, badge,
        h('p', {class: 'toolbar'}, csvLink('audit-csv', 'Audit trail as CSV', context.path('/audit.csv'))),
        h('div', {class: 'table-box'}, h('table', {id: 'audit', class: 'list'},
            h('caption', {class: 'visually-hidden'}, 'Every stored event of this negotiation'),
            h('thead', {}, h('tr', {}, ['#', 'Event', 'Effective', 'Recorded at', 'By', 'What']
                .map(name => h('th', {scope: 'col'}, name)))),
            rows)),
        h('p', {class: 'pager'}, older, ' ', where, ' ', newer));
}

/** The words of an event: its summary, title or terms, and the reason of a correction. */
function describe(payload) {
    const what = [payload.summary, payload.title, payload.terms, payload.name, payload.statementId]
        .find(value => typeof value === 'string') || '';
    return payload.reason ? `${what}${what ? ' — ' : ''}reason: ${payload.reason}` : what;
}
