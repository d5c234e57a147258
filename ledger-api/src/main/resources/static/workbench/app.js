import {csrfToken, get, Problem} from './api.js';
import {clear, h} from './dom.js';
import {showNegotiations} from './negotiations.js';
import {leaveNegotiation, showNegotiation} from './negotiation.js';

// The workbench: who is signed in, and which view the address asks for. The address after '#'
// holds the whole view (negotiation, days, open cell), so that a view can be shared as a link.

const main = document.getElementById('main');
let session;
/** Counts the navigations, so that a page still loading when the address changed draws nothing. */
let navigation = 0;

async function start() {
    try {
        session = await get('/api/session');
    } catch (problem) {
        if (problem instanceof Problem && problem.status === 401) {
            return; // on the way to the sign-in form
        }
        throw problem;
    }
    document.getElementById('who').textContent = `${session.user} · ${session.role.toLowerCase()}`;
    const signOut = document.getElementById('sign-out');
    signOut.querySelector('input[name="_csrf"]').value = csrfToken();
    signOut.hidden = false;
    const returnTo = sessionStorage.getItem('workbench.returnTo');
    if (returnTo) {
        sessionStorage.removeItem('workbench.returnTo');
        location.hash = returnTo;
    }
    // Back, Forward and links to another address within the page (browsers fire popstate for each).
    window.addEventListener('popstate', route);
    await route();
}

/** #/ lists the negotiations; #/negotiations/{id}?asOf=…&knownAt=…&party=…&topic=… shows one. */
async function route() {
    const mine = ++navigation;
    const current = () => mine === navigation;
    const [path, query] = location.hash.substring(1).split('?');
    const params = new URLSearchParams(query || '');
    const match = /^\/negotiations\/([^/]+)$/.exec(path || '');
    try {
        if (match) {
            await showNegotiation(main, session, decodeURIComponent(match[1]), params, current);
        } else {
            leaveNegotiation();
            await showNegotiations(main, params, current);
        }
    } catch (problem) {
        if (!current()) {
            return;
        }
        clear(main, h('h1', {}, 'Something went wrong'),
            h('p', {role: 'alert', class: 'message'}, problem.message), h('p', {}, h('a', {href: '#/'}, 'All negotiations')));
    }
}

start();
