// eventwire dashboard: reads the REST API (/api/...) and draws a table, a timeline, a map and the
// provenance of one event. No libraries, no network beyond this server. Data is put in the page with
// textContent only (never innerHTML), so article text can't inject markup.
"use strict";

const FILTERS = ["type", "country", "since", "until", "actor", "near", "fused"];  // fused: "true" or ""
const SVG = "http://www.w3.org/2000/svg";
const $ = (id) => document.getElementById(id);

// --- state: the filters, page and selected event live in the URL's query string ----------------------

function readState() {
  const q = new URLSearchParams(location.search);
  const s = { limit: Number(q.get("limit")) || 50, offset: Number(q.get("offset")) || 0, event: q.get("event") || "" };
  for (const k of FILTERS) s[k] = q.get(k) || "";
  return s;
}

function writeState(s, replace) {
  const q = new URLSearchParams();
  for (const k of FILTERS) if (s[k]) q.set(k, s[k]);
  if (s.limit !== 50) q.set("limit", s.limit);
  if (s.offset) q.set("offset", s.offset);
  if (s.event) q.set("event", s.event);
  const url = location.pathname + (q.toString() ? "?" + q : "");
  if (replace) history.replaceState(null, "", url); else history.pushState(null, "", url);
}

function filterParams(s) {
  const q = new URLSearchParams();
  for (const k of FILTERS) if (s[k]) q.set(k, s[k]);
  return q;
}

async function api(path, params) {
  const url = path + (params && params.toString() ? "?" + params : "");
  const res = await fetch(url, { headers: { Accept: "application/json" } });
  let body = null;
  try { body = await res.json(); } catch (e) { body = null; }
  if (!res.ok) throw new Error((body && body.detail) || `${res.status} ${res.statusText} for ${url}`);
  return body;
}

function el(tag, attrs, text) {
  const node = tag.startsWith("svg:") ? document.createElementNS(SVG, tag.slice(4)) : document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) node.setAttribute(k, v);
  if (text !== undefined && text !== null) node.textContent = String(text);
  return node;
}

function showError(msg) {
  const box = $("error");
  box.hidden = !msg;
  box.textContent = msg || "";
}

const show = (v) => (v === null || v === undefined || v === "" ? "–" : String(v));

// --- loading ------------------------------------------------------------------------------------------

let state = readState();

async function load() {
  document.body.dataset.state = "loading";
  fillForm(state);
  const f = filterParams(state);
  const page = new URLSearchParams(f);
  page.set("limit", state.limit);
  page.set("offset", state.offset);
  try {
    const [events, stats, geo] = await Promise.all([
      api("/api/events", page), api("/api/stats", f), api("/api/events.geojson", f), loadWorld()]);
    showError("");
    renderSummary(stats);
    renderTable(events);
    renderTimeline(stats);
    renderMap(geo);
    if (state.event) await showEvent(state.event, false);
    document.body.dataset.state = "ready";
  } catch (err) {
    showError(err.message);
    document.body.dataset.state = "error";
  }
}

let typesFilled = false;

function fillForm(s) {
  const form = $("filters");
  form.elements.fused.checked = s.fused === "true";
  for (const k of FILTERS) {
    if (k === "fused") continue;
    const input = form.elements[k];
    if (k === "type" && s.type && ![...input.options].some((o) => o.value === s.type.toUpperCase())) {
      input.append(el("option", { value: s.type.toUpperCase() }, s.type.toUpperCase()));
    }
    input.value = k === "type" ? s[k].toUpperCase() : s[k];
  }
  form.elements.limit.value = String(s.limit);
}

function renderSummary(stats) {
  const st = stats.store || {};
  $("summary").textContent = `${st.events ?? "?"} events from ${st.articles ?? "?"} articles in the store; ` +
    `${stats.events} match the filters`;
  if (!typesFilled) {
    const select = $("filters").elements.type;
    for (const t of Object.keys(st.by_type || {}).sort()) {
      if (![...select.options].some((o) => o.value === t)) select.append(el("option", { value: t }, t));
    }
    typesFilled = true;
    select.value = state.type.toUpperCase();
  }
}

