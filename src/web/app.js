// The seminar page of `entente serve`. It asks the server's JSON API (the CLI's own answers)
// and draws what it gets; it computes no answer itself. Text from the data is only ever set
// with textContent or attributes, never parsed as HTML; the drawings (Graphviz SVG, escaped by
// entente) are parsed as SVG documents and stripped of anything active before they are shown.
'use strict';

const views = {
    neighbors: {api: 'neighbors', fields: ['a', 'depth']},
    align: {api: 'align', fields: ['a', 'b']},
    ranking: {api: 'align', fields: ['a']},
    diverge: {api: 'diverge', fields: ['a', 'b']},
    balance: {api: 'balance', fields: []},
    path: {api: 'path', fields: ['a', 'b', 'k']},
};

const state = {
    view: 'neighbors',
    a: '',
    b: '',
    depth: '1',
    k: '1',
    as_of: '',
    assume: [],
    without: [],
    pairs: ''
};
let catalog = null;
let answer = null;      // the parsed JSON answer shown
let answerText = '';    // its text, for download
let svgText = '';       // the drawing shown, for download
let selection = null;   // {kind: "actor"|"pair"|"claim", ...} chosen in the drawing
let requestNumber = 0;  // answers to older requests are dropped

const $ = (id) => document.getElementById(id);

function el(tag, text, cls) {
    const e = document.createElement(tag);
    if (text !== undefined && text !== null)
        e.textContent = String(text);
    if (cls)
        e.className = cls;
    return e;
}

function signed(x) {
    if (x === null || x === undefined)
        return '-';
    const t = Math.abs(x).toFixed(2);
    return (x > 0 ? '+' : x < 0 ? '-' : '') + t;
}

// ---- state and the URL -------------------------------------------------------------------

function readUrl() {
    const q = new URLSearchParams(location.search);
    state.view = views[q.get('view')] ? q.get('view') : 'neighbors';
    for (const key of ['a', 'b', 'depth', 'k', 'as_of'])
        state[key] = q.get(key) || (key === 'depth' || key === 'k' ? '1' : '');
    state.pairs = q.get('pairs') === '1' ? '1' : '';
    state.assume = q.getAll('assume');
    state.without = q.getAll('without');
}

function urlOf() {
    const q = new URLSearchParams();
    q.set('view', state.view);
    for (const f of views[state.view].fields)
        if (state[f])
            q.set(f, state[f]);
    if (state.as_of)
        q.set('as_of', state.as_of);
    addWhatIf(q);
    if (state.pairs)
        q.set('pairs', '1');
    return '?' + q.toString();
}

// The what-if's claims, as every request and the page's own address carry them.
function addWhatIf(q) {
    for (const x of state.assume)
        q.append('assume', x);
    for (const x of state.without)
        q.append('without', x);
}

function apiQuery() {
    const q = new URLSearchParams();
    const v = state.view;
    if (v === 'neighbors') {
        q.set('actor', state.a);
        q.set('depth', state.depth);
    }
    if (v === 'align' || v === 'diverge' || v === 'path') {
        q.set('a', state.a);
        q.set('b', state.b);
    }
    if (v === 'ranking')
        q.set('a', state.a);
    if (v === 'path')
        q.set('k', state.k);
    if (state.as_of)
        q.set('as_of', state.as_of);
    addWhatIf(q);
    return views[v].api + '?' + q.toString();
}

function formFromState() {
    $('view').value = state.view;
    $('a').value = state.a;
    $('b').value = state.b;
    $('depth').value = state.depth;
    $('k').value = state.k;
    $('as-of').value = state.as_of;
    $('per-pair').checked = state.pairs === '1';
    const year = parseInt(state.as_of, 10);
    if (!isNaN(year))
        $('as-of-slider').value = String(year);
    $('as-of-label').textContent = state.as_of ? '' : '(all dates)';
    for (const f of ['a', 'b', 'depth', 'k'])
        $('field-' + f).hidden = !views[state.view].fields.includes(f);
    const list = $('whatif-list');
    list.replaceChildren();
    const chip = (text, remove) => {
        const li = el('li', text);
        const x = el('button', '×');
        x.type = 'button';
        x.title = 'remove';
        x.addEventListener('click', () => {
            remove();
            go();
        });
        li.append(x);
        list.append(li);
    };
    state.assume.forEach((c, i) => chip('assume ' + c, () => state.assume.splice(i, 1)));
    state.without.forEach((c, i) => chip('without ' + c, () => state.without.splice(i, 1)));
    const banner = $('hypothetical');
    const parts = state.assume.map((c) => 'assuming “' + c + '”')
                      .concat(state.without.map((c) => 'without claim ' + c));
    banner.hidden = parts.length === 0;
    banner.textContent =
        parts.length ? 'Hypothetical — not the data as it stands: ' + parts.join('; ') : '';
}

