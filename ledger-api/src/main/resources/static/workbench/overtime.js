import {ECHARTS, get} from './api.js';
import {clear, day, h, words} from './dom.js';
import {offerText, STANCES} from './positions.js';
import {downloadButton} from './share.js';

// Positions over time for one topic: each party's stance as a step line over effective dates
// (each stance a level of its own, the least favourable lowest) (superseded and retracted versions drawn apart, hollow), the numeric offers as lines and
// ranges as bands, and the gap between each pair of parties. A table under the charts says the
// same in words.

/** The stances as the chart's levels, from the bottom: supports, proposes and demands are not one level. */
const LEVELS = ['REJECTS', 'OPPOSES', 'UNDECIDED', 'CONDITIONAL', 'DEMANDS', 'PROPOSES', 'SUPPORTS'];
const MARKERS = ['circle', 'rect', 'triangle', 'diamond', 'pin', 'arrow', 'roundRect'];
/** How many parties the charts draw unless others are picked: more lines than that are not read. */
const AT_ONCE = 5;
let echarts;
let charts = [];

export async function showOverTime(panel, context, current) {
    const {summary, state} = context;
    const topicId = state.topic || (summary.topics[0] || {}).id;
    if (!topicId) {
        clear(panel, h('p', {class: 'quiet'}, 'This negotiation has no topics yet.'));
        return;
    }
    echarts = echarts || await import(ECHARTS);
    // The parties picked (a few at a time), by default the first few.
    const picked = state.show ? state.show.split(',') : summary.parties.slice(0, AT_ONCE).map(party => party.id);
    const parties = summary.parties.filter(party => picked.includes(party.id));
    const histories = await Promise.all(parties.map(party => get(context.path(
        `/positions/${encodeURIComponent(party.id)}/${encodeURIComponent(topicId)}/history`), context.coded())));
    const gaps = await get(context.path('/offer-gaps'), {topicId, ...context.times()});
    if (!current()) {
        return;
    }
    const names = new Map(summary.parties.map(party => [party.id, party.name]));
    // The axis spans the whole negotiation; the lines stop at the day looked at, marked by a rule.
    const axisEnd = context.days[context.days.length - 1];
    const lastDay = state.asOf && state.asOf < axisEnd ? state.asOf : axisEnd;
    const topicSelect = h('select', {id: 'topic', onchange: event => context.change({topic: event.target.value})},
        summary.topics.map(topic => h('option', {value: topic.id, selected: topic.id === topicId}, topic.title)));
    const picker = h('fieldset', {id: 'party-picker', class: 'picker'}, h('legend', {}, 'Parties drawn'),
        summary.parties.map(party => h('label', {class: 'check'}, h('input', {type: 'checkbox', value: party.id,
            checked: picked.includes(party.id), onchange: () => context.change({show: [...picker.querySelectorAll(
                'input:checked')].map(box => box.value).join(',') || 'none'})}), ` ${party.name}`)));
    const stanceChart = h('div', {id: 'stance-chart', class: 'chart', role: 'img'});
    const offerChart = h('div', {id: 'offer-chart', class: 'chart', role: 'img'});
    const withOffers = histories.some(history => history.entries.some(entry => entry.offer));

    charts.forEach(chart => chart.dispose());
    const topicTitle = summary.topics.find(topic => topic.id === topicId).title;
    clear(panel,
        h('p', {}, h('label', {for: 'topic'}, 'Topic '), topicSelect),
        picker,
        h('h2', {}, 'Stances'),
        stanceChart, pictures('stance', `stances on ${topicTitle}`, () => charts[0]),
        withOffers ? [h('h2', {}, 'Offers'), offerChart, pictures('offer', `offers on ${topicTitle}`, () => charts[1]),
            gapList(gaps, names)] : h('p', {class: 'quiet'}, 'No numeric offers on this topic.'),
        table(parties, histories));
    charts = [stanceLines(stanceChart, parties, histories, context.days[0], lastDay, axisEnd, state.asOf)];
    if (withOffers) {
        charts.push(offerLines(offerChart, parties, histories, context.days[0], lastDay, axisEnd, state.asOf));
    }
}

/** The versions that count: not superseded, not retracted. */
function standing(history) {
    return history.entries.filter(entry => !entry.superseded && entry.kind !== 'RETRACTED')
        .sort((a, b) => a.effectiveOn.localeCompare(b.effectiveOn));
}