// --- table --------------------------------------------------------------------------------------------

const COLUMNS = [
  ["event_date"], ["event_type"], ["event_mode"], ["actor1_name", "actor1_text"], ["actor2_name", "actor2_text"],
  ["location_name", "location_text"], ["country_iso3"], ["fatalities"], ["injured"], ["claim_status"], ["confidence"]];

function renderTable(page) {
  const body = $("events").tBodies[0];
  body.replaceChildren();
  for (const ev of page.events) {
    const tr = el("tr", { "data-event-id": ev.event_id, tabindex: "0" });
    for (const names of COLUMNS) {
      let v = names.map((n) => ev[n]).find((x) => x !== null && x !== undefined && x !== "");
      if (names[0] === "confidence" && typeof v === "number") v = v.toFixed(2);
      tr.append(el("td", names.length > 1 ? { class: "wrap" } : {}, show(v)));
    }
    tr.addEventListener("click", () => select(ev.event_id));
    tr.addEventListener("keydown", (e) => { if (e.key === "Enter") select(ev.event_id); });
    body.append(tr);
  }
  const first = page.total ? page.offset + 1 : 0;
  const last = page.offset + page.events.length;
  $("count").textContent = `${page.total} matching`;
  $("page").textContent = `${first}–${last} of ${page.total}`;
  $("prev").disabled = page.offset <= 0;
  $("next").disabled = last >= page.total;
}

// --- timeline: one bar per day between the first and last event date ----------------------------------

const DAY = 86400000;

function renderTimeline(stats) {
  const svg = $("timeline");
  svg.replaceChildren();
  const days = Object.entries(stats.by_day || {}).filter(([d]) => d !== "undated");
  $("t-first").textContent = days.length ? days[0][0] : "no dated events";
  $("t-last").textContent = days.length ? days[days.length - 1][0] : "";
  $("t-max").textContent = stats.undated ? `${stats.undated} undated` : "";
  if (!days.length) return;
  const t0 = Date.parse(days[0][0]);
  const n = Math.round((Date.parse(days[days.length - 1][0]) - t0) / DAY) + 1;
  const max = Math.max(...days.map(([, c]) => c));
  const W = 800, H = 140, w = W / n;
  for (const [day, c] of days) {
    const i = Math.round((Date.parse(day) - t0) / DAY);
    const h = Math.max(2, (c / max) * (H - 10));
    const bar = el("svg:rect", { x: i * w, y: H - h, width: Math.max(w * 0.9, 1.5), height: h, "data-day": day });
    bar.append(el("svg:title", {}, `${day}: ${c} event${c === 1 ? "" : "s"} (click to filter this day)`));
    bar.addEventListener("click", () => { state = { ...state, since: day, until: day, offset: 0, event: "" }; go(); });
    svg.append(bar);
  }
  $("t-max").textContent = `max ${max}/day` + (stats.undated ? `, ${stats.undated} undated` : "");
}

// --- map: equirectangular (x = lon, y = -lat), fitted to the points, with a graticule --------------------

function extent(points) {
  if (!points.length) return [-180, -90, 360, 180];
  let [x0, x1, y0, y1] = [180, -180, 90, -90];
  for (const [lon, lat] of points) { x0 = Math.min(x0, lon); x1 = Math.max(x1, lon); y0 = Math.min(y0, lat); y1 = Math.max(y1, lat); }
  let w = Math.max(x1 - x0 + 20, 40), h = Math.max(y1 - y0 + 10, 20);
  if (w / h > 2) h = w / 2; else w = h * 2;
  if (w >= 360 || h >= 180) return [-180, -90, 360, 180];
  const cx = (x0 + x1) / 2, cy = -(y0 + y1) / 2;
  const x = Math.min(Math.max(cx - w / 2, -180), 180 - w), y = Math.min(Math.max(cy - h / 2, -90), 90 - h);
  return [x, y, w, h];
}

