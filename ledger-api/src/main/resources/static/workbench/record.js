import {get, post, postLines, Problem} from './api.js';
import {clear, h, words} from './dom.js';
import {eventDataForm} from './eventdata.js';

// For recorders: the everyday commands as forms (record, correct and retract a statement, record
// a meeting) and the import of a JSON Lines file. A refusal shows the ledger's own message next to
// the field it names; what the ledger refuses stores nothing.

const STANCES = ['SUPPORTS', 'PROPOSES', 'DEMANDS', 'CONDITIONAL', 'UNDECIDED', 'OPPOSES', 'REJECTS'];
const LEVELS = ['LEADERS', 'MINISTERS', 'DELEGATIONS', 'TECHNICAL'];

export async function showRecording(panel, context, current) {
    const matrix = await get(context.path('/positions'), {waitFor: context.waitFor});
    if (!current()) {
        return;
    }
    const {summary} = context;
    const statementIds = h('datalist', {id: 'statement-ids'},
        [...new Set(matrix.positions.map(p => p.statementId))].map(id => h('option', {value: id})));
    // Each form needs options of its own: an element stands in one place of the page.
    const parties = () => summary.parties.map(party => h('option', {value: party.id}, party.name));
    const topics = () => summary.topics.map(topic => h('option', {value: topic.id}, topic.title));
    const delegates = () => summary.delegates.map(delegate => h('option', {value: delegate.id}, `${delegate.name} (${delegate.partyId})`));
    const stances = () => STANCES.map(stance => h('option', {value: stance}, words(stance)));

    const recordStatement = form('record-statement', 'Record a statement', [
        field('id', 'Statement id', {placeholder: 'left empty: made from party, topic and time', pattern: '[A-Za-z0-9][A-Za-z0-9._:-]*'}),
        field('partyId', 'Party', {required: true}, [h('option', {value: ''}, '—'), ...parties()]),
        field('delegateId', 'Delegate', {}, [h('option', {value: ''}, '—'), ...delegates()]),
        field('topicId', 'Topic', {required: true}, [h('option', {value: ''}, '—'), ...topics()]),
        field('stance', 'Stance', {required: true}, [h('option', {value: ''}, '—'), ...stances()]),
        field('summary', 'Summary', {required: true, textarea: true}),
        field('conditions', 'Conditions', {textarea: true}),
        field('effectiveOn', 'Effective on', {type: 'date', required: true}),
        field('meetingId', 'Said at meeting (id)'),
        field('validUntil', 'Valid until', {type: 'date'}),
        field('offer.value', 'Offer: value', {type: 'number', step: 'any'}),
        field('offer.min', 'Offer: from', {type: 'number', step: 'any'}),
        field('offer.max', 'Offer: to', {type: 'number', step: 'any'}),
        field('offer.unit', 'Offer: unit'),
        field('source.publisher', 'Source: publisher'),
        field('source.title', 'Source: title'),
        field('source.url', 'Source: address (URL)', {type: 'url'}),
        field('source.publishedOn', 'Source: published on', {type: 'date'}),
        field('source.language', 'Source: language', {placeholder: 'ru, uk, en …'}),
        field('source.quote', 'Source: quote in the original language', {textarea: true}),
        field('note', 'Note', {textarea: true})
    ], async body => {
        body.id = body.id || `${body.partyId}-${body.topicId}-${Date.now().toString(36)}`;
        const answer = await post(context.path('/statements'), body);
        context.waitFor = answer.position;
        context.change({tab: 'positions', party: body.partyId, topic: body.topicId});
        return `Recorded statement ${body.id}.`;
    });

    const correctStatement = form('correct-statement', 'Correct a statement', [
        field('statementId', 'Statement id', {required: true, list: 'statement-ids', path: true}),
        field('stance', 'Stance', {}, [h('option', {value: ''}, 'unchanged'), ...stances()]),
        field('summary', 'Summary', {textarea: true}),
        field('conditions', 'Conditions', {textarea: true}),
        field('effectiveOn', 'Effective on', {type: 'date'}),
        field('reason', 'Reason for the correction', {required: true, textarea: true})
    ], async (body, path) => {
        const answer = await post(context.path(`/statements/${encodeURIComponent(path.statementId)}/corrections`), body);
        context.waitFor = answer.position;
        return `Corrected statement ${path.statementId}.`;
    });

    const retractStatement = form('retract-statement', 'Retract a statement', [
        field('statementId', 'Statement id', {required: true, list: 'statement-ids', path: true}),
        field('reason', 'Reason for the retraction', {required: true, textarea: true})
    ], async (body, path) => {
        const answer = await post(context.path(`/statements/${encodeURIComponent(path.statementId)}/retraction`), body);
        context.waitFor = answer.position;
        return `Retracted statement ${path.statementId}.`;
    });

    const recordMeeting = form('record-meeting', 'Record a meeting', [
        field('id', 'Meeting id', {required: true, pattern: '[A-Za-z0-9][A-Za-z0-9._:-]*'}),
        field('heldOn', 'Held on', {type: 'date', required: true}),
        field('location', 'Location'),
        field('level', 'Level', {required: true}, [h('option', {value: ''}, '—'), ...LEVELS.map(level => h('option', {value: level}, words(level)))]),
        checkboxes('partyIds', 'Parties at the table', summary.parties.filter(p => p.role === 'PARTY')),
        checkboxes('mediatorIds', 'Mediators', summary.parties.filter(p => p.role === 'MEDIATOR')),
        field('summary', 'Summary', {textarea: true})
    ], async body => {
        const answer = await post(context.path('/meetings'), body);
        context.waitFor = answer.position;
        return `Recorded meeting ${body.id}.`;
    });

    clear(panel, statementIds, h('div', {class: 'forms'}, recordStatement, correctStatement, retractStatement, recordMeeting),
        importForm(context), eventDataForm(context));
    // Come from an open statement: both of its forms hold its id, and the correction is in view.
    if (context.state.statement) {
        for (const form of [correctStatement, retractStatement]) {
            form.querySelector('[name=statementId]').value = context.state.statement;
        }
        correctStatement.scrollIntoView({block: 'start'});
        correctStatement.querySelector('[name=summary]').focus();
    }
}

