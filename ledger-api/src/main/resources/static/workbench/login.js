import {csrfToken} from './api.js';

// The form posts the CSRF token that the ledger left in a cookie when it served this page.
document.querySelector('input[name="_csrf"]').value = csrfToken();

// A failed sign-in keeps the user name typed (kept in this tab only, never the password).
const user = document.getElementById('username');
document.querySelector('form').addEventListener('submit', () => sessionStorage.setItem('workbench.user', user.value));

const query = new URLSearchParams(location.search);
const message = document.getElementById('message');
if (query.has('error')) {
    show('The user name or password is wrong.');
    user.value = sessionStorage.getItem('workbench.user') || '';
    document.getElementById(user.value ? 'password' : 'username').focus();
} else if (query.has('wait')) {
    show(`Too many failed sign-ins from this address: try again in ${query.get('wait')} s.`);
} else if (query.has('stale')) {
    show('The sign-in form was out of date: please sign in again.');
} else if (query.has('signedOut')) {
    show('You are signed out.');
}

function show(text) {
    message.textContent = text;
    message.hidden = false;
}