// Country outlines (Natural Earth 1:110m, shipped in static/world.json): loaded once, drawn under the points.
let worldPath = null;
async function loadWorld() {
  if (worldPath !== null) return worldPath;
  try {
    const r = await fetch("static/world.json");
    worldPath = r.ok ? (await r.json()).path : "";
  } catch (e) {
    worldPath = "";
  }
  return worldPath;
}

function renderMap(geo) {
  const svg = $("map");
  svg.replaceChildren();
  const feats = geo.features.filter((f) => f.geometry && f.geometry.type === "Point");
  const [x, y, w, h] = extent(feats.map((f) => f.geometry.coordinates));
  svg.setAttribute("viewBox", `${x} ${y} ${w} ${h}`);
  const step = w > 180 ? 30 : w > 60 ? 10 : w > 20 ? 5 : 1;
  const stroke = w / 800, font = w / 60;
  if (worldPath) svg.append(el("svg:path", { d: worldPath, class: "land", "stroke-width": stroke }));
  for (let lon = -180; lon <= 180; lon += step) {
    svg.append(el("svg:line", { x1: lon, y1: -90, x2: lon, y2: 90, class: "grid", "stroke-width": stroke }));
    if (lon >= x && lon <= x + w) svg.append(el("svg:text", { x: lon + stroke * 2, y: y + h - font * 0.4, "font-size": font, class: "label" }, `${lon}°`));
  }
  for (let lat = -90; lat <= 90; lat += step) {
    svg.append(el("svg:line", { x1: -180, y1: -lat, x2: 180, y2: -lat, class: lat === 0 ? "grid equator" : "grid", "stroke-width": stroke }));
    if (-lat >= y && -lat <= y + h) svg.append(el("svg:text", { x: x + stroke * 2, y: -lat - stroke * 2, "font-size": font, class: "label" }, `${lat}°`));
  }
  const r = Math.max(w / 150, 0.05);
  for (const f of feats) {
    const p = f.properties;
    const [lon, lat] = f.geometry.coordinates;
    const dot = el("svg:circle", { cx: lon, cy: -lat, r, class: `q${p.quad_class || 0}`, "stroke-width": r / 3, "data-event-id": p.event_id });
    dot.append(el("svg:title", {}, `${p.event_type} ${show(p.event_date)} ${show(p.location_name)} (${p.geo_precision || "?"})`));
    dot.addEventListener("click", () => select(p.event_id));
    svg.append(dot);
  }
  const unplaced = geo.features.length - feats.length;
  $("map-note").textContent = `${feats.length} placed` + (unplaced ? `, ${unplaced} without coordinates` : "");
}

// --- provenance ---------------------------------------------------------------------------------------

function markSelected(id) {
  for (const node of document.querySelectorAll(".selected")) node.classList.remove("selected");
  for (const node of document.querySelectorAll("[data-event-id]")) {
    if (node.getAttribute("data-event-id") !== id) continue;
    node.classList.add("selected");
    if (node.tagName === "circle") node.parentNode.append(node);  // draw the chosen dot on top
  }
}

function select(id) {
  state = { ...state, event: id };
  writeState(state, false);
  showEvent(id, true).catch((err) => showError(err.message));
}

function evidence(prov) {
  const p = $("evidence");
  p.replaceChildren();
  const text = prov.evidence_text || "";
  let pos = 0;
  for (const s of prov.highlights) {
    if (s.start < pos) continue;
    p.append(document.createTextNode(text.slice(pos, s.start)));
    p.append(el("mark", { class: `hl hl-${s.role}`, title: `${s.field} (${s.found})` }, text.slice(s.start, s.end)));
    pos = s.end;
  }
  p.append(document.createTextNode(text.slice(pos)));
}

