// One live connection for all of an agent's tabs in this browser (a SharedWorker, started by
// live.js). The worker holds one server-sent event stream (/live/shared) and opens each tab's page
// on it with a POST (/live/shared/{connection}/pages); the server marks each page's events with
// the tab's key, and the worker passes them to that tab, which handles them as it handles its own
// stream's. Without SharedWorker (some mobile browsers) every tab keeps its own stream (live.js).
"use strict";

/** key -> { port, interest, viewerId, lastSeen } */
const pages = new Map();
let source = null;
let connection = null;
let opens = 0;
let revoked = false;
let csrf = null;

// A tab says it is still there every 20 s (background tabs' timers may run only once a minute);
// one not heard of for this long is gone (crashed), and its page is closed on the server.
const SILENT_MS = 180000;

function post(port, message) {
  try {
    port.postMessage(message);
  } catch (e) {
    // The tab is gone; its page is dropped at the next sweep.
  }
}

function headers(extra) {
  return csrf ? { [csrf.header]: csrf.token, ...extra } : { ...extra };
}

function connect() {
  revoked = false;
  connection = null;
  opens = 0;
  source = new EventSource("/live/shared");
  source.addEventListener("error", () => {
    if (source && source.readyState === EventSource.CLOSED) {
      source = null;
      connection = null;
      for (const page of pages.values()) {
        post(page.port, { type: "off" });
      }
    } else {
      // Reconnecting: the pages go with the old connection and are opened again on the new one.
      connection = null;
    }
  });
  source.addEventListener("opened", (event) => {
    const data = JSON.parse(event.data);
    if (data.page !== undefined) {
      return; // a page's own "opened": its viewer id came with the POST already
    }
    connection = data.viewerId;
    const again = opens++ > 0;
    for (const [key, page] of pages) {
      page.viewerId = null;
      open(key, page);
      if (again) {
        // Changes may have been missed while the connection was down.
        post(page.port, { type: "reconnected" });
      }
    }
  });
  for (const name of ["ticket", "tickets", "viewers", "revoked"]) {
    source.addEventListener(name, (event) => {
      const data = JSON.parse(event.data);
      if (data.page === undefined) {
        if (name === "revoked") {
          // The session ended: every tab is told, and the stream is not reopened until a tab asks again.
          revoked = true;
          source.close();
          source = null;
          connection = null;
          for (const page of pages.values()) {
            post(page.port, { type: "event", name, data });
          }
          pages.clear();
        }
        return;
      }
      const page = pages.get(data.page);
      if (page) {
        post(page.port, { type: "event", name, data: data.event });
      }
    });
  }
}

async function open(key, page) {
  if (!connection) {
    return; // opened when the connection is
  }
  const body = new URLSearchParams({ key, ...page.interest });
  let response;
  try {
    response = await fetch("/live/shared/" + encodeURIComponent(connection) + "/pages", {
      method: "POST",
      headers: headers({ "Content-Type": "application/x-www-form-urlencoded" }),
      body,
      credentials: "same-origin",
    });
  } catch (e) {
    post(page.port, { type: "failed" });
    return;
  }
  if (pages.get(key) !== page) {
    // The tab left or asked for another page meanwhile.
    if (response.ok) {
      close((await response.json()).viewerId);
    }
    return;
  }
  if (!response.ok) {
    pages.delete(key);
    post(page.port, { type: "failed", status: response.status });
    return;
  }
  page.viewerId = (await response.json()).viewerId;
}

function close(viewerId) {
  if (!viewerId) {
    return;
  }
  fetch("/live/streams/" + encodeURIComponent(viewerId) + "/close",
    { method: "POST", headers: headers({}), credentials: "same-origin" }).catch(() => {});
}

function leave(key) {
  const page = pages.get(key);
  if (page) {
    pages.delete(key);
    close(page.viewerId);
  }
}

self.addEventListener("connect", (event) => {
  const port = event.ports[0];
  port.addEventListener("message", (message) => {
    const data = message.data || {};
    const key = typeof data.key === "string" ? data.key : "";
    if (!/^[A-Za-z0-9_-]{1,64}$/.test(key)) {
      return;
    }
    switch (data.type) {
      case "page": {
        if (data.csrf && data.csrf.header && data.csrf.token) {
          csrf = data.csrf;
        }
        leave(key);
        const page = { port, interest: data.interest || {}, viewerId: null, lastSeen: Date.now() };
        pages.set(key, page);
        if (!source || revoked) {
          connect();
        } else {
          open(key, page);
        }
        break;
      }
      case "alive": {
        const page = pages.get(key);
        if (page) {
          page.lastSeen = Date.now();
        }
        break;
      }
      case "bye":
        leave(key);
        break;
      default:
        break;
    }
  });
  port.start();
});

setInterval(() => {
  const now = Date.now();
  for (const [key, page] of pages) {
    if (now - page.lastSeen > SILENT_MS) {
      leave(key);
    }
  }
}, 30000);