function stanceLines(element, parties, histories, firstDay, lastDay, axisEnd, asOf) {
    const series = [];
    parties.forEach((party, index) => {
        const points = standing(histories[index]).filter(entry => entry.stance)
            .map(entry => [entry.effectiveOn, LEVELS.indexOf(entry.stance), entry.summary]);
        if (points.length && points[points.length - 1][0] < lastDay) {
            points.push([lastDay, points[points.length - 1][1], '']);
        }
        const marker = MARKERS[index % MARKERS.length];
        series.push({name: party.name, type: 'line', step: 'end', data: points, symbol: marker, symbolSize: 9,
            lineStyle: {width: width(index)}, z: 2 + index, markLine: index === 0 && asOf ? asOfLine(asOf) : undefined});
        const replaced = histories[index].entries
            .filter(entry => entry.stance && (entry.superseded || entry.kind === 'RETRACTED'))
            .map(entry => [entry.effectiveOn, LEVELS.indexOf(entry.stance), `${words(entry.kind)}${entry.superseded ? ', superseded' : ''}: ${entry.summary}`]);
        if (replaced.length) {
            series.push({name: `${party.name} (superseded)`, type: 'scatter', data: replaced, symbol: `empty${cap(marker)}`,
                symbolSize: 11, itemStyle: {opacity: 0.7}});
        }
    });
    const chart = echarts.init(element, null, {renderer: 'canvas'});
    chart.setOption({
        aria: {enabled: true, decal: {show: true}},
        animation: false,
        tooltip: {trigger: 'item', formatter: item => `${escape(item.seriesName)}<br>${day(item.value[0])}: `
                + level(item.value[1]) + (item.value[2] ? `<br>${escape(item.value[2])}` : '')},
        legend: LEGEND,
        grid: {left: 110, right: 30, top: 20, bottom: 80},
        xAxis: X_AXIS(firstDay, axisEnd),
        yAxis: {type: 'value', min: 0, max: LEVELS.length - 1, interval: 1, axisLabel: {formatter: level}},
        series
    });
    element.setAttribute('aria-label', `Stances over time: ${parties.map((party, index) => {
        const last = standing(histories[index]).filter(entry => entry.stance && entry.effectiveOn <= lastDay).pop();
        return last ? `${party.name}, ${STANCES[last.stance].note} since ${day(last.effectiveOn)}` : party.name;
    }).join('; ')}`);
    return chart;
}

/** A level of the stance chart, as its axis and tooltips write it. */
function level(index) {
    const stance = STANCES[LEVELS[index]];
    return stance ? `${stance.symbol} ${stance.note}` : '';
}

function offerLines(element, parties, histories, firstDay, lastDay, axisEnd, asOf) {
    const series = [];
    let unit = '';
    parties.forEach((party, index) => {
        const offers = standing(histories[index]).filter(entry => entry.offer);
        if (!offers.length) {
            return;
        }
        unit = unit || offers[0].offer.unit || '';
        const hold = points => points.length && points[points.length - 1][0] < lastDay
            ? [...points, [lastDay, ...points[points.length - 1].slice(1)]] : points;
        const values = hold(offers.filter(entry => entry.offer.value != null).map(entry => [entry.effectiveOn, Number(entry.offer.value)]));
        const ranges = hold(offers.filter(entry => entry.offer.min != null && entry.offer.max != null)
            .map(entry => [entry.effectiveOn, Number(entry.offer.min), Number(entry.offer.max)]));
        const marker = MARKERS[index % MARKERS.length];
        if (values.length) {
            series.push({name: party.name, type: 'line', step: 'end', data: values, symbol: marker, symbolSize: 9,
                lineStyle: {width: width(index)}, z: 2 + index});
        }
        if (ranges.length) {
            const stack = `range-${party.id}`;
            series.push({name: `${party.name} (range)`, type: 'line', step: 'end', stack, symbol: 'none',
                lineStyle: {opacity: 0}, data: ranges.map(([on, min]) => [on, min]), tooltip: {show: false}});
            series.push({name: `${party.name} (range)`, type: 'line', step: 'end', stack, symbol: marker,
                areaStyle: {opacity: 0.3}, lineStyle: {type: 'dashed'}, data: ranges.map(([on, min, max]) => [on, max - min])});
        }
    });
    if (asOf && series.length) {
        series[0].markLine = asOfLine(asOf);
    }
    const chart = echarts.init(element, null, {renderer: 'canvas'});
    chart.setOption({
        aria: {enabled: true, decal: {show: true}},
        animation: false,
        tooltip: {trigger: 'axis'},
        legend: LEGEND,
        grid: {left: 70, right: 30, top: 40, bottom: 80},
        xAxis: X_AXIS(firstDay, axisEnd),
        yAxis: {type: 'value', name: unit, scale: true},
        series
    });
    element.setAttribute('aria-label', `Offers over time${unit ? ` in ${unit}` : ''}`);
    return chart;
}

