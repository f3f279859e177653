'use strict';
// The service's page: plain JavaScript over the same JSON API that clients use (api-spec/openapi.yaml).

const $ = (id) => document.getElementById(id);
const store = {
  get: (k) => { try { return localStorage.getItem('seq2seq.' + k); } catch (e) { return null; } },
  set: (k, v) => { try { v == null ? localStorage.removeItem('seq2seq.' + k) : localStorage.setItem('seq2seq.' + k, v); } catch (e) { /* private mode */ } },
};
const DEBOUNCE_MS = 300;
const ui = { settings: null, pairs: {}, names: {}, chatLanguages: [], inflight: null, timer: null, detected: null };

// ---- talking to the service ----

class ApiError extends Error {
  constructor(status, title, detail, retryAfter) {
    super(detail || title || ('HTTP ' + status));
    this.status = status;
    this.retryAfter = retryAfter;
  }
}

async function api(path, body, signal, method) {
  const headers = { Accept: 'application/json, application/problem+json' };
  const key = $('api-key').value.trim();
  if (key) headers['X-API-Key'] = key;
  const init = { headers, signal, method: method || (body === undefined ? 'GET' : 'POST') };
  if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  const res = await fetch(path, init);
  const type = res.headers.get('Content-Type') || '';
  const data = type.includes('json') ? await res.json().catch(() => null) : null;
  if (!res.ok) {
    throw new ApiError(res.status, data && data.title, data && data.detail, res.headers.get('Retry-After'));
  }
  return data;
}

/** A sentence a person can act on, from a problem+json answer. */
function describe(error) {
  if (!(error instanceof ApiError)) return 'The service cannot be reached: ' + error.message;
  switch (error.status) {
    case 400: return error.message;
    case 401: return 'This service needs an API key: enter it at the top of the page. (' + error.message + ')';
    case 403: return 'The API key was refused: ' + error.message;
    case 413: return 'The text is too large: ' + error.message;
    case 429: return 'Too many requests: try again in ' + (error.retryAfter || 'a few') + ' s. (' + error.message + ')';
    case 503: return 'The service is busy or a model is unavailable; try again shortly. (' + error.message + ')';
    default: return 'Error ' + error.status + ': ' + error.message;
  }
}

function showError(id, error) {
  const box = $(id);
  if (error == null) { box.hidden = true; box.textContent = ''; return; }
  box.textContent = typeof error === 'string' ? error : describe(error);
  box.hidden = false;
}

function option(value, label) {
  const o = document.createElement('option');
  o.value = value;
  o.textContent = label;
  return o;
}

// ---- views ----

const VIEWS = ['translate', 'chat', 'inside', 'models'];

function showView(name, focus) {
  if (!VIEWS.includes(name)) name = 'translate';
  for (const v of VIEWS) {
    const tab = $('tab-' + v);
    const on = v === name;
    tab.setAttribute('aria-selected', on);
    tab.tabIndex = on ? 0 : -1;
    $(v).hidden = !on;
    if (on && focus) tab.focus();
  }
  if (location.hash !== '#' + name) history.replaceState(null, '', '#' + name);
  if (name === 'models') loadModels();
  if (name === 'inside') {
    if (!$('inside-text').value) $('inside-text').value = $('source-text').value.split('\n')[0] || '';
    if ($('inside-text').value.trim()) explain();
  }
}

function setUpTabs() {
  document.querySelectorAll('[role=tab]').forEach((tab) => {
    tab.addEventListener('click', () => showView(tab.dataset.view));
    tab.addEventListener('keydown', (e) => {
      const i = VIEWS.indexOf(tab.dataset.view);
      if (e.key === 'ArrowRight' || e.key === 'ArrowLeft') {
        const next = VIEWS[(i + (e.key === 'ArrowRight' ? 1 : VIEWS.length - 1)) % VIEWS.length];
        showView(next, true);
        e.preventDefault();
      }
    });
  });
  window.addEventListener('hashchange', () => showView(location.hash.slice(1)));
}

