// The page only lays out what /api/analytics returns: rows for the tables and SVG drawn by the same
// renderers as `afterdesk report`, which escape every label on the server.
const form = document.getElementById('period');
const range = document.getElementById('range');
const week = document.getElementById('week');
const weekLabel = document.getElementById('week-label');
const timezone = document.getElementById('timezone');
const note = document.getElementById('period-note');
const main = document.getElementById('queries');

timezone.value = Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
range.onchange = () => {
  weekLabel.hidden = range.value !== 'week';
};

function search() {
  const params = new URLSearchParams({ timezone: timezone.value.trim() || 'UTC' });
  if (range.value === 'week') {
    if (week.value) params.set('week', week.value);
  } else params.set('since', range.value);
  return params;
}

const cellText = (value) =>
  value === null || value === undefined ? '' : Array.isArray(value) ? value.join(', ') : String(value);

function table(columns, rows) {
  const element = document.createElement('table');
  const head = element.createTHead().insertRow();
  for (const column of columns) {
    const th = document.createElement('th');
    th.scope = 'col';
    th.textContent = column;
    head.append(th);
  }
  const body = element.createTBody();
  for (const row of rows) {
    const tr = body.insertRow();
    for (const column of columns) {
      const td = tr.insertCell();
      td.textContent = cellText(row[column]);
      if (typeof row[column] === 'number') td.className = 'num';
    }
  }
  return element;
}

function sectionFor(query) {
  let section = document.getElementById(`q-${query.name}`);
  if (section) return section;
  section = document.createElement('section');
  section.id = `q-${query.name}`;
  section.dataset.query = query.name;
  const heading = document.createElement('h2');
  heading.textContent = query.title;
  const chart = document.createElement('div');
  chart.className = 'chart';
  const status = document.createElement('p');
  status.className = 'status';
  const wrap = document.createElement('div');
  wrap.className = 'table-wrap';
  section.append(heading, chart, status, wrap);
  main.append(section);
  return section;
}

async function load(query, params) {
  const section = sectionFor(query);
  const [chart, status, wrap] = ['chart', 'status', 'table-wrap'].map((name) =>
    section.querySelector(`:scope > .${name}`),
  );
  section.dataset.state = 'loading';
  status.className = 'status';
  status.textContent = 'Loading…';
  try {
    const response = await fetch(`/api/analytics/${encodeURIComponent(query.name)}?${params}`);
    const body = await response.json();
    if (!response.ok) throw new Error(body.error || `HTTP ${response.status}`);
    chart.innerHTML = body.svg;
    wrap.replaceChildren(body.rows.length > 0 ? table(body.columns, body.rows) : '');
    status.textContent = `${body.rows.length} row${body.rows.length === 1 ? '' : 's'}`;
    note.textContent = `${body.params.since} to ${body.params.until} UTC, buckets in ${body.params.timezone}`;
    section.dataset.state = 'ready';
  } catch (error) {
    chart.replaceChildren();
    wrap.replaceChildren();
    status.className = 'status error';
    status.textContent = error.message;
    section.dataset.state = 'error';
  }
}

const ALERT_COLUMNS = ['windowStart', 'windowEnd', 'sku', 'defects', 'mentions', 'baseline', 'sampleIntents'];

/** Keyword spikes are not bound to the chosen period: the newest ones matter whatever the period. */
async function loadAlerts() {
  const section = document.getElementById('alerts');
  const status = section.querySelector(':scope > .status');
  const wrap = section.querySelector(':scope > .table-wrap');
  try {
    const response = await fetch('/api/analytics/alerts');
    const body = await response.json();
    if (!response.ok) throw new Error(body.error || `HTTP ${response.status}`);
    wrap.replaceChildren(body.alerts.length > 0 ? table(ALERT_COLUMNS, body.alerts) : '');
    status.className = 'status';
    status.textContent =
      body.alerts.length > 0
        ? `${body.alerts.length} keyword spike${body.alerts.length === 1 ? '' : 's'}`
        : 'No keyword spikes';
    section.dataset.state = 'ready';
  } catch (error) {
    wrap.replaceChildren();
    status.className = 'status error';
    status.textContent = error.message;
    section.dataset.state = 'error';
  }
}

const { queries } = await (await fetch('/api/analytics')).json();

async function refresh() {
  main.setAttribute('aria-busy', 'true');
  const params = search();
  await Promise.all([loadAlerts(), ...queries.map((query) => load(query, params))]);
  main.setAttribute('aria-busy', 'false');
}

form.onsubmit = (event) => {
  event.preventDefault();
  refresh();
};
await refresh();