/** Each later party's line is thinner and drawn above, so that lines on the same score stay visible. */
/** The legend under the plot, scrolling when the parties do not fit: it never covers an axis. */
const LEGEND = {type: 'scroll', bottom: 0};
/** Dates that make room for each other on a narrow screen. */
const X_AXIS = (min, max) => ({type: 'time', min, max, axisLine: {onZero: false},
    axisLabel: {hideOverlap: true, formatter: value => day(new Date(value).toISOString().substring(0, 10))}});

/** The chart as a picture to take away: PNG as drawn, SVG drawn again as vectors. */
function pictures(id, name, chart) {
    const file = name.replace(/[^\p{L}\p{N}]+/gu, '-').toLowerCase();
    return h('p', {class: 'pictures'},
        downloadButton(`${id}-png`, 'Chart as PNG', `${file}.png`,
            () => chart().getDataURL({type: 'png', pixelRatio: 2, backgroundColor: '#ffffff'})),
        ' ',
        downloadButton(`${id}-svg`, 'Chart as SVG', `${file}.svg`, () => {
            // Drawn again with ECharts' SVG renderer in a box out of sight, then taken as text.
            const drawn = chart();
            const box = h('div', {class: 'offscreen', 'aria-hidden': 'true',
                style: `width: ${drawn.getWidth()}px; height: ${drawn.getHeight()}px`});
            document.body.append(box);
            const vectors = echarts.init(box, null, {renderer: 'svg'});
            vectors.setOption({...drawn.getOption(), animation: false});
            const svg = box.querySelector('svg').outerHTML;
            vectors.dispose();
            box.remove();
            return URL.createObjectURL(new Blob([svg], {type: 'image/svg+xml'}));
        }));
}

function width(index) {
    return Math.max(2, 7 - 2 * index);
}

function asOfLine(asOf) {
    return {silent: true, symbol: 'none', lineStyle: {color: '#1b1f24', type: 'solid'},
        label: {formatter: 'as of'}, data: [{xAxis: asOf}]};
}

/** For each pair of parties, how far apart their offers were on each day one changed: 6 → 3.5 → 0.8 → 0. */
function gapList(gaps, names) {
    return h('ul', {id: 'offer-gaps', class: 'gaps'}, gaps.pairs.map(pair => h('li', {dataset: {first: pair.firstPartyId, second: pair.secondPartyId}},
        h('strong', {}, `Gap between ${names.get(pair.firstPartyId) || pair.firstPartyId} and ${names.get(pair.secondPartyId) || pair.secondPartyId}: `),
        h('span', {class: 'gap-values'}, pair.points.map(point => point.gap == null ? '–' : String(point.gap)).join(' → ')),
        h('span', {class: 'quiet'}, ` (${pair.points.map(point => day(point.on)).join(', ')})`))));
}

/** The charts' content in words: every version, by party. */
function table(parties, histories) {
    const rows = [];
    parties.forEach((party, index) => histories[index].entries.forEach(entry => rows.push(h('tr', {
            dataset: {party: party.id, statement: entry.statementId, revision: String(entry.revision), kind: entry.kind,
                superseded: String(entry.superseded)}},
        h('td', {}, party.name), h('td', {}, day(entry.effectiveOn)), h('td', {}, words(entry.kind)),
        h('td', {}, entry.stance ? words(entry.stance) : ''), h('td', {}, entry.offer ? offerText(entry.offer) : ''),
        h('td', {}, entry.superseded ? 'superseded' : (entry.kind === 'RETRACTED' ? 'retracted' : 'standing')),
        h('td', {}, entry.summary)))));
    return h('details', {id: 'over-time-table'}, h('summary', {}, 'The same as a table'),
        h('table', {class: 'list'}, h('thead', {}, h('tr', {}, ['Party', 'Effective', 'Version', 'Stance', 'Offer', 'Standing', 'Summary']
            .map(name => h('th', {scope: 'col'}, name)))), h('tbody', {}, rows)));
}

function cap(text) {
    return text.charAt(0).toUpperCase() + text.substring(1);
}

function escape(text) {
    const element = document.createElement('span');
    element.textContent = text;
    return element.innerHTML;
}
