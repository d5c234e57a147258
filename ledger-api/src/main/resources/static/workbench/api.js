// The workbench's one way to the ledger's HTTP API: the session cookie authenticates, the CSRF
// token from the cookie goes with every change, and a refusal becomes a Problem with the
// ledger's own words (RFC 9457 problem details).

export const ECHARTS = '/webjars/echarts/5.3.1/dist/echarts.esm.min.js';

export function csrfToken() {
    const cookie = document.cookie.split('; ').find(part => part.startsWith('XSRF-TOKEN='));
    return cookie ? decodeURIComponent(cookie.substring('XSRF-TOKEN='.length)) : '';
}

/** A refusal of the ledger: its status, title, detail and, where it names them, the fields at fault. */
export class Problem extends Error {
    constructor(status, body) {
        super(body.detail || body.title || `the ledger answered ${status}`);
        this.status = status;
        this.type = body.type;
        this.title = body.title;
        this.body = body;
    }

    /** Field name → message, for the fields the problem names. */
    fieldMessages() {
        const messages = {};
        for (const error of this.body.errors || []) {
            messages[error.field] = error.message;
        }
        if (this.body.field) {
            messages[this.body.field] = this.message;
        }
        return messages;
    }
}

export async function get(path, params = {}) {
    const query = new URLSearchParams(Object.entries(params).filter(([, value]) => value != null && value !== ''));
    const url = query.size ? `${path}?${query}` : path;
    return answer(await fetch(url, {headers: {'Accept': 'application/json', 'X-Requested-With': 'workbench'}}));
}

export async function post(path, body) {
    return answer(await fetch(path, {method: 'POST', headers: changeHeaders('application/json'),
        body: typeof body === 'string' ? body : JSON.stringify(body)}));
}

/** Sends JSON Lines and answers the response itself, whose lines the caller reads as they come. */
export async function postLines(path, text) {
    const response = await fetch(path, {method: 'POST', headers: changeHeaders('application/x-ndjson'), body: text});
    if (response.status === 401) {
        signIn();
        throw new Problem(401, {title: 'Sign in first'});
    }
    if (!response.ok) {
        throw new Problem(response.status, await response.json().catch(() => ({})));
    }
    return response;
}

/**
 * Sends a form of files (multipart), calling {@code onProgress(sent, total)} as it goes up (fetch
 * cannot tell), and answers the ledger's JSON or throws its Problem.
 */
export function postForm(path, form, onProgress) {
    return new Promise((resolve, reject) => {
        const request = new XMLHttpRequest();
        request.open('POST', path);
        for (const [name, value] of Object.entries(changeHeaders(null))) {
            if (value) {
                request.setRequestHeader(name, value);
            }
        }
        request.upload.addEventListener('progress', event => onProgress(event.loaded, event.total));
        // The answer is read as any other: the same sign-in, the same problems.
        request.addEventListener('load', () => answer(new Response(request.responseText, {status: request.status,
            headers: {'Content-Type': request.getResponseHeader('Content-Type') || ''}})).then(resolve, reject));
        request.addEventListener('error', () => reject(new Problem(0, {title: 'The ledger could not be reached'})));
        request.send(form);
    });
}

/** What every change sends: its format, the page's mark (no Basic challenge) and the CSRF token. */
function changeHeaders(type) {
    return {'Content-Type': type, 'Accept': type || 'application/json', 'X-Requested-With': 'workbench',
        'X-XSRF-TOKEN': csrfToken()};
}

/** How far the views were at the last answer (X-View-Position): where the live stream picks up. */
let viewPosition = 0;

export function lastViewPosition() {
    return viewPosition;
}

async function answer(response) {
    const position = Number(response.headers.get('X-View-Position'));
    if (position > viewPosition) {
        viewPosition = position;
    }
    if (response.status === 401) {
        signIn();
        throw new Problem(401, {title: 'Sign in first'});
    }
    const type = response.headers.get('Content-Type') || '';
    const body = type.includes('json') ? await response.json() : {};
    if (!response.ok) {
        throw new Problem(response.status, body);
    }
    return body;
}

/** To the sign-in form, remembering where the user was so that the page can return there. */
function signIn() {
    sessionStorage.setItem('workbench.returnTo', location.hash);
    location.assign('/login');
}