/** A labelled input (or select, or textarea) named after the field of the command's body. */
function field(name, label, options = {}, choices = null) {
    const id = `f-${name.replaceAll('.', '-')}-${Math.random().toString(36).substring(2, 7)}`;
    const attributes = {id, name, required: options.required, type: options.type, step: options.step,
        pattern: options.pattern, placeholder: options.placeholder, list: options.list,
        dataset: options.path ? {path: 'true'} : undefined};
    const input = choices ? h('select', attributes, choices) : options.textarea ? h('textarea', {...attributes, type: null, rows: 2})
        : h('input', attributes);
    return h('div', {class: 'field'}, h('label', {for: id}, label, options.required ? h('span', {'aria-hidden': 'true'}, ' *') : ''), input);
}

function checkboxes(name, label, parties) {
    return h('fieldset', {class: 'field', dataset: {list: name}}, h('legend', {}, label),
        parties.map(party => h('label', {class: 'check'}, h('input', {type: 'checkbox', name, value: party.id}), ` ${party.name}`)),
        parties.length ? null : h('span', {class: 'quiet'}, 'none'));
}

/**
 * A form whose fields become the command's JSON body (dotted names nest, empty fields are left
 * out, numbers are numbers); fields marked as path go into the address instead.
 */
function form(id, title, fields, send) {
    const message = h('p', {class: 'form-message', 'aria-live': 'polite'});
    const element = h('form', {id, class: 'command', novalidate: true}, h('h2', {}, title), fields,
        h('button', {type: 'submit'}, title), message);
    element.addEventListener('submit', async event => {
        event.preventDefault();
        clearErrors(element, message);
        const body = {};
        const path = {};
        for (const input of element.querySelectorAll('input[name], select[name], textarea[name]')) {
            if (input.type === 'checkbox') {
                if (input.checked) {
                    (body[input.name] = body[input.name] || []).push(input.value);
                }
                continue;
            }
            const value = input.value.trim();
            if (value === '') {
                continue;
            }
            if (input.dataset.path) {
                path[input.name] = value;
                continue;
            }
            const parts = input.name.split('.');
            let target = body;
            for (const part of parts.slice(0, -1)) {
                target = target[part] = target[part] || {};
            }
            target[parts[parts.length - 1]] = input.type === 'number' && !Number.isNaN(Number(value)) ? Number(value) : value;
        }
        const missing = [...element.querySelectorAll('[data-path]')].filter(input => !input.value.trim());
        if (missing.length) {
            showProblem(element, message, new Problem(400, {title: 'Some fields are missing',
                errors: missing.map(input => ({field: input.name, message: 'must not be empty'}))}));
            return;
        }
        try {
            message.textContent = await send(body, path);
            message.className = 'form-message done';
        } catch (problem) {
            showProblem(element, message, problem);
        }
    });
    return element;
}

