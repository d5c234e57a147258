import {get, post, Problem} from './api.js';
import {clear, h} from './dom.js';

// For admins: every view with how far behind the store it is, events it set aside, and a replay
// button whose progress is followed until the rebuilt view takes over.

export async function showViews(panel, context, current) {
    const listing = await get('/api/admin/projections');
    if (!current()) {
        return;
    }
    const message = h('p', {id: 'views-message', 'aria-live': 'polite'});
    const rows = h('tbody');

    function render(views) {
        clear(rows, views.projections.map(view => h('tr', {dataset: {view: view.name}},
            h('th', {scope: 'row'}, view.name),
            h('td', {class: 'number'}, String(view.position)),
            h('td', {class: 'number lag'}, String(view.lag)),
            h('td', {}, view.state.toLowerCase()),
            h('td', {class: 'number'}, String(view.deadLetters)),
            h('td', {}, h('progress', {max: 1, value: view.progress, 'aria-label': `${view.name} progress`}),
                view.replaying ? ` replaying, ${Math.floor(view.progress * 100)} %` : ''),
            h('td', {}, h('button', {type: 'button', disabled: view.replaying,
                onclick: () => replay(view.name)}, `Replay ${view.name}`)))));
    }

    async function replay(name) {
        try {
            await post(`/api/admin/projections/${encodeURIComponent(name)}/replay`, '');
            message.textContent = `Replaying ${name}…`;
        } catch (problem) {
            message.textContent = problem instanceof Problem ? problem.message : String(problem);
            return;
        }
        let view;
        do {
            await new Promise(resolve => setTimeout(resolve, 400));
            const views = await get('/api/admin/projections');
            render(views);
            view = views.projections.find(v => v.name === name);
        } while (view.replaying);
        message.textContent = view.replay && view.replay.state === 'FAILED'
            ? `The replay of ${name} failed (${view.replay.error || 'no reason given'}); the view is as it was.`
            : `${name} is rebuilt: position ${view.position}, ${view.lag} behind.`;
    }

    render(listing);
    clear(panel,
        h('p', {}, `The store holds ${listing.head} events.`),
        h('table', {id: 'views', class: 'list'},
            h('thead', {}, h('tr', {}, ['View', 'Position', 'Lag', 'State', 'Set aside', 'Progress']
                .map(name => h('th', {scope: 'col'}, name)), h('th', {scope: 'col'},
                h('span', {class: 'visually-hidden'}, 'Replay')))),
            rows),
        message);
}
