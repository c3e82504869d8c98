// Live updates for the ticket zoom and the ticket lists. A server-sent event stream
// (org.jotrs.live.web.LiveStreams) says that something changed: one shared by all the agent's tabs
// through a SharedWorker (live-worker.js), or, where there is none, the page's own; the page then fetches itself
// again and swaps only the parts that show ticket data. Forms are never swapped (the lock form
// holds no input), so whatever the agent is typing stays as it is. The zoom's field panel
// follows field by field instead (followFields).
(() => {
  "use strict";
  const live = document.getElementById("live");
  if (!live || !("EventSource" in window)) {
    return;
  }
  const zoom = live.dataset.liveKind === "zoom";
  const PARTS = zoom
    ? ["ticket-title", "ticket-facts", "ticket-lock-form", "ticket-articles", "ticket-history", "ticket-customer"]
    : ["queue-list", "queue-tickets"];
  // Texts come translated from the page (data-text-*, data-what-kind), with {0}, {1} for values.
  const text = (name, ...values) =>
    (live.dataset["text" + name] || "").replace(/\{(\d)\}/g, (all, i) => values[Number(i)] ?? "");
  // The kinds of change a notice names, and their labels: one hidden element per kind, written by
  // the page from org.jotrs.platform.FeedKind, so the server's list is the only one.
  const WHAT = Object.fromEntries([...live.querySelectorAll("[data-what-kind]")]
    .map((element) => [element.dataset.whatKind, element.textContent]));
  // Queue counts are shared and recounted in the background every 2 s (QueueViewing): a list
  // refreshed right after a change may show the old count, so it looks once more after that.
  const COUNTS_SETTLE_MS = 2500;

  let source = null;
  let viewerId = null;
  let opens = 0;
  let shown = "";
  let noticeTimer = null;
  let refreshTimer = null;
  let settleTimer = null;
  let lastActor = "";

  // What the server sends, by event name; the same from the page's own stream and the shared one.
  const handlers = {
    opened: (data) => {
      viewerId = data.viewerId;
    },
    ticket: (data) => ticketChanged(data),
    tickets: () => {
      changed();
      scheduleRefresh();
    },
    viewers: (data) => showViewers(data.names),
    revoked: (data) => {
      disconnect();
      notice(data.reason === "SIGNED_OUT" ? text("SignedOut") : text("Revoked"), false);
    },
  };

  // The shared connection: this tab's page is opened on it under a random key.
  let worker = null;
  let key = null;
  let aliveTimer = null;

  function randomKey() {
    const bytes = new Uint8Array(16);
    crypto.getRandomValues(bytes);
    return [...bytes].map((b) => b.toString(16).padStart(2, "0")).join("");
  }

  function connectShared() {
    if (!worker) {
      try {
        worker = new SharedWorker("/js/live-worker.js", { name: "jotrs-live" });
      } catch (e) {
        return false;
      }
      worker.port.addEventListener("message", (message) => {
        const data = message.data || {};
        if (data.type === "event" && handlers[data.name]) {
          handlers[data.name](data.data);
        } else if (data.type === "reconnected") {
          refresh();
        } else if (data.type === "off") {
          notice(text("Off"), false);
        } else if (data.type === "failed") {
          // The shared connection would not take this page: it gets its own stream instead.
          stopShared();
          worker = false;
          connect();
        }
      });
      worker.port.start();
    }
    if (!zoom) {
      shown = shownTickets();
    }
    key = randomKey();
    const header = document.querySelector('meta[name="csrf-header"]');
    const token = document.querySelector('meta[name="csrf-token"]');
    worker.port.postMessage({
      type: "page",
      key,
      interest: zoom ? { ticket: live.dataset.liveStream.split("/").pop() } : { shown },
      csrf: header && token ? { header: header.content, token: token.content } : null,
    });
    clearInterval(aliveTimer);
    aliveTimer = setInterval(() => worker && worker.port.postMessage({ type: "alive", key }), 20000);
    return true;
  }

  function stopShared() {
    clearInterval(aliveTimer);
    if (worker && key) {
      worker.port.postMessage({ type: "bye", key });
    }
    key = null;
  }

  function connect() {
    if (worker !== false && "SharedWorker" in window && connectShared()) {
      return;
    }
    worker = false;
    let url = live.dataset.liveStream;
    if (!zoom) {
      shown = shownTickets();
      url += "?shown=" + encodeURIComponent(shown);
    }
    opens = 0;
    source = new EventSource(url);
    // The browser reconnects by itself after a dropped stream; changes may have been missed meanwhile.
    source.addEventListener("open", () => {
      if (opens++ > 0) {
        refresh();
      }
    });
    // Network errors are retried by the browser; a refusal (too many open pages, no access) is not.
    source.addEventListener("error", () => {
      if (source && source.readyState === EventSource.CLOSED) {
        notice(text("Off"), false);
      }
    });
    for (const [name, handle] of Object.entries(handlers)) {
      source.addEventListener(name, (event) => handle(JSON.parse(event.data)));
    }
  }

  // Tells the server at once that this page's stream is gone (it would otherwise notice at its
  // next heartbeat), so the agent stops being shown as viewing the ticket.
  function disconnect() {
    if (worker) {
      stopShared();
      viewerId = null;
      return;
    }
    if (source) {
      source.close();
      source = null;
    }
    if (viewerId) {
      const header = document.querySelector('meta[name="csrf-header"]');
      const token = document.querySelector('meta[name="csrf-token"]');
      const headers = header && token ? { [header.content]: token.content } : {};
      fetch("/live/streams/" + encodeURIComponent(viewerId) + "/close",
        { method: "POST", headers, keepalive: true, credentials: "same-origin" }).catch(() => {});
      viewerId = null;
    }
  }

  function ticketChanged(change) {
    if (!change.readable) {
      notice(text("Gone"), false);
      return;
    }
    lastActor = change.actor || "";
    changed();
    refresh();
    const who = change.byViewer ? text("You") : change.actor;
    const what = WHAT[change.kind];
    notice(what ? text("UpdatedWhat", who, what) : text("Updated", who), true);
  }

  // Other parts of the page that count tickets (the navigation's counts) refresh on this event.
  function changed() {
    document.body.dispatchEvent(new CustomEvent("jotrs:changed"));
  }

  function scheduleRefresh() {
    if (!refreshTimer) {
      refreshTimer = setTimeout(() => {
        refreshTimer = null;
        refresh();
      }, 200);
    }
    clearTimeout(settleTimer);
    settleTimer = setTimeout(refresh, COUNTS_SETTLE_MS);
  }

  async function refresh() {
    const url = zoom ? live.dataset.livePage : location.href;
    let response;
    try {
      response = await fetch(url, { credentials: "same-origin", headers: { Accept: "text/html" } });
    } catch (e) {
      return;
    }
    // A signed-out session is redirected to the sign-in page: nothing of it belongs here.
    if (!response.ok || response.redirected) {
      return;
    }
    const fresh = new DOMParser().parseFromString(await response.text(), "text/html");
    // The lists' rows carry the bulk selection: tickets still shown stay selected.
    const selected = new Set([...document.querySelectorAll("input[name=ticketId]:checked")].map((box) => box.value));
    for (const box of fresh.querySelectorAll("input[name=ticketId]")) {
      box.checked = selected.has(box.value);
    }
    for (const id of PARTS) {
      const part = fresh.getElementById(id);
      const current = document.getElementById(id);
      if (part && current) {
        const adopted = document.adoptNode(part);
        current.replaceWith(adopted);
        if (window.htmx) {
          window.htmx.process(adopted);
        }
      }
    }
    if (zoom) {
      followFields(fresh);
    }
    if (!zoom && shownTickets() !== shown) {
      // The stream is told which tickets the page shows; a ticket moved out of the agent's
      // queues must still reach this page so that it leaves the list.
      disconnect();
      connect();
    }
  }

  // The field panel after someone else's change: a field the agent has not touched takes the new
  // value (and the new "seen" value, so saving keeps it); a field the agent has changed keeps the
  // agent's value and its old "seen" value, so that saving it is refused rather than overwriting
  // the colleague's change, and a note beside it says so.
  function followFields(fresh) {
    const form = document.getElementById("ticket-fields");
    const freshForm = fresh.getElementById("ticket-fields");
    if (!form || !freshForm) {
      return;
    }
    for (const freshSeen of freshForm.querySelectorAll("input[name^='seen.']")) {
      const name = freshSeen.name.slice("seen.".length);
      const seen = form.elements.namedItem("seen." + name);
      const control = form.elements.namedItem(name);
      const freshControl = freshForm.elements.namedItem(name);
      if (!seen || !control || !freshControl || seen.value === freshSeen.value) {
        continue;
      }
      const field = control.closest(".panel-field");
      if (control.value === seen.value) {
        if (control instanceof HTMLSelectElement) {
          control.replaceChildren(...[...freshControl.options].map((option) => document.adoptNode(option)));
        }
        control.value = freshSeen.value;
        seen.value = freshSeen.value;
        if (field) {
          field.classList.add("followed");
          setTimeout(() => field.classList.remove("followed"), 4000);
        }
      } else {
        const note = document.getElementById("note-" + name);
        if (note) {
          const now = freshControl instanceof HTMLSelectElement && freshControl.selectedOptions.length
            ? freshControl.selectedOptions[0].textContent : freshControl.value;
          note.textContent = text("FieldChanged", lastActor, now);
          note.hidden = false;
        }
      }
    }
  }

  function shownTickets() {
    const ids = new Set();
    for (const link of document.querySelectorAll("#queue-tickets a[href^='/tickets/']")) {
      const id = link.getAttribute("href").split("/")[2];
      if (/^[0-9]+$/.test(id)) {
        ids.add(id);
      }
    }
    return [...ids].join(",");
  }

  function showViewers(names) {
    const element = document.getElementById("live-viewers");
    if (element) {
      element.textContent = names.length ? text("Viewing", names.join(", ")) : "";
      element.hidden = names.length === 0;
    }
  }

  function notice(text, fades) {
    const element = document.getElementById("live-notice");
    if (!element) {
      return;
    }
    element.textContent = text;
    element.hidden = false;
    clearTimeout(noticeTimer);
    if (fades) {
      noticeTimer = setTimeout(() => { element.hidden = true; }, 15000);
    }
  }

  window.addEventListener("pagehide", disconnect);
  window.addEventListener("pageshow", (event) => {
    // Back from the browser's page cache: the stream was closed on the way out.
    if (event.persisted) {
      connect();
      refresh();
    }
  });
  connect();
})();