function stateFromForm() {
    state.view = $('view').value;
    state.a = $('a').value.trim();
    state.b = $('b').value.trim();
    state.depth = $('depth').value || '1';
    state.k = $('k').value || '1';
    state.as_of = $('as-of').value.trim();
}

// Runs the current question and records it in the address bar (`push`: a new history entry).
function go(push = true) {
    const url = urlOf();
    // A lesson file's address may refuse a new query (a browser's rule for file: pages): the
    // view is still shown.
    try {
        if (push && url !== location.search)
            history.pushState(null, '', url);
        else
            history.replaceState(null, '', url);
    } catch (e) {
        if (!fileAnswers)
            throw e;
    }
    formFromState();
    ask();
}

// ---- asking the server -------------------------------------------------------------------

function showError(error) {
    const box = $('error');
    box.replaceChildren();
    box.append(el('strong', 'entente: '), document.createTextNode(error.error || 'request failed'));
    if (Array.isArray(error.suggestions) && error.suggestions.length) {
        box.append(el('span', ' Try:'));
        for (const s of error.suggestions) {
            const b = el('button', s, 'suggestion');
            b.type = 'button';
            b.addEventListener('click', () => replaceName(error.name, s));
            box.append(b);
        }
    }
    box.hidden = false;
}

function replaceName(wrong, right) {
    for (const f of ['a', 'b'])
        if (state[f] === wrong)
            state[f] = right;
    go();
}

// A lesson file (`entente export --format html`) carries the answers to its questions; the page
// then asks nothing of a server and answers from them.
const fileAnswers = (() => {
    const node = document.getElementById('entente-answers');
    return node ? JSON.parse(node.textContent).answers : null;
})();

function sameParams(a, b) {
    const key = pairs => JSON.stringify(pairs.map(p => [String(p[0]), String(p[1])]).sort());
    return key(a) === key(b);
}

function answerFromFile(path) {
    const url = new URL(path, 'http://lesson.invalid/');
    const params = Array.from(url.searchParams.entries());
    const hit = fileAnswers.find(e => e.path === url.pathname && sameParams(e.params, params));
    const asked = fileAnswers.filter(e => e.path.startsWith('/api/') && e.path !== '/api/catalog' &&
                                          e.path !== '/api/series').length;
    if (!hit)
        throw {error: 'This lesson file holds the answers to ' + asked + ' prepared question' +
               (asked === 1 ? '' : 's') + ' only; `entente serve` answers any other.'};
    if (hit.status !== 200)
        throw JSON.parse(hit.body);
    return hit.body;
}

async function fetchAnswer(path) {
    if (fileAnswers)
        return answerFromFile(path);
    const response = await fetch(path);
    const type = response.headers.get('Content-Type') || '';
    if (!response.ok) {
        let error = {error: 'HTTP ' + response.status};
        if (type.startsWith('application/json'))
            error = await response.json();
        throw error;
    }
    return response.text();
}