function dl(node, pairs) {
  node.replaceChildren();
  for (const [k, v] of pairs) { node.append(el("dt", {}, k)); node.append(el("dd", {}, show(v))); }
}

const join = (...xs) => xs.filter((x) => x !== null && x !== undefined && x !== "").join(" · ");

async function showEvent(id, scroll) {
  const d = await api("/api/events/" + encodeURIComponent(id));
  const ev = d.event;
  markSelected(id);
  $("prov-body").hidden = false;
  document.querySelector("#provenance .hint").hidden = true;
  evidence(d.provenance);
  dl($("decisions"), [
    ["event", join(ev.event_type, ev.event_mode, (ev.event_contexts || []).join(", "))],
    ["class", join(`quad ${ev.quad_class}`, `intensity ${ev.intensity}`, ev.acled_sub_event_type)],
    ["trigger", ev.trigger_text],
    ["actor", join(ev.actor1_text, ev.actor1_name, ev.actor1_country, ev.actor1_sector)],
    ["target", join(ev.actor2_text, ev.actor2_name, ev.actor2_country, ev.actor2_sector)],
    ["place", join(ev.location_text, ev.location_name, ev.admin1, ev.country_iso3, ev.geo_precision)],
    ["coordinates", ev.latitude === null ? null : `${ev.latitude}, ${ev.longitude}` + (ev.geonames_id ? ` (GeoNames ${ev.geonames_id}, ${ev.feature_code})` : "")],
    ["date", join(ev.event_date, ev.event_date_end && ev.event_date_end !== ev.event_date ? `to ${ev.event_date_end}` : "", ev.date_precision)],
    ["claim", join(ev.claim_status, ev.attribution_text, ev.attribution_name, ev.attribution_country)],
    ["casualties", `killed ${show(ev.fatalities)}, injured ${show(ev.injured)}`],
    ["negated / hypothetical", `${ev.negated} / ${ev.hypothetical}`],
    ["confidence", ev.confidence],
    ["evidence offsets", `${ev.evidence_start}–${ev.evidence_end} in article ${ev.article_id}`],
    ["sources", ev.source_count],
    ["fused into", ev.fused_into],
    ["coder", join(ev.coder, `schema ${ev.schema_version}`)],
  ]);
  dl($("reasons"), Object.entries(d.provenance.reasons));
  const list = $("sources");
  list.replaceChildren();
  for (const s of d.sources) {
    const li = el("li");
    const title = s.title || s.article_id;
    li.append(s.url ? el("a", { href: s.url, rel: "noreferrer" }, title) : el("strong", {}, title));
    if (s.title) li.append(document.createTextNode(` [${s.article_id}]`));
    li.append(document.createTextNode(` ${join(s.published, s.source)} — ${s.role}: ${s.reason}`));
    list.append(li);
  }
  $("event-json").href = "/api/events/" + encodeURIComponent(id);
  $("article-json").href = "/api/articles/" + encodeURIComponent(ev.article_id);
  if (scroll && window.matchMedia("(max-width: 900px)").matches) $("provenance").scrollIntoView();
}

// --- wiring -------------------------------------------------------------------------------------------

function go() {
  writeState(state, false);
  load();
}

$("filters").addEventListener("submit", (e) => {
  e.preventDefault();
  const form = e.target;
  const next = { ...state, offset: 0, event: "", limit: Number(form.elements.limit.value) || 50 };
  for (const k of FILTERS) next[k] = k === "fused" ? (form.elements.fused.checked ? "true" : "") : form.elements[k].value.trim();
  state = next;
  go();
});
$("reset").addEventListener("click", () => { state = { limit: state.limit, offset: 0, event: "" }; for (const k of FILTERS) state[k] = ""; go(); });
$("prev").addEventListener("click", () => { state = { ...state, offset: Math.max(0, state.offset - state.limit) }; go(); });
$("next").addEventListener("click", () => { state = { ...state, offset: state.offset + state.limit }; go(); });
window.addEventListener("popstate", () => { state = readState(); load(); });

load();
