// The browser views (docs/views.md): one live socket, the server's clock, a local countdown.
// Every push carries server_ts; offset = server_ts - our clock, so the countdown follows the
// server's clock between pushes and a wrong clock here never makes it drift.
"use strict";
(function () {
  const lang = document.documentElement.dataset.lang === "en" ? "en" : "zh_CN";
  const T = window.CR_TEXTS[lang];
  const page = document.body.dataset.view;
  const token = new URLSearchParams(location.hash.slice(1)).get("t") || "";
  // What the page shows, for whoever drives it (the browser tests read it).
  const cr = window.controlroomView = {lang, state: null, offset: 0, pushes: 0, segmentShown: null, error: null};

  const $ = (id) => document.getElementById(id);
  const fill = (text, a, b, c) => text.replace("{a}", a ?? "").replace("{b}", b ?? "").replace("{c}", c ?? "");
  const setText = (id, text) => { const el = $(id); if (el && el.textContent !== text) el.textContent = text; };
  const show = (id, on) => { const el = $(id); if (el) el.hidden = !on; };

  function clock(seconds) {
    const sign = seconds < 0 ? "-" : "";
    const s = Math.floor(Math.abs(seconds));
    const h = Math.floor(s / 3600), m = Math.floor((s % 3600) / 60), sec = s % 60;
    const two = (n) => String(n).padStart(2, "0");
    return h ? `${sign}${h}:${two(m)}:${two(sec)}` : `${sign}${two(m)}:${two(sec)}`;
  }
  const countdown = (r) => (r >= 0 ? clock(Math.ceil(r)) : "+" + clock(-r));
  const signed = (s) => (s >= 0 ? "+" : "-") + clock(Math.abs(s));
  const money = (v) => "¥" + v.toLocaleString("en-US", v < 10000
    ? {minimumFractionDigits: 2, maximumFractionDigits: 2} : {maximumFractionDigits: 0});
  const count = (v) => Math.round(v).toLocaleString("en-US");
  const wall = (ts) => new Date(ts * 1000).toTimeString().slice(0, 8);
  const alertText = (a) => { const t = T.alert[a.code]; return t ? fill(t, a.params.a, a.params.b, a.params.c) : a.message; };

  function serverNow() { return Date.now() / 1000 + cr.offset; }

  // How far the show has moved since the push: only a running show's clocks move.
  function moved(s) { return s.status === "running" ? Math.max(0, serverNow() - s.server_ts) : 0; }

  function banner(text) { setText("banner", text || ""); show("banner", !!text); }

  function renderClocks(s) {
    const d = moved(s);
    setText("clock", wall(serverNow()));
    const cd = $("countdown");
    if (s.ended) setText("countdown", T.show_ended);
    else if (s.segment) setText("countdown", countdown(s.remaining_s - d));
    else setText("countdown", s.status === "planned" ? clock(s.planned_total_s) : "--:--");
    if (cd) {
      cd.dataset.phase = s.status === "running" ? s.phase : "idle";
      // The big countdown's size follows its length, so "+1:02:03" or a sentence still fits.
      const width = [...cd.textContent].reduce((n, c) => n + (c.codePointAt(0) < 0x2e80 ? 1 : 1.7), 0);
      cd.style.setProperty("--chars", String(Math.max(5, width)));
    }
    const left = s.planned_total_s - s.show_elapsed_s - d;
    if (s.ended) setText("show-left", s.ended_at ? fill(T.ended_at, wall(s.ended_at).slice(0, 5)) : "");
    else if (s.status === "planned") setText("show-left", T.not_started);
    else setText("show-left", left < 0 ? fill(T.show_over, clock(-left)) : fill(T.show_left, clock(left)));
    const sl = $("show-left");
    if (sl) sl.dataset.over = String(!s.ended && left < 0);
  }

  function segmentLine(s) {
    if (!s.segment || s.ended) return s.show.title;
    const paused = s.status === "paused" ? ` (${T.paused})` : "";
    return `${T.kinds[s.segment.kind] || s.segment.kind} · ${s.segment.title}${paused}`;
  }

  function renderHost(s) {
    setText("segment", segmentLine(s));
    const cues = s.alerts.filter((a) => ["interaction_due", "interaction_overdue", "final_push"].includes(a.code));
    setText("cues", cues.map(alertText).join("   "));
    show("cues", cues.length > 0 && !s.ended);
    const p = s.ended ? null : s.product;
    if (s.ended) setText("product", fill(T.show_length, clock(s.show_elapsed_s), clock(s.planned_total_s)));
    else setText("product", p ? p.name : "");
    setText("price", p ? money(p.price) : "");
    setText("points", p ? p.selling_points : "");
    setText("promo", p && p.promo ? fill(T.repeat, p.promo, p.promo_count) : "");
    setText("next", s.next && !s.ended ? fill(T.next, s.next.title) : "");
    setText("message", s.host_message || "");
    show("message", !!s.host_message);
  }

  function renderAssistant(s) {
    setText("segment", segmentLine(s));
    const p = s.ended ? null : s.product;
    setText("product", p ? p.name : (s.ended ? T.show_ended : T.no_product));
    setText("price", p ? money(p.price) : "");
    setText("points", p ? p.selling_points : "");
    setText("stock", p ? (p.sold_out ? T.sold_out : String(p.stock_left)) : "");
    const st = $("stock");
    if (st) st.dataset.level = p ? (p.sold_out ? "out" : p.low ? "low" : "ok") : "ok";
    setText("promo", p && p.promo ? p.promo : T.none);
    setText("repeats", p && p.promo ? fill(T.repeats, p.promo_count) : "");
    setText("shelf-flag", p && !p.on_shelf ? T.off_shelf : "");
  }

  function list(id, items, empty) {
    const el = $(id);
    if (!el) return;
    const texts = items.length ? items : [empty];
    if (el.dataset.texts === JSON.stringify(texts)) return;
    el.dataset.texts = JSON.stringify(texts);
    el.replaceChildren(...texts.map((t) => { const li = document.createElement("li"); li.textContent = t; return li; }));
  }

  function renderStatus(s) {
    setText("segment", segmentLine(s));
    setText("debt", s.status === "planned" ? "—" : signed(s.ahead_behind_s));
    setText("gmv", money(s.totals.gmv));
    setText("gmv5", money(s.totals.gmv_5min));
    setText("online", count(s.totals.online));
    setText("orders", count(s.totals.orders));
    list("alerts", s.alerts.map(alertText), T.none);
    list("incidents", s.incidents.map((i) => `${i.ref} · ${wall(i.opened_at).slice(0, 5)} · ${i.text}`), T.none);
  }

  const renderers = {host: renderHost, assistant: renderAssistant, status: renderStatus};

  function onState(s) {
    cr.offset = s.server_ts - Date.now() / 1000;
    const before = cr.state;
    cr.state = s;
    cr.pushes += 1;
    renderers[page](s);
    renderClocks(s);
    const uid = s.segment ? s.segment.uid : null;
    if (!before || (before.segment ? before.segment.uid : null) !== uid) {
      cr.segmentShown = {uid, at: Date.now() / 1000, server_ts: s.server_ts};
    }
    banner("");
  }

  function connect() {
    if (!token) { cr.error = "no_token"; banner(T.no_token); return; }
    const ws = new WebSocket((location.protocol === "https:" ? "wss://" : "ws://") + location.host + "/api/v1/live");
    let refused = false;
    ws.onopen = () => ws.send(JSON.stringify({token}));
    ws.onmessage = (e) => {
      const m = JSON.parse(e.data);
      if (m.type === "state") onState(m);
      else if (m.type === "error" && m.status === 401) { refused = true; cr.error = "wrong_token"; banner(T.wrong_token); }
    };
    ws.onclose = (e) => {
      if (refused || e.code === 4401) return;  // a wrong token stays wrong: no reconnecting
      banner(T.reconnecting);
      setTimeout(connect, 2000);
    };
  }

  document.title = T[page] + " · ControlRoom";
  document.querySelectorAll("[data-t]").forEach((el) => { el.textContent = T[el.dataset.t]; });
  banner(T.connecting);
  setInterval(() => { if (cr.state) renderClocks(cr.state); }, 200);
  connect();
})();