async function ask() {
    const number = ++requestNumber;
    if (state.view !== 'balance' && !state.a) {
        $('status').textContent = 'Choose an actor.';
        return;
    }
    $('status').textContent = 'asking…';
    document.body.dataset.loading = '1';
    try {
        const query = apiQuery();
        // The answer without its drawing when only the drawing is refused (too large to lay out).
        const [answered, drawn] = await Promise.allSettled([
            fetchAnswer('/api/' + query),
            fetchAnswer('/svg/' + query + (state.pairs ? '&per_pair=1' : ''))
        ]);
        if (number !== requestNumber)
            return;
        if (answered.status === 'rejected')
            throw answered.reason;
        const json = answered.value;
        $('error').hidden = true;
        // The same question as a PNG (the server draws it, as --diagram x.png) and the claims
        // behind the answer as CSV (as export --format csv writes claims): links, not copies.
        const png = $('download-png');
        png.href = '/png/' + query + (state.pairs ? '&per_pair=1' : '');
        png.download = fileStem() + '.png';
        png.hidden = drawn.status !== 'fulfilled' || fileAnswers !== null;
        const csv = $('download-csv');
        csv.href = '/csv/' + query;
        csv.download = fileStem() + '-claims.csv';
        csv.hidden = fileAnswers !== null;  // no server behind a lesson file
        answerText = json;
        answer = JSON.parse(json);
        selection = null;
        if (drawn.status === 'fulfilled') {
            svgText = drawn.value;
            showDrawing(svgText);
        } else {
            svgText = '';
            const reason = drawn.reason;
            $('drawing').replaceChildren(
                el('p', 'No drawing: ' + (reason.error || reason.message || 'request failed'),
                   'no-drawing'));
        }
        showSummary();
        showClaims();
        $('status').textContent = statusLine();
        if (state.view === 'align')
            showSeries(number);
    } catch (error) {
        if (number !== requestNumber)
            return;
        showError(error instanceof Error ? {error: error.message} : error);
        $('status').textContent = '';
    } finally {
        if (number === requestNumber)
            delete document.body.dataset.loading;
    }
}

function statusLine() {
    const n = answer.claims ? answer.claims.length : 0;
    return n + (n === 1 ? ' claim' : ' claims') + ' behind this answer';
}

// ---- the drawing -------------------------------------------------------------------------

function showDrawing(text) {
    const box = $('drawing');
    box.replaceChildren();
    const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
    const svg = doc.documentElement;
    if (svg.nodeName !== 'svg' || doc.getElementsByTagName('parsererror').length) {
        box.append(el('p', 'The drawing could not be read.'));
        return;
    }
    // Nothing active: no scripts, no foreign HTML, no event attributes, no javascript: links.
    for (const bad of Array.from(svg.querySelectorAll('script, foreignObject, iframe')))
        bad.remove();
    for (const node of Array.from(svg.querySelectorAll('*'))) {
        for (const attr of Array.from(node.attributes)) {
            const name = attr.name.toLowerCase();
            if (name.startsWith('on') ||
                ((name === 'href' || name === 'xlink:href') && !attr.value.startsWith('#')))
                node.removeAttribute(attr.name);
        }
    }
    const shown = document.importNode(svg, true);
    box.append(shown);
    for (const g of shown.querySelectorAll('g.node')) {
        g.addEventListener('click', (event) => {
            event.preventDefault();
            clickNode(g);
        });
    }
    for (const g of shown.querySelectorAll('g.edge')) {
        g.addEventListener('click', (event) => {
            event.preventDefault();
            clickEdge(g);
        });
    }
}

function markSelected(g) {
    for (const s of $('drawing').querySelectorAll('g.selected'))
        s.classList.remove('selected');
    if (g)
        g.classList.add('selected');
}

function actorOfNode(g) { return g.id.startsWith('actor-') ? g.id.slice(6) : g.id; }

function clickNode(g) {
    const id = actorOfNode(g);
    if (state.view === 'neighbors' && id !== state.a) {
        state.a = id;  // move the focus
        $('search').value = '';
        go();
        return;
    }
    selection = {kind: 'actor', id};
    markSelected(g);
    showClaims();
}

function clickEdge(g) {
    const id = g.id;
    const m = /^(?:tie|score|pair)-(.+?)--(.+)$/.exec(id);
    if (m)
        selection = {kind: 'pair', a: m[1], b: m[2], label: m[1] + ' – ' + m[2]};
    else if (/^(?:claim|derived)-/.test(id))
        selection = {kind: 'claim', id: id.replace(/^(?:claim|derived)-/, '')};
    else
        return;
    markSelected(g);
    showClaims();
}

// ---- the answer in words -----------------------------------------------------------------

