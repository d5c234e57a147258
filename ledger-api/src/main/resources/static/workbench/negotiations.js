import {get} from './api.js';
import {clear, day, h, words} from './dom.js';

/** Every negotiation with its status, period and counts; the search keeps those whose title matches. */
export async function showNegotiations(main, params, current) {
    const list = await get('/api/negotiations');
    if (!current()) {
        return; // the address changed while the list was on its way
    }
    const search = h('input', {id: 'search', type: 'search', value: params.get('search') || '',
        placeholder: 'Part of a title', 'aria-controls': 'negotiations'});
    const rows = h('tbody');
    const count = h('p', {class: 'quiet', 'aria-live': 'polite'});

    function render() {
        const wanted = search.value.trim().toLocaleLowerCase();
        const shown = list.negotiations.filter(n => n.title.toLocaleLowerCase().includes(wanted));
        clear(rows, shown.map(n => h('tr', {dataset: {negotiation: n.id}},
            h('th', {scope: 'row'}, h('a', {href: `#/negotiations/${encodeURIComponent(n.id)}`}, n.title)),
            h('td', {}, h('span', {class: `status status-${n.status.toLowerCase()}`}, words(n.status))),
            h('td', {}, period(n)),
            h('td', {class: 'number'}, String(n.counts.parties)),
            h('td', {class: 'number'}, String(n.counts.statements)),
            h('td', {class: 'number'}, String(n.counts.meetings)),
            h('td', {class: 'number'}, String(n.counts.events)))));
        count.textContent = `${shown.length} of ${list.negotiations.length} negotiations`;
        history.replaceState(null, '', wanted ? `#/?search=${encodeURIComponent(search.value.trim())}` : '#/');
    }

    search.addEventListener('input', render);
    clear(main,
        h('h1', {}, 'Negotiations'),
        h('p', {}, h('label', {for: 'search'}, 'Search by title '), search),
        count,
        h('table', {id: 'negotiations', class: 'list'},
            h('thead', {}, h('tr', {},
                h('th', {scope: 'col'}, 'Title'), h('th', {scope: 'col'}, 'Status'), h('th', {scope: 'col'}, 'Period'),
                h('th', {scope: 'col', class: 'number'}, 'Parties'), h('th', {scope: 'col', class: 'number'}, 'Statements'),
                h('th', {scope: 'col', class: 'number'}, 'Meetings'), h('th', {scope: 'col', class: 'number'}, 'Events'))),
            rows));
    render();
}

function period(negotiation) {
    const from = negotiation.firstEffectiveOn || negotiation.openedOn;
    const to = negotiation.closedOn || negotiation.lastEffectiveOn;
    return to && to !== from ? `${day(from)} – ${day(to)}` : day(from);
}
