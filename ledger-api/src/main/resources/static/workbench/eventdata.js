import {post, postForm, Problem} from './api.js';
import {clear, h, words} from './dom.js';

// Event data (GDELT, ICEWS) into the negotiation by a mapping, from the Record tab: the file and
// the mapping go up with a progress bar, the ledger's report comes back (a dry run first, if one
// likes, whose report offers to import what it lists), and a batch just imported can be taken back
// out with a reason. docs/event-data.md.

const DATASETS = {gdelt1: 'GDELT 1.0', gdelt2: 'GDELT 2.0', icews: 'ICEWS'};

export function eventDataForm(context) {
    const file = h('input', {id: 'event-file', type: 'file', required: true});
    const dataset = h('select', {id: 'event-dataset'},
        Object.entries(DATASETS).map(([id, title]) => h('option', {value: id}, title)));
    const mapping = h('input', {id: 'event-mapping', type: 'file', accept: '.json,application/json'});
    const dryRun = h('input', {id: 'event-dry-run', type: 'checkbox', checked: true});
    const bar = h('progress', {id: 'event-progress', max: 1, value: 0, 'aria-label': 'Upload progress'});
    const status = h('p', {id: 'event-status', 'aria-live': 'polite'});
    const report = h('div', {id: 'event-report'});
    const element = h('form', {id: 'event-data', class: 'command'}, h('h2', {}, 'Import event data (GDELT, ICEWS)'),
        h('div', {class: 'field'}, h('label', {for: 'event-file'}, 'File (plain, .zip or .gz)'), file),
        h('div', {class: 'field'}, h('label', {for: 'event-dataset'}, 'Dataset'), dataset),
        h('div', {class: 'field'}, h('label', {for: 'event-mapping'}, 'Mapping (JSON; the shipped one without it)'),
            mapping),
        h('div', {class: 'field'}, h('span', {}, 'Dry run'),
            h('label', {for: 'event-dry-run'}, dryRun, ' only say what would be recorded')),
        h('button', {type: 'submit'}, 'Import'), bar, status, report);
    element.addEventListener('submit', event => {
        event.preventDefault();
        if (!file.files.length) {
            status.textContent = 'Choose a file first.';
            return;
        }
        send(file.files[0], dataset.value, mapping.files[0], dryRun.checked);
    });

    /** Sends the file; after a dry run, the report offers to import what it lists, as it was sent. */
    async function send(chosen, from, mappedBy, dry) {
        const form = new FormData();
        form.append('file', chosen);
        if (mappedBy) {
            form.append('mapping', mappedBy);
        }
        clear(report);
        bar.value = 0;
        status.textContent = 'Sending the file …';
        try {
            const answer = await postForm(context.path(`/event-data?dataset=${from}&dryRun=${dry}`),
                form, (sent, total) => {
                    bar.max = Math.max(total, 1);
                    bar.value = sent;
                    status.textContent = sent < total ? `${Math.round(100 * sent / Math.max(total, 1))} % sent`
                        : 'Sent; the ledger is reading and recording the rows …';
                });
            status.textContent = answer.dryRun ? 'Dry run: nothing was recorded.' : 'Imported.';
            clear(report, describe(answer), answer.dryRun
                ? h('button', {type: 'button', id: 'event-import-these', onclick: () => send(chosen, from, mappedBy, false)},
                    `Import these ${answer.records} records`)
                : retraction(context, answer.batchId));
        } catch (problem) {
            status.textContent = problem instanceof Problem ? problem.message : String(problem);
        }
    }
    return element;
}

/** The report: rows read, used and skipped (why), the records by kind, party, topic and stance. */
function describe(answer) {
    const counts = (title, values) => h('div', {}, h('h4', {}, title), h('ul', {},
        Object.entries(values).map(([name, count]) => h('li', {}, `${words(name)}: ${count}`))));
    return h('section', {id: 'event-summary', 'aria-label': 'Report of the import'},
        h('p', {}, `Batch ${answer.batchId}: ${answer.rows} rows read, ${answer.rowsUsed} used, `
            + `${answer.records} records` + (answer.dryRun ? ' would be recorded.'
                : `; ${answer.recorded} recorded, ${answer.repeated} already there, ${answer.refused.length} refused.`)),
        answer.refused && answer.refused.length ? h('ul', {class: 'refusals'}, answer.refused.map(refusal =>
            h('li', {}, `${refusal.recordId}: ${refusal.problem.detail || refusal.problem.title}`))) : null,
        h('div', {class: 'counts'}, counts('By kind', answer.counts.byKind), counts('By party', answer.counts.byParty),
            counts('By stance', answer.counts.byStance)),
        Object.keys(answer.skipped).length ? counts('Rows skipped', answer.skipped) : null);
}

/** Takes the batch just imported back out: every record retracted, with the reason. */
function retraction(context, batchId) {
    const reason = h('input', {id: 'event-retract-reason', name: 'reason', required: true});
    const message = h('p', {id: 'event-retract-status', 'aria-live': 'polite'});
    const element = h('form', {id: 'event-retract', class: 'command'},
        h('h3', {}, `Take batch ${batchId} back out`),
        h('div', {class: 'field'}, h('label', {for: 'event-retract-reason'}, 'Reason'), reason),
        h('button', {type: 'submit'}, 'Retract the batch'), message);
    element.addEventListener('submit', async event => {
        event.preventDefault();
        try {
            const answer = await post(context.path(`/event-data/batches/${encodeURIComponent(batchId)}/retraction`),
                {reason: reason.value});
            message.textContent = `${answer.retracted} of ${answer.records} records retracted now`
                + (answer.already ? `, ${answer.already} were already.` : '.');
        } catch (problem) {
            message.textContent = problem instanceof Problem ? problem.message : String(problem);
        }
    });
    return element;
}