function table(headers, rows) {
    const t = el('table');
    const head = el('tr');
    for (const h of headers)
        head.append(el('th', h));
    t.append(head);
    for (const row of rows) {
        const tr = el('tr');
        for (const cell of row) {
            if (cell instanceof Node) {
                const td = el('td');
                td.append(cell);
                tr.append(td);
            } else
                tr.append(el('td', cell));
        }
        t.append(tr);
    }
    return t;
}

const nameOf = (actor) => (actor ? actor.name : '-');

function showSummary() {
    const box = $('summary');
    box.replaceChildren();
    const a = answer;
    const v = state.view;
    if (v === 'neighbors') {
        box.append(el('h2', 'Neighbourhood of ' + a.center.name + ', depth ' + a.depth));
        box.append(
            el('p',
               a.actors.length + ' actors, ' + a.claims.length +
                   ' claims. Click an actor to move there, a line to read its claims.'));
    } else if (v === 'align') {
        box.append(
            el('h2', 'Alignment of ' + a.a.name + ' and ' + a.b.name + ': ' + signed(a.alignment)));
        box.append(
            el('p',
               'agreement ' + signed(a.agreement) + ' over ' + a.shared +
                   ' shared objects; direct tie ' + signed(a.direct)));
        box.append(table(
            ['measure', 'score', '90% interval', 'objects'],
            Object.entries(a.measures)
                .map(
                    ([m, s]) =>
                        [m, signed(s.score),
                         s.low === null ? '-' : '[' + signed(s.low) + ', ' + signed(s.high) + ']',
                         s.objects])));
        if (a.shared_objects.length) {
            box.append(el('h3', 'Shared objects'));
            box.append(table(
                ['object', a.a.id, a.b.id, ''],
                a.shared_objects.map(
                    (s) =>
                        [s.object.name, signed(s.tie_a.value), signed(s.tie_b.value),
                         s.same_sign ? 'agree' : el('span', 'DIVERGE', 'diverge')])));
        }
    } else if (v === 'ranking') {
        box.append(el('h2', 'Who aligns with ' + a.actor.name + ' (' + a.measure + ')'));
        box.append(table(
            ['#', 'actor', 'score', 'objects'],
            a.ranking.map((r, i) => [i + 1, r.actor.name, signed(r.score), r.objects])));
        if (a.thin.length) {
            box.append(
                el('h3', 'Thin evidence (fewer than ' + a.min_shared + ' objects), not ranked'));
            box.append(table(
                ['actor', 'score', 'objects'],
                a.thin.map((r) => [r.actor.name, signed(r.score), r.objects])));
        }
    } else if (v === 'diverge') {
        const roadblocks = a.divergence.filter((p) => p.roadblock).length;
        box.append(
            el('h2',
               'Where ' + a.a.name + ' and ' + a.b.name + ' diverge: ' + a.divergence.length +
                   ' points, ' + roadblocks + ' roadblocks'));
        box.append(table(
            ['object', '', a.a.id, a.b.id, 'weight'],
            a.divergence.map(
                (p) =>
                    [p.object.name, p.roadblock ? el('span', 'roadblock', 'diverge') : '',
                     signed(p.tie_a.value), signed(p.tie_b.value), p.weight.toFixed(2)])));
    } else if (v === 'balance') {
        const f = a.frustration;
        box.append(
            el('h2',
               'Balance: frustration index ' + f.index +
                   (f.exact ? '' : ' (not proven; at least ' + f.lower_bound + ')')));
        const t = a.triangles;
        box.append(
            el('p',
               a.ties.length + ' signed ties; triangles +++ ' + t['+++'] + ', ++- ' + t['++-'] +
                   ', +-- ' + t['+--'] + ', --- ' + t['---']));
        f.components.forEach((c, i) => {
            const camps = el('div', null, 'camps');
            camps.id = 'camps-' + (i + 1);
            camps.append(
                el('h3',
                   'Component ' + (i + 1) + ' (' + c.ties + ' ties, frustration ' + c.index + ')'));
            camps.append(el('p', 'camp A: ' + c.camp_a.map((x) => x.id).join(', '), 'camp-a'));
            camps.append(el('p', 'camp B: ' + c.camp_b.map((x) => x.id).join(', '), 'camp-b'));
            box.append(camps);
        });
        if (f.frustrated_ties.length) {
            box.append(el('h3', 'Frustrated ties'));
            box.append(table(
                ['tie', ''],
                f.frustrated_ties.map(
                    (e) =>
                        [e.a.id + ' – ' + e.b.id,
                         e.sign > 0 ? 'friends in opposite camps' : 'enemies in the same camp'])));
        }
    } else if (v === 'path') {
        box.append(el('h2', 'From ' + a.from.name + ' to ' + a.to.name));
        if (!a.paths.length)
            box.append(el('p', 'No path within the limits given.'));
        a.paths.forEach(
            (p, i) => box.append(
                el('p',
                   'path ' + (i + 1) + ': ' + p.actors.map(nameOf).join(' → ') + ' (' + p.hops +
                       ' hops, sign ' +
                       (p.sign > 0     ? '+' :
                            p.sign < 0 ? '-' :
                                         '0') +
                       ')')));
    }
    if (a.scenario && (a.scenario.assume.length || a.scenario.without.length || a.scenario.as_of)) {
        const parts = [];
        if (a.scenario.as_of)
            parts.push('as of ' + a.scenario.as_of);
        for (const x of a.scenario.assume)
            parts.push('assuming “' + x + '”');
        for (const x of a.scenario.without)
            parts.push('without ' + x);
        box.append(el('p', 'scenario: ' + parts.join('; '), 'scenario'));
    }
}