function clearErrors(form, message) {
    form.querySelectorAll('.field-error').forEach(error => error.remove());
    form.querySelectorAll('[aria-invalid]').forEach(input => {
        input.removeAttribute('aria-invalid');
        input.removeAttribute('aria-describedby');
    });
    message.textContent = '';
    message.className = 'form-message';
}

/** The ledger's message next to each field it names; what names no field of the form goes under the form. */
function showProblem(form, message, problem) {
    if (!(problem instanceof Problem)) {
        message.textContent = String(problem);
        message.className = 'form-message failed';
        return;
    }
    const unplaced = [];
    for (const [name, text] of Object.entries(problem.fieldMessages())) {
        const input = form.querySelector(`[name="${CSS.escape(name)}"]`) || form.querySelector(`[data-list="${CSS.escape(name)}"]`);
        if (!input) {
            unplaced.push(`${name}: ${text}`);
            continue;
        }
        const error = h('p', {class: 'field-error', id: `${input.id || name}-error`, role: 'alert'}, text);
        input.setAttribute('aria-invalid', 'true');
        input.setAttribute('aria-describedby', error.id);
        input.after(error);
    }
    const placed = unplaced.length < Object.keys(problem.fieldMessages()).length;
    message.textContent = placed && !unplaced.length ? problem.title || 'Refused' : [problem.message, ...unplaced].join(' · ');
    message.className = 'form-message failed';
}

/** A JSON Lines file sent to the import, with a bar that follows the lines answered. */
function importForm(context) {
    const file = h('input', {id: 'import-file', type: 'file', accept: '.jsonl,.ndjson,application/x-ndjson', required: true});
    const onError = h('select', {id: 'import-on-error'},
        h('option', {value: 'stop'}, 'stop at the first refused line'),
        h('option', {value: 'continue'}, 'go on past refused lines'));
    const bar = h('progress', {id: 'import-progress', max: 1, value: 0, 'aria-label': 'Import progress'});
    const status = h('p', {id: 'import-status', 'aria-live': 'polite'});
    const refusals = h('ul', {id: 'import-refusals', class: 'refusals'});
    const element = h('form', {id: 'import', class: 'command'}, h('h2', {}, 'Import a JSON Lines file'),
        h('div', {class: 'field'}, h('label', {for: 'import-file'}, 'File'), file),
        h('div', {class: 'field'}, h('label', {for: 'import-on-error'}, 'When a line is refused'), onError),
        h('button', {type: 'submit'}, 'Import'), bar, status, refusals);
    element.addEventListener('submit', async event => {
        event.preventDefault();
        if (!file.files.length) {
            status.textContent = 'Choose a file first.';
            return;
        }
        const text = await file.files[0].text();
        const total = text.split('\n').filter(line => line.trim()).length;
        clear(refusals);
        bar.max = Math.max(total, 1);
        bar.value = 0;
        status.textContent = `0 of ${total} lines`;
        let response;
        try {
            response = await postLines(`/api/import?onError=${onError.value}`, text);
        } catch (problem) {
            status.textContent = problem instanceof Problem ? problem.message : String(problem);
            return;
        }
        const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
        let pending = '';
        let answered = 0;
        for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
            pending += chunk.value;
            const lines = pending.split('\n');
            pending = lines.pop();
            for (const line of lines.filter(l => l.trim())) {
                const result = JSON.parse(line);
                if (result.summary) {
                    const s = result.summary;
                    status.textContent = `${s.lines} lines: ${s.accepted} recorded, ${s.repeated} already there, `
                        + `${s.refused} refused${s.stoppedAt ? `, stopped at line ${s.stoppedAt}` : ''}.`;
                    continue;
                }
                answered++;
                if (result.position) {
                    context.waitFor = Math.max(context.waitFor || 0, result.position);
                }
                if (result.status === 'REFUSED') {
                    refusals.append(h('li', {}, `line ${result.line}: ${result.problem.detail || result.problem.title}`));
                }
                bar.value = answered;
                status.textContent = `${answered} of ${total} lines`;
            }
        }
    });
    return element;
}
