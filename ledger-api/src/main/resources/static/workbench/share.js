import {h} from './dom.js';

// What a page gives away: the ledger's own CSV of what is shown (the same request, as a file),
// a link to the screen as it is, and charts as pictures.

/** A link that downloads the ledger's CSV at {@code path} with the read's parameters. */
export function csvLink(id, label, path, params = {}) {
    const query = new URLSearchParams(Object.entries(params).filter(([, value]) => value != null && value !== ''));
    return h('a', {id, class: 'download', href: query.size ? `${path}?${query}` : path, download: ''}, label);
}

/** A button that copies the address of the screen as it is; where the clipboard is closed, it shows the link. */
export function copyLinkButton(link) {
    const said = h('span', {class: 'quiet', role: 'status'});
    const button = h('button', {type: 'button', id: 'copy-link', onclick: async () => {
        const address = link();
        try {
            await navigator.clipboard.writeText(address);
            said.replaceChildren('Link copied');
        } catch (closed) {
            const field = h('input', {type: 'text', readonly: true, value: address, 'aria-label': 'Link to this screen',
                size: 40});
            said.replaceChildren('Copy the link: ', field);
            field.select();
        }
    }}, 'Copy link');
    return h('span', {class: 'share'}, button, said);
}

/** A link made on demand (a chart drawn now), downloaded under {@code name}. */
export function downloadButton(id, label, name, url) {
    return h('button', {type: 'button', id, onclick: async () => {
        const link = h('a', {href: await url(), download: name, hidden: true});
        document.body.append(link);
        link.click();
        link.remove();
    }}, label);
}