// ---- a pair's alignment over the years ----------------------------------------------------

const svgNS = 'http://www.w3.org/2000/svg';

function svgEl(tag, attrs, text) {
    const e = document.createElementNS(svgNS, tag);
    for (const [k, v] of Object.entries(attrs || {}))
        e.setAttribute(k, String(v));
    if (text !== undefined)
        e.textContent = String(text);
    return e;
}

// The pair's score year by year (the server's `align A B --by year`, under the same what-if but
// over every date), charted in plain SVG: one point per year with a score, the as-of year marked.
async function showSeries(number) {
    const box = el('section');
    box.id = 'series';
    $('summary').append(box);
    const q = new URLSearchParams();
    q.set('a', state.a);
    q.set('b', state.b);
    addWhatIf(q);
    let series;
    try {
        series = JSON.parse(await fetchAnswer('/api/series?' + q.toString()));
    } catch (error) {
        if (number === requestNumber)
            box.append(el('p', 'No series: ' + (error.error || error.message)));
        return;
    }
    if (number !== requestNumber)
        return;
    const periods = series.series;
    const first = periods.findIndex((p) => p.score !== null);
    box.append(el('h3', 'Alignment by year'));
    if (first < 0) {
        box.append(el('p', 'No year has a score.'));
        return;
    }
    const shown = periods.slice(first);
    const W = 560, H = 170, left = 40, right = 10, top = 10, bottom = 30;
    const x = (i) =>
        left + (shown.length === 1 ? 0 : (i * (W - left - right)) / (shown.length - 1));
    const y = (v) => top + ((1 - v) / 2) * (H - top - bottom);
    const chart = svgEl('svg', {viewBox: '0 0 ' + W + ' ' + H, width: W, height: H, role: 'img'});
    chart.append(
        svgEl('title', {}, 'Alignment of ' + series.a.name + ' and ' + series.b.name + ' by year'));
    for (const v of [1, 0, -1]) {
        chart.append(svgEl('line', {x1: left, x2: W - right, y1: y(v), y2: y(v), class: 'grid'}));
        chart.append(svgEl(
            'text', {x: left - 6, y: y(v) + 4, 'text-anchor': 'end'}, v > 0 ? '+1' : String(v)));
    }
    chart.append(svgEl('text', {x: x(0), y: H - 8, 'text-anchor': 'start'}, shown[0].period));
    chart.append(svgEl(
        'text', {x: x(shown.length - 1), y: H - 8, 'text-anchor': 'end'},
        shown[shown.length - 1].period));
    const asOf = state.as_of.slice(0, 4);
    const marked = shown.findIndex((p) => p.period === asOf);
    if (marked >= 0) {
        chart.append(
            svgEl('line', {x1: x(marked), x2: x(marked), y1: top, y2: H - bottom, class: 'as-of'}));
        chart.append(svgEl(
            'text', {x: x(marked), y: H - 8, 'text-anchor': 'middle', class: 'as-of'},
            'as of ' + asOf));
    }
    // A line through consecutive years with a score; a year without one breaks it.
    let run = [];
    const flush = () => {
        if (run.length > 1)
            chart.append(svgEl('polyline', {points: run.join(' '), class: 'score'}));
        run = [];
    };
    shown.forEach((p, i) => {
        if (p.score === null) {
            flush();
            return;
        }
        run.push(x(i) + ',' + y(p.score));
        const dot = svgEl('circle', {cx: x(i), cy: y(p.score), r: 3.5, class: 'point'});
        dot.append(svgEl(
            'title', {}, p.period + ': ' + signed(p.score) + ' over ' + p.objects + ' objects'));
        chart.append(dot);
    });
    flush();
    box.append(chart);
}

