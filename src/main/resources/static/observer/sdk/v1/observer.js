/*! Jotrs observer SDK v1 - AGPL-3.0-or-later - https://github.com/jotrs
 * <script src="https://HELPDESK/observer/sdk/v1/observer.js" data-key="jok_..." data-release="1.2.3" async></script>
 * Records clicks (selector, trimmed text, position), DOM changes and scrolls after them, JS errors,
 * failed requests, navigation and page visibility. Never records input values or keystrokes; drops
 * query strings; masks the text of elements marked data-jotrs-private; ignores everything inside
 * data-jotrs-ignore. Every handler is wrapped so that it can never throw into the page. */
(function (w, d) {
  'use strict';
  if (!w || !d || w.JotrsObserver) return;
  var script = d.currentScript;
  var key = script && script.getAttribute('data-key');
  if (!key || !w.JSON || !w.Date.now) return;
  var endpoint = new URL('/observer/v1/events', script.src).href + '?key=' + encodeURIComponent(key);
  var release = script.getAttribute('data-release');
  var FLUSH_MS = 2000, BATCH = 50, MAX_QUEUE = 1000, IDLE_MS = 30 * 60000, MAX_SESSION_MS = 24 * 3600000;
  var ACTIONABLE = 'a,button,input[type=submit],input[type=button],input[type=reset],[role=button],[role=link],[role=menuitem],summary,label';
  var FIELD = 'input,textarea,select,[contenteditable=""],[contenteditable=true]';
  var queue = [], inFlight = false, failures = 0, notBefore = 0, user = null, store = {}, watch = null;
  var stats = { handlers: 0, totalMs: 0, maxMs: 0, sent: 0, dropped: 0 };
  var perf = w.performance && w.performance.now ? w.performance : Date;
  var nativeFetch = w.fetch;

  function guard(fn) {
    return function () {
      var start = perf.now();
      try { return fn.apply(this, arguments); } catch (ignored) { /* never into the host page */ } finally {
        var ms = perf.now() - start;
        stats.handlers++; stats.totalMs += ms; if (ms > stats.maxMs) stats.maxMs = ms;
      }
    };
  }

  function uuid() {
    if (w.crypto && w.crypto.randomUUID) return w.crypto.randomUUID();
    var b = new Uint8Array(16); w.crypto.getRandomValues(b);
    b[6] = b[6] & 15 | 64; b[8] = b[8] & 63 | 128;
    var h = ''; for (var i = 0; i < 16; i++) h += (b[i] + 256).toString(16).slice(1);
    return h.slice(0, 8) + '-' + h.slice(8, 12) + '-' + h.slice(12, 16) + '-' + h.slice(16, 20) + '-' + h.slice(20);
  }

  // A session ends after 30 minutes without events and after 24 hours at most; tabs share it.
  function session(now) {
    var s = store.s;
    if (!s) { try { s = JSON.parse(w.localStorage.getItem('jotrs.observer.session')); } catch (e) { s = null; } }
    if (!s || now - s.last > IDLE_MS || now - s.start > MAX_SESSION_MS) s = { id: uuid(), start: now, last: 0 };
    if (now - s.last > 5000) { s.last = now; try { w.localStorage.setItem('jotrs.observer.session', JSON.stringify(s)); } catch (e) { /* private mode */ } }
    s.last = Math.max(s.last, now);
    store.s = s;
    return s.id;
  }

  function clean(url) {
    try { var u = new URL(url, location.href); return u.origin + u.pathname; } catch (e) { return ''; }
  }

  function push(type, fields) {
    var now = Date.now(), e = fields || {};
    e.id = uuid(); e.t = now; e.type = type; e.url = clean(location.href); e.s = session(now);
    queue.push(e);
    if (queue.length > MAX_QUEUE) { queue.shift(); stats.dropped++; }
  }

  function closest(el, sel) { return el && el.closest ? el.closest(sel) : null; }

  function selector(el) {
    var parts = [];
    for (var depth = 0; el && el.nodeType === 1 && depth < 4; depth++, el = el.parentElement) {
      var part = el.tagName.toLowerCase();
      var test = el.getAttribute('data-testid') || el.getAttribute('data-test');
      if (el.id && !/\d{3,}|^[0-9]/.test(el.id)) { parts.unshift('#' + CSS.escape(el.id)); break; }
      if (test) part += '[data-testid="' + test.replace(/"/g, '') + '"]';
      else {
        var classes = (el.getAttribute('class') || '').split(/\s+/).filter(function (c) { return c && !/\d{2,}|[:[\]]/.test(c); });
        for (var i = 0; i < classes.length && i < 2; i++) part += '.' + CSS.escape(classes[i]);
      }
      parts.unshift(part);
    }
    return parts.join(' > ').slice(0, 500);
  }

  function label(el) {
    if (closest(el, '[data-jotrs-private]')) return '***';
    if (closest(el, FIELD)) return '';
    var text = el.getAttribute('aria-label') || el.getAttribute('title') || el.textContent || '';
    return text.replace(/\s+/g, ' ').trim().slice(0, 100);
  }

  // After a click, the first DOM change (or none) tells a working control from a dead one.
  function watchChanges() {
    if (!w.MutationObserver) return;
    if (!watch) watch = new MutationObserver(guard(function (records) {
      watch.disconnect(); clearTimeout(watch.timer);
      push('mutation', { n: records.length });
    }));
    watch.disconnect(); clearTimeout(watch.timer);
    watch.observe(d.documentElement, { subtree: true, childList: true, attributes: true, characterData: true });
    watch.timer = setTimeout(function () { watch.disconnect(); }, 3000);
  }

  d.addEventListener('click', guard(function (ev) {
    var el = ev.target && ev.target.nodeType === 1 ? ev.target : ev.target && ev.target.parentElement;
    if (!el || closest(el, '[data-jotrs-ignore]')) return;
    var target = closest(el, ACTIONABLE) || el;
    var sel = w.getSelection && w.getSelection();
    push('click', {
      sel: selector(target), text: label(target), tag: target.tagName.toLowerCase(),
      x: Math.round(ev.clientX), y: Math.round(ev.clientY), detail: ev.detail,
      act: !!closest(el, ACTIONABLE), ign: closest(el, FIELD) ? 'field' : undefined,
      sel_text: !!(sel && !sel.isCollapsed)
    });
    watchChanges();
  }), true);

  var lastScroll = 0, lastSelection = 0;
  w.addEventListener('scroll', guard(function () {
    var now = Date.now(); if (now - lastScroll < 500) return; lastScroll = now;
    push('scroll', { x: Math.round(w.scrollX), y: Math.round(w.scrollY) });
  }), { capture: true, passive: true });
  d.addEventListener('selectionchange', guard(function () {
    var now = Date.now(); if (now - lastSelection < 500) return; lastSelection = now;
    push('selection');
  }));

  w.addEventListener('error', guard(function (ev) {
    if (ev.target && ev.target !== w) return; // a failed <img> or <script>, not a JS error
    var err = ev.error || {};
    push('error', { msg: String(ev.message || err.message || 'Error').slice(0, 1000), name: err.name,
      stack: err.stack ? String(err.stack).slice(0, 3000) : undefined, src: clean(ev.filename || ''), line: ev.lineno, col: ev.colno });
  }));
  w.addEventListener('unhandledrejection', guard(function (ev) {
    var r = ev.reason || {};
    push('error', { msg: String(r.message || r).slice(0, 1000), name: r.name, unhandled: true,
      stack: r.stack ? String(r.stack).slice(0, 3000) : undefined });
  }));

  function failed(method, url, status, started) {
    if (String(url).indexOf(endpoint.split('?')[0]) === 0) return;
    push('request', { method: String(method || 'GET').toUpperCase().slice(0, 10), rurl: clean(url), status: status,
      dur: Math.round(perf.now() - started) });
  }
  if (w.fetch) {
    var originalFetch = w.fetch;
    w.fetch = function (input, init) {
      var started = perf.now(), method = init && init.method || input && input.method, url = input && input.url || input;
      var call = originalFetch.apply(this, arguments);
      call.then(guard(function (res) { if (res.status >= 400) failed(method, url, res.status, started); }),
        guard(function () { failed(method, url, 0, started); }));
      return call;
    };
  }
  if (w.XMLHttpRequest) {
    var open = XMLHttpRequest.prototype.open, send = XMLHttpRequest.prototype.send;
    XMLHttpRequest.prototype.open = function (method, url) {
      this.__jotrs = { m: method, u: url };
      return open.apply(this, arguments);
    };
    XMLHttpRequest.prototype.send = function () {
      var xhr = this, info = xhr.__jotrs;
      if (info) {
        info.t = perf.now();
        xhr.addEventListener('loadend', guard(function () { if (xhr.status === 0 || xhr.status >= 400) failed(info.m, info.u, xhr.status, info.t); }));
      }
      return send.apply(this, arguments);
    };
  }

  var lastUrl = clean(location.href);
  var navigated = guard(function (how) {
    var now = clean(location.href);
    if (now === lastUrl && how !== 'load') return;
    push('navigation', { from: lastUrl, how: how }); lastUrl = now;
  });
  ['pushState', 'replaceState'].forEach(function (name) {
    var original = history[name];
    history[name] = function () { var result = original.apply(this, arguments); navigated(name); return result; };
  });
  w.addEventListener('popstate', function () { navigated('popstate'); });
  w.addEventListener('hashchange', function () { navigated('hash'); });
  d.addEventListener('visibilitychange', guard(function () {
    push('visibility', { state: d.visibilityState });
    if (d.visibilityState === 'hidden') beaconAll();
  }));
  w.addEventListener('pagehide', guard(beaconAll));

  // Events of one batch share a session; a batch never mixes two.
  function take() {
    var sid = queue[0].s, n = 0;
    while (n < queue.length && n < BATCH && queue[n].s === sid) n++;
    var events = queue.splice(0, n);
    var body = { v: 1, session: sid, sentAt: Date.now(), events: events.map(function (e) {
      var copy = {}; for (var k in e) if (k !== 's' && e[k] !== undefined) copy[k] = e[k]; return copy;
    }) };
    if (user) body.user = user;
    if (release) body.release = release;
    return { events: events, json: JSON.stringify(body) };
  }

  function flush() {
    if (inFlight || !queue.length || Date.now() < notBefore || !nativeFetch) return;
    var batch = take();
    inFlight = true;
    nativeFetch.call(w, endpoint, { method: 'POST', body: batch.json, keepalive: batch.json.length < 60000,
      credentials: 'omit', headers: { 'Content-Type': 'text/plain' } })
      .then(function (res) {
        inFlight = false;
        if (res.ok || res.status >= 400 && res.status < 500 && res.status !== 429) {
          // Stored, or refused for good (bad key, origin, schema): a 4xx is never retried.
          failures = 0; stats.sent += res.ok ? batch.events.length : 0; stats.dropped += res.ok ? 0 : batch.events.length;
          if (queue.length) setTimeout(flush, 0);
          return;
        }
        var after = Number(res.headers.get('Retry-After'));
        retry(batch.events, after > 0 ? after * 1000 : 0);
      }, function () { inFlight = false; retry(batch.events, 0); });
  }

  // 5xx and network failures: exponential backoff with full jitter, capped at a minute.
  function retry(events, wait) {
    failures++;
    queue = events.concat(queue);
    while (queue.length > MAX_QUEUE) { queue.pop(); stats.dropped++; }
    notBefore = Date.now() + (wait || Math.random() * Math.min(60000, 1000 * Math.pow(2, failures)));
  }

  function beaconAll() {
    while (queue.length && navigator.sendBeacon) {
      var batch = take();
      if (!navigator.sendBeacon(endpoint, new Blob([batch.json], { type: 'text/plain' }))) {
        queue = batch.events.concat(queue); break;
      }
    }
  }

  setInterval(guard(flush), FLUSH_MS);
  navigated('load');

  w.JotrsObserver = {
    /** Ties later events to your application's user id (not shown to anyone but agents). */
    identify: guard(function (id) { user = id == null ? null : String(id).slice(0, 200); }),
    /** Sends what is queued now. */
    flush: guard(flush),
    /** What the SDK cost the page so far: handler count, total and slowest handler in ms. */
    stats: function () { return { handlers: stats.handlers, totalMs: stats.totalMs, maxMs: stats.maxMs, queued: queue.length, sent: stats.sent, dropped: stats.dropped }; }
  };
})(window, document);