function setUpTheme() {
  const saved = store.get('theme');
  if (saved) document.documentElement.dataset.theme = saved;
  $('theme').addEventListener('click', () => {
    const dark = document.documentElement.dataset.theme
      ? document.documentElement.dataset.theme === 'dark'
      : matchMedia('(prefers-color-scheme: dark)').matches;
    const next = dark ? 'light' : 'dark';
    document.documentElement.dataset.theme = next;
    store.set('theme', next);
  });
}

// ---- translate ----

function fillTargets() {
  const source = $('source-language').value;
  const select = $('target-language');
  const current = select.value || store.get('target') || 'en';
  let targets;
  if (source === 'auto') {
    targets = [...new Set(Object.values(ui.pairs).flat())].sort();
  } else {
    targets = ui.pairs[source] || [];
  }
  select.replaceChildren(...targets.map((t) => option(t, ui.names[t] || t)));
  if (targets.includes(current)) select.value = current;
  updateSwap();
}

function effectiveSource() {
  const source = $('source-language').value;
  return source === 'auto' ? ui.detected : source;
}

function updateSwap() {
  const source = effectiveSource();
  const target = $('target-language').value;
  $('swap').disabled = !(source && (ui.pairs[target] || []).includes(source));
}

function updateCounter() {
  const n = $('source-text').value.length;
  const limit = ui.settings ? ui.settings.charLimit : null;
  const counter = $('counter');
  counter.textContent = limit ? n + ' / ' + limit : String(n);
  counter.classList.toggle('over', limit != null && n > limit);
}

function scheduleTranslate() {
  updateCounter();
  clearTimeout(ui.timer);
  ui.timer = setTimeout(() => translate(false), DEBOUNCE_MS);
}

async function translate(explicit) {
  clearTimeout(ui.timer);
  const text = $('source-text').value;
  if (ui.inflight) ui.inflight.abort();
  if (!text.trim()) {
    $('translation').textContent = '';
    $('alternatives').replaceChildren();
    $('detected').textContent = '';
    showError('translate-error', null);
    return;
  }
  const limit = ui.settings && ui.settings.charLimit;
  if (!explicit && limit && text.length > limit) {   // as typed: say so here; the button asks the service anyway
    showError('translate-error', 'The text has ' + text.length + ' characters; the limit is ' + limit + '.');
    return;
  }
  const controller = new AbortController();
  ui.inflight = controller;
  const started = performance.now();
  $('translate-status').textContent = 'Translating…';
  const alternatives = Math.min(3, ui.settings ? ui.settings.alternativesLimit : 3);
  try {
    const body = { q: text, source: $('source-language').value, target: $('target-language').value, format: 'text', alternatives };
    const r = await api('translate', body, controller.signal);
    if (controller !== ui.inflight) return;
    showError('translate-error', null);
    showTranslation(r.translatedText, r.alternatives || []);
    if (r.detectedLanguage) {
      ui.detected = r.detectedLanguage.language;
      $('detected').textContent = 'Detected: ' + (ui.names[ui.detected] || ui.detected) + ' (' + Math.round(r.detectedLanguage.confidence) + '%)';
    } else {
      ui.detected = null;
      $('detected').textContent = '';
    }
    updateSwap();
    const ms = Math.round(performance.now() - started);
    $('translate-status').textContent = ms + ' ms';
    document.body.dataset.translationMs = ms;   // read by the page benchmark
  } catch (e) {
    if (e.name === 'AbortError') return;
    $('translate-status').textContent = '';
    showError('translate-error', e);
  } finally {
    if (controller === ui.inflight) ui.inflight = null;
  }
}

function showTranslation(text, alternatives) {
  $('translation').textContent = text;
  const list = $('alternatives');
  list.replaceChildren(...alternatives.map((alt) => {
    const li = document.createElement('li');
    const b = document.createElement('button');
    b.type = 'button';
    b.textContent = alt;
    b.title = 'Use this translation';
    b.addEventListener('click', () => {
      const main = $('translation').textContent;
      showTranslation(alt, alternatives.map((a) => (a === alt ? main : a)));
      $('translation').focus();
    });
    li.append(b);
    return li;
  }));
}