// ---- the claims behind the selection -----------------------------------------------------

function selectedClaims() {
    const all = answer.claims || [];
    if (!selection)
        return all;
    if (selection.kind === 'claim')
        return all.filter((c) => c.id === selection.id);
    if (selection.kind === 'actor')
        return all.filter((c) => c.subject.id === selection.id || c.object.id === selection.id);
    const ends = new Set([selection.a, selection.b]);
    return all.filter(
        (c) => ends.has(c.subject.id) && ends.has(c.object.id) && c.subject.id !== c.object.id);
}

function fillFilter(id, values) {
    const select = $(id);
    const kept = select.value;
    select.replaceChildren(el('option', 'any'));
    select.firstChild.value = '';
    for (const v of Array.from(new Set(values)).sort()) {
        const o = el('option', v);
        o.value = v;
        select.append(o);
    }
    select.value = values.includes(kept) ? kept : '';
}

function showClaims() {
    const sources = new Map((answer.sources || []).map((s) => [s.id, s]));
    const claims = selectedClaims();
    fillFilter('filter-relation', claims.map((c) => c.relation));
    fillFilter('filter-source', claims.map((c) => c.source));
    fillFilter('filter-asserter', claims.map((c) => c.asserted_by_name || c.asserted_by));
    const relation = $('filter-relation').value;
    const source = $('filter-source').value;
    const asserter = $('filter-asserter').value;
    const least = parseFloat($('filter-confidence').value) || 0;
    const shown = claims.filter(
        (c) => (!relation || c.relation === relation) && (!source || c.source === source) &&
            (!asserter || (c.asserted_by_name || c.asserted_by) === asserter) &&
            c.confidence >= least);
    let title = 'Every claim of the answer';
    if (selection && selection.kind === 'actor')
        title = 'Claims of ' + selection.id;
    if (selection && selection.kind === 'pair')
        title = 'Claims behind ' + selection.label;
    if (selection && selection.kind === 'claim')
        title = 'Claim ' + selection.id;
    $('claims-title').textContent = title + ' (' + shown.length +
        (shown.length === claims.length ? '' : ' of ' + claims.length) + ')';
    const list = $('claims');
    list.replaceChildren();
    for (const c of shown) {
        const li = el('li');
        li.dataset.claim = c.id;
        li.append(el('div', c.text, 'sentence'));
        if (c.quote)
            li.append(el('blockquote', c.quote));
        const meta = el('div', null, 'meta');
        meta.append(
            el('span',
               'asserted by ' + (c.asserted_by_name || c.asserted_by) + ' · ' + c.modality +
                   (c.negated ? ' (negated)' : '') + ' · confidence ' + c.confidence + ' · claim ' +
                   c.id + ' · '));
        const s = sources.get(c.source);
        if (s && s.url && /^https?:\/\//i.test(s.url)) {
            const link = el('a', s.title);
            link.href = s.url;
            link.rel = 'noopener noreferrer';
            link.target = '_blank';
            meta.append(link);
        } else {
            meta.append(el('span', s ? s.title : c.source));
        }
        if (c.hypothetical)
            meta.append(el('span', ' · assumed (what-if)', 'hypothetical'));
        li.append(meta);
        if (!c.hypothetical && !state.without.includes(c.id)) {
            const b = el('button', 'Leave out (what-if)', 'leave-out');
            b.type = 'button';
            b.addEventListener('click', () => {
                state.without.push(c.id);
                go();
            });
            li.append(b);
        }
        list.append(li);
    }
}

