// Elements built from data, never from HTML strings: what a statement says is shown as text.

/** h('td', {class: 'cell', dataset: {party: 'ua'}}, 'text', child) */
export function h(tag, attributes = {}, ...children) {
    const element = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes)) {
        if (value == null || value === false) {
            continue;
        }
        if (name === 'dataset') {
            // A data attribute left null is left out, not written as "null".
            Object.assign(element.dataset, Object.fromEntries(Object.entries(value).filter(([, each]) => each != null)));
        } else if (name.startsWith('on')) {
            element.addEventListener(name.substring(2), value);
        } else if (value === true) {
            element.setAttribute(name, '');
        } else {
            element.setAttribute(name, value);
        }
    }
    element.append(...children.flat().filter(child => child != null && child !== false));
    return element;
}

export function clear(element, ...children) {
    element.replaceChildren(...children.flat().filter(child => child != null && child !== false));
    return element;
}

/**
 * 2025-05-20 → 20 May 2025 in British English, May 20, 2025 in American, 20. Mai 2025 in German:
 * in the browser's language, as its date fields are, so that a page writes dates one way.
 */
export function day(iso) {
    if (!iso) {
        return '';
    }
    return new Date(`${iso}T00:00:00Z`).toLocaleDateString(undefined,
        {day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC'});
}

/** An instant in UTC, to the second: 2026-12-02 07:15:03 UTC */
export function instant(iso) {
    return iso ? `${iso.substring(0, 19).replace('T', ' ')} UTC` : '';
}

/** StatementRecorded → Statement recorded */
export function eventWords(type) {
    const spaced = type.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
    return spaced.charAt(0).toUpperCase() + spaced.substring(1);
}

export function words(constant) {
    return constant ? constant.toLowerCase().replaceAll('_', ' ') : '';
}