function swap() {
  const source = effectiveSource();
  const target = $('target-language').value;
  if (!source || !(ui.pairs[target] || []).includes(source)) return;
  const translated = $('translation').textContent;
  $('source-language').value = target;
  fillTargets();
  $('target-language').value = source;
  store.set('source', target);
  store.set('target', source);
  if (translated) $('source-text').value = translated;
  ui.detected = null;
  $('detected').textContent = '';
  updateSwap();
  scheduleTranslate();
}

async function setUpTranslate() {
  const languages = await api('languages');
  for (const l of languages) {
    ui.pairs[l.code] = l.targets;
    ui.names[l.code] = l.name;
    for (const t of l.targets) if (!ui.names[t]) ui.names[t] = t;
  }
  const source = $('source-language');
  source.replaceChildren(option('auto', 'Detect language'), ...languages.filter((l) => l.targets.length).map((l) => option(l.code, l.name)));
  const saved = store.get('source');
  source.value = saved && (saved === 'auto' || ui.pairs[saved]) ? saved : (ui.pairs.es ? 'es' : 'auto');
  fillTargets();
  source.addEventListener('change', () => { store.set('source', source.value); ui.detected = null; fillTargets(); scheduleTranslate(); });
  $('target-language').addEventListener('change', () => { store.set('target', $('target-language').value); updateSwap(); scheduleTranslate(); });
  $('source-text').addEventListener('input', scheduleTranslate);
  $('source-text').addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) { e.preventDefault(); translate(true); }
  });
  $('translate-button').addEventListener('click', () => translate(true));
  $('swap').addEventListener('click', swap);
  $('copy').addEventListener('click', async () => {
    try {
      await navigator.clipboard.writeText($('translation').textContent);
      $('translate-status').textContent = 'Copied';
    } catch (e) {
      $('translate-status').textContent = 'Copy is not allowed here; select the text instead';
    }
  });
  updateCounter();
}

// ---- chat ----

function addBubble(who, text) {
  const li = document.createElement('li');
  li.className = who;
  const span = document.createElement('span');
  span.className = 'bubble';
  span.textContent = text;
  if (who === 'bot') span.dataset.testid = 'chat-reply';
  li.append(span);
  $('chat-log').append(li);
  $('chat-log').scrollTop = $('chat-log').scrollHeight;
}

function setConversation(id) {
  store.set('conversation', id);
  $('conversation-id').textContent = id ? 'Conversation ' + id.slice(0, 8) : '';
}

function numberOf(id) {
  const v = $(id).value.trim();
  return v === '' ? undefined : Number(v);
}

async function sendChat(e) {
  e.preventDefault();
  const input = $('chat-input');
  const message = input.value.trim();
  if (!message) return;
  const body = { message };
  const id = store.get('conversation');
  if (id) body.conversationId = id;
  else if ($('chat-language').value !== 'auto') body.language = $('chat-language').value;
  for (const [field, box] of [['temperature', 'temperature'], ['topK', 'top-k'], ['topP', 'top-p'], ['samples', 'samples'], ['seed', 'seed']]) {
    const v = numberOf(box);
    if (v !== undefined) body[field] = v;
  }
  input.value = '';
  addBubble('you', message);
  $('chat-send').disabled = true;
  try {
    const r = await api('chat', body);
    showError('chat-error', null);
    setConversation(r.conversationId);
    addBubble('bot', r.reply);
  } catch (err) {
    showError('chat-error', err);
    if (err instanceof ApiError && err.status === 404) setConversation(null);   // the service forgot it
  } finally {
    $('chat-send').disabled = false;
    input.focus();
  }
}

async function newConversation() {
  const id = store.get('conversation');
  setConversation(null);
  $('chat-log').replaceChildren();
  showError('chat-error', null);
  if (id) api('chat/' + encodeURIComponent(id), undefined, undefined, 'DELETE').catch(() => {});
  $('chat-input').focus();
}