// ---- downloads ---------------------------------------------------------------------------

function download(text, type, name) {
    const url = URL.createObjectURL(new Blob([text], {type}));
    const a = el('a');
    a.href = url;
    a.download = name;
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
}

function fileStem() {
    return ['entente', state.view, state.a, state.b].filter(Boolean).join('-').replace(
        /[^A-Za-z0-9_.-]+/g, '_');
}

// ---- start -------------------------------------------------------------------------------

async function start() {
    try {
        catalog = JSON.parse(await fetchAnswer('/api/catalog'));
    } catch (error) {
        showError(error);
        return;
    }
    const names = $('actor-names');
    for (const a of catalog.actors) {
        const o = el('option', a.kind);
        o.value = a.name;
        names.append(o);
    }
    const ids = $('claim-ids');
    for (const c of catalog.claims) {
        const o = el('option', c.text);
        o.value = c.id;
        ids.append(o);
    }
    const slider = $('as-of-slider');
    if (catalog.first_date && catalog.last_date) {
        slider.min = catalog.first_date.slice(0, 4);
        slider.max = catalog.last_date.slice(0, 4);
        slider.value = slider.max;
    } else {
        slider.hidden = true;
    }
    $('search-form').addEventListener('submit', (event) => {
        event.preventDefault();
        const name = $('search').value.trim();
        if (!name)
            return;
        state.view = 'neighbors';
        state.a = name;
        go();
    });
    $('view').addEventListener('change', () => {
        stateFromForm();
        formFromState();
    });
    $('ask').addEventListener('click', () => {
        stateFromForm();
        go();
    });
    for (const f of ['a', 'b', 'depth', 'k', 'as-of']) {
        $(f).addEventListener('keydown', (event) => {
            if (event.key === 'Enter') {
                stateFromForm();
                go();
            }
        });
    }
    slider.addEventListener('change', () => {
        $('as-of').value = slider.value;
        stateFromForm();
        go();
    });
    $('as-of-clear').addEventListener('click', () => {
        $('as-of').value = '';
        slider.value = slider.max;
        stateFromForm();
        go();
    });
    $('assume-add').addEventListener('click', () => {
        const text = $('assume').value.trim();
        if (text) {
            state.assume.push(text);
            $('assume').value = '';
            stateFromForm();
            go();
        }
    });
    $('without-add').addEventListener('click', () => {
        const id = $('without').value.trim();
        if (id && !state.without.includes(id)) {
            state.without.push(id);
            $('without').value = '';
            stateFromForm();
            go();
        }
    });
    $('per-pair').addEventListener('change', () => {
        state.pairs = $('per-pair').checked ? '1' : '';
        go();
    });
    $('zoom').addEventListener('click', () => {
        const actual = $('drawing').classList.toggle('actual');
        $('zoom').textContent = actual ? 'Fit to the page' : 'Actual size';
    });
    $('whatif-clear').addEventListener('click', () => {
        state.assume = [];
        state.without = [];
        go();
    });
    $('claims-all').addEventListener('click', () => {
        selection = null;
        markSelected(null);
        if (answer)
            showClaims();
    });
    for (const f of ['filter-relation', 'filter-source', 'filter-asserter', 'filter-confidence']) {
        $(f).addEventListener('change', () => {
            if (answer)
                showClaims();
        });
    }
    $('download-svg').addEventListener('click', () => {
        if (svgText)
            download(svgText, 'image/svg+xml', fileStem() + '.svg');
    });
    $('download-json').addEventListener('click', () => {
        if (answerText)
            download(answerText, 'application/json', fileStem() + '.json');
    });
    window.addEventListener('popstate', () => {
        readUrl();
        formFromState();
        ask();
    });
    readUrl();
    formFromState();
    if (location.search)
        ask();
    else
        $('status').textContent = 'Search an actor, or choose a question.';
    document.body.dataset.ready = '1';
}

// Deferred from the server (the document parsed), inline in a lesson file's head (still parsing).
if (document.readyState === 'loading')
    document.addEventListener('DOMContentLoaded', start);
else
    start();