async function setUpChat(models) {
  const languages = [...new Set(models.filter((m) => m.task === 'chat').map((m) => m.sourceLanguage))].sort();
  $('chat-language').replaceChildren(option('auto', 'Detect from the message'), ...languages.map((l) => option(l, ui.names[l] || languageName(l))));
  $('chat-form').addEventListener('submit', sendChat);
  $('new-conversation').addEventListener('click', newConversation);
  const id = store.get('conversation');
  if (!id) return;
  try {
    const c = await api('chat/' + encodeURIComponent(id));
    setConversation(c.conversationId);
    $('chat-language').value = c.language;
    for (const t of c.turns) { addBubble('you', t.message); addBubble('bot', t.reply); }
  } catch (e) {
    setConversation(null);   // expired or unknown: start afresh
  }
}

function languageName(code) {
  try { return new Intl.DisplayNames(['en'], { type: 'language' }).of(code); } catch (e) { return code; }
}

// ---- inside the model ----

const svgNs = 'http://www.w3.org/2000/svg';
function svg(tag, attrs, text) {
  const el = document.createElementNS(svgNs, tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  if (text != null) el.textContent = text;
  return el;
}

function heatMap(segment) {
  const table = document.createElement('table');
  table.className = 'heat';
  const cap = document.createElement('caption');
  cap.className = 'sr-only';
  cap.textContent = 'Attention weights: rows are output pieces, columns source pieces';
  const head = document.createElement('tr');
  head.append(document.createElement('th'));
  for (const s of segment.source) {
    const th = document.createElement('th');
    th.scope = 'col';
    th.textContent = s;
    head.append(th);
  }
  const thead = document.createElement('thead');
  thead.append(head);
  const tbody = document.createElement('tbody');
  segment.attention.forEach((row, i) => {
    const tr = document.createElement('tr');
    const th = document.createElement('th');
    th.scope = 'row';
    th.textContent = segment.target[i];
    tr.append(th);
    row.forEach((w, j) => {
      const td = document.createElement('td');
      td.style.background = 'rgba(var(--heat), ' + w.toFixed(3) + ')';
      td.title = segment.target[i] + ' ← ' + segment.source[j] + ': ' + w.toFixed(2);
      td.dataset.weight = w.toFixed(4);
      tr.append(td);
    });
    tbody.append(tr);
  });
  table.append(cap, thead, tbody);
  return table;
}

const GATE_COLOURS = { forget: '#d93025', input: '#188038', output: '#1a73e8', cell: '#9334e6' };

function gateChart(segment) {
  const wrap = document.createElement('div');
  wrap.className = 'gates';
  const g = segment.gates;
  if (!g) {
    wrap.textContent = 'This model\'s decoder is a vanilla RNN: it has no gates.';
    return wrap;
  }
  const n = segment.target.length;
  const step = Math.max(34, Math.min(60, 640 / n));
  const left = 36, top = 10, height = 180, bottom = 90;
  const width = left + step * n + 10;
  const chart = svg('svg', { width, height: top + height + bottom, viewBox: `0 0 ${width} ${top + height + bottom}`, role: 'img' });
  chart.append(svg('title', {}, 'Mean forget, input and output gate per output piece, and the cell state size'));
  for (const y of [0, 0.5, 1]) {
    const py = top + height * (1 - y);
    chart.append(svg('line', { x1: left, x2: width - 10, y1: py, y2: py, stroke: 'currentColor', 'stroke-opacity': 0.2 }));
    chart.append(svg('text', { x: 4, y: py + 4 }, y.toFixed(1)));
  }
  const maxCell = Math.max(...g.cell, 1e-9);
  const series = { forget: g.forget, input: g.input, output: g.output, cell: g.cell.map((c) => c / maxCell) };
  for (const [name, values] of Object.entries(series)) {
    const points = values.map((v, i) => `${left + step * (i + 0.5)},${top + height * (1 - v)}`).join(' ');
    const attrs = { points, fill: 'none', stroke: GATE_COLOURS[name], 'stroke-width': 2, 'data-series': name };
    if (name === 'cell') attrs['stroke-dasharray'] = '5 3';
    chart.append(svg('polyline', attrs));
    values.forEach((v, i) => chart.append(svg('circle', { cx: left + step * (i + 0.5), cy: top + height * (1 - v), r: 2.5, fill: GATE_COLOURS[name] })));
  }
  segment.target.forEach((piece, i) => {
    const x = left + step * (i + 0.5);
    chart.append(svg('text', { x, y: top + height + 12, transform: `rotate(60 ${x} ${top + height + 12})` }, piece));
  });
  const legend = document.createElement('div');
  legend.className = 'legend';
  for (const [name, label] of [['forget', 'forget gate f'], ['input', 'input gate i'], ['output', 'output gate o'], ['cell', `mean |c| (max ${maxCell.toFixed(2)} = 1)`]]) {
    const span = document.createElement('span');
    const i = document.createElement('i');
    i.style.background = GATE_COLOURS[name];
    span.append(i, label);
    legend.append(span);
  }
  wrap.append(legend, chart);
  return wrap;
}

async function explain() {
  const text = $('inside-text').value.trim();
  if (!text) return;
  showError('inside-error', null);
  $('inside-output').textContent = 'Translating…';
  try {
    const r = await api('explain', { q: text, source: $('source-language').value, target: $('target-language').value });
    $('inside-output').textContent = r.translatedText;
    $('attention-map').replaceChildren(...r.segments.map(heatMap));
    $('gate-chart').replaceChildren(...r.segments.map(gateChart));
    if (!r.segments.length) $('attention-map').textContent = 'The text is already in the target language: nothing was translated.';
  } catch (e) {
    $('inside-output').textContent = '';
    showError('inside-error', e);
  }
}

// ---- models ----

let modelsShown = false;

async function loadModels() {
  if (modelsShown) return;
  try {
    const models = await api('models');
    $('model-list').replaceChildren(...models.map(card));
    modelsShown = true;
  } catch (e) {
    $('model-list').textContent = describe(e);
  }
}

function card(m) {
  const box = document.createElement('article');
  box.className = 'card';
  box.dataset.testid = 'model-card';
  const h = document.createElement('h2');
  h.textContent = m.name;
  const dl = document.createElement('dl');
  const add = (k, v) => {
    if (v == null || v === '') return;
    const dt = document.createElement('dt');
    dt.textContent = k;
    const dd = document.createElement('dd');
    dd.textContent = typeof v === 'object' ? JSON.stringify(v) : String(v);
    dl.append(dt, dd);
  };
  add('task', m.task === 'chat' ? 'chat (' + m.sourceLanguage + ')' : 'translate ' + m.sourceLanguage + ' → ' + m.targetLanguage);
  add('parameters', m.parameters != null ? m.parameters.toLocaleString('en') : null);
  add('vocabularies', m.sourceVocabularySize + ' / ' + m.targetVocabularySize + ' pieces');
  const a = m.architecture || {};
  add('network', [a.cell, a.hiddenSize && 'hidden ' + a.hiddenSize, a.ensemble && (a.ensemble.length + 1) + ' networks'].filter(Boolean).join(', '));
  for (const [k, v] of Object.entries(m.scores || {})) add(k, typeof v === 'number' ? Number(v.toFixed(2)) : v);
  const data = m.data || {};
  add('data', data.name || data.description);
  add('licence', data.licence || data.license);
  const img = document.createElement('img');
  img.alt = 'Training plot of ' + m.name + ': loss and dev score per epoch';
  img.src = 'models/' + encodeURIComponent(m.name) + '/training.png';
  img.addEventListener('error', () => img.remove());
  box.append(h, dl, img);
  return box;
}

// ---- start ----

async function start() {
  setUpTabs();
  setUpTheme();
  $('api-key').value = store.get('apiKey') || '';
  $('api-key').addEventListener('input', () => store.set('apiKey', $('api-key').value.trim() || null));
  $('inside-run').addEventListener('click', explain);
  $('inside-text').addEventListener('keydown', (e) => { if (e.key === 'Enter') explain(); });
  showView(location.hash.slice(1) || 'translate');
  try {
    ui.settings = await api('settings');
    $('api-key-box').hidden = ui.settings.authMode === 'off';
  } catch (e) {
    showError('translate-error', e);
  }
  try {
    await setUpTranslate();
    const models = await api('models');
    await setUpChat(models);
  } catch (e) {
    showError('translate-error', e);
  }
  document.body.dataset.readyMs = Math.round(performance.now());   // since navigation start; read by the page benchmark
  document.body.dataset.ready = 'true';
}

start();
