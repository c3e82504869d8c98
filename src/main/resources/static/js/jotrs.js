// Every htmx request carries the CSRF token the page was rendered with.
document.addEventListener("htmx:configRequest", (event) => {
  const header = document.querySelector('meta[name="csrf-header"]');
  const token = document.querySelector('meta[name="csrf-token"]');
  if (header && token) {
    event.detail.headers[header.content] = token.content;
  }
});

// A "select all" box ticks or clears every box of the named field in its form; it shows mixed
// when only some are ticked. Delegated, so lists replaced by live updates keep working.
document.addEventListener("change", (event) => {
  const box = event.target;
  if (!(box instanceof HTMLInputElement) || box.type !== "checkbox") {
    return;
  }
  const scope = box.form || document;
  if (box.dataset.selectAll) {
    for (const other of scope.querySelectorAll(`input[type=checkbox][name="${box.dataset.selectAll}"]`)) {
      other.checked = box.checked;
    }
    return;
  }
  const all = scope.querySelector(`input[data-select-all="${box.name}"]`);
  if (all) {
    const boxes = [...scope.querySelectorAll(`input[type=checkbox][name="${box.name}"]`)];
    const ticked = boxes.filter((b) => b.checked).length;
    all.checked = ticked === boxes.length;
    all.indeterminate = ticked > 0 && ticked < boxes.length;
  }
});

// Irreversible actions ask first: a form with data-confirm is sent only when the agent agrees.
document.addEventListener("submit", (event) => {
  const form = event.target;
  if (!(form instanceof HTMLFormElement) || !form.dataset.confirm) {
    return;
  }
  // data-confirm-if names a field: ask only when it is filled (the bulk form merges only then).
  const condition = form.dataset.confirmIf ? form.elements.namedItem(form.dataset.confirmIf) : null;
  if (condition && !String(condition.value || "").trim()) {
    return;
  }
  if (!window.confirm(form.dataset.confirm)) {
    event.preventDefault();
  }
});

// A search box narrows a long select (the time zones) to the options whose name matches; when the
// chosen option is filtered out, the first match is chosen, so typing a city picks its zone.
document.addEventListener("input", (event) => {
  const box = event.target;
  if (!(box instanceof HTMLInputElement) || !box.dataset.filterOptions) {
    return;
  }
  const select = document.getElementById(box.dataset.filterOptions);
  if (!(select instanceof HTMLSelectElement)) {
    return;
  }
  const normal = (text) => text.toLowerCase().replaceAll("_", " ");
  const wanted = normal(box.value.trim());
  let first = null;
  for (const option of select.options) {
    option.hidden = wanted !== "" && !normal(option.value).includes(wanted) && !normal(option.text).includes(wanted);
    if (!option.hidden && first === null) {
      first = option;
    }
  }
  for (const group of select.querySelectorAll("optgroup")) {
    group.hidden = [...group.children].every((option) => option.hidden);
  }
  if (first && select.selectedOptions.length > 0 && select.selectedOptions[0].hidden) {
    first.selected = true;
  }
});

// An element marked data-swap-refusal shows the form htmx gets back with a refusal (422) in place,
// with its messages, instead of dropping it as htmx does with error answers.
document.addEventListener("htmx:beforeSwap", (event) => {
  const source = event.detail.requestConfig && event.detail.requestConfig.elt;
  if (event.detail.xhr.status === 422 && source instanceof Element && source.closest("[data-swap-refusal]")) {
    event.detail.shouldSwap = true;
    event.detail.isError = false;
  }
});

// The new-ticket forms' customer panel: Enter in one of its fields makes the customer user (not the
// ticket); opened empty, it starts from what was typed into the customer field; after an answer the
// focus goes to the first refused field, or back to the customer field with the new login.
document.addEventListener("keydown", (event) => {
  const field = event.target;
  if (event.key !== "Enter" || !(field instanceof HTMLInputElement)) {
    return;
  }
  const panel = field.closest("[data-enter-clicks]");
  const button = panel && panel.querySelector(panel.dataset.enterClicks);
  if (button) {
    event.preventDefault();
    button.click();
  }
});
document.addEventListener("toggle", (event) => {
  const panel = event.target;
  if (!(panel instanceof HTMLDetailsElement) || panel.parentElement?.id !== "new-customer" || !panel.open) {
    return;
  }
  const typed = document.getElementById("customerUser");
  const login = document.getElementById("newLogin");
  const mail = document.getElementById("newEmail");
  const value = typed ? typed.value.trim() : "";
  if (value && login && mail && !login.value && !mail.value) {
    login.value = value;
    if (value.includes("@")) {
      mail.value = value;
    }
  }
}, true);
document.addEventListener("htmx:afterSettle", (event) => {
  const source = event.detail.requestConfig && event.detail.requestConfig.elt;
  if (!(source instanceof Element) || source.id !== "new-customer-create") {
    return;
  }
  const panel = document.getElementById("new-customer");
  const refused = panel && panel.querySelector("[aria-invalid=true]");
  (refused || document.getElementById("customerUser"))?.focus();
});

// Keyboard shortcuts (the "?" overlay in the layout lists them). They act only when no field has
// the focus and no modifier is held, so typing and the browser's own shortcuts are never taken.
(() => {
  const typing = (element) => element instanceof HTMLElement
      && (element.isContentEditable || element.closest("input, textarea, select, [contenteditable]") !== null);

  // What j and k say at an end of the list: shown for a moment and read out (a status region).
  let statusTimer = null;
  const say = (which) => {
    const status = document.getElementById("kb-status");
    if (!status) {
      return;
    }
    status.textContent = status.dataset[which] || "";
    clearTimeout(statusTimer);
    statusTimer = setTimeout(() => { status.textContent = ""; }, 4000);
  };

  const rowLinks = () => [...document.querySelectorAll("table.tickets tbody tr td.title a")];
  const chooseRow = (links, index) => {
    for (const row of document.querySelectorAll("table.tickets tr.kb-current")) {
      row.classList.remove("kb-current");
    }
    links[index].closest("tr").classList.add("kb-current");
    links[index].focus();
    links[index].scrollIntoView({block: "nearest"});
  };

  // j/k move through the rows of a ticket list; the row's title link takes the focus, so Enter opens
  // it. Past the last row j opens the next page at its first row, before the first row k opens the
  // previous page at its last; at the ends of the whole list they stay and say so.
  const ROW_AFTER_PAGE = "jotrs.kb-row";
  const moveInList = (step) => {
    const links = rowLinks();
    if (links.length === 0) {
      return false;
    }
    const now = links.indexOf(document.activeElement);
    if (now < 0) {
      chooseRow(links, step > 0 ? 0 : links.length - 1);
      return true;
    }
    const next = now + step;
    if (next >= 0 && next < links.length) {
      chooseRow(links, next);
      return true;
    }
    const pager = document.querySelector(`nav.pager a[rel=${step > 0 ? "next" : "prev"}]`);
    if (pager) {
      try {
        sessionStorage.setItem(ROW_AFTER_PAGE, step > 0 ? "first" : "last");
      } catch (e) {
        // Storage refused: the next page opens without a row chosen.
      }
      location.assign(pager.href);
    } else {
      chooseRow(links, now);
      say(step > 0 ? "last" : "first");
    }
    return true;
  };
  (() => {
    let wanted = null;
    try {
      wanted = sessionStorage.getItem(ROW_AFTER_PAGE);
      sessionStorage.removeItem(ROW_AFTER_PAGE);
    } catch (e) {
      return;
    }
    const links = rowLinks();
    if (wanted && links.length > 0) {
      chooseRow(links, wanted === "first" ? 0 : links.length - 1);
    }
  })();

  // The list a ticket was opened from, kept per browser tab: in the zoom, j and k open the next
  // and previous ticket of that list, as they move through its rows there, and the zoom's
  // list navigation (#list-nav) links to them. Any table of tickets or [data-ticket-list] counts.
  const LIST_KEY = "jotrs.ticket-list";
  const TICKET_PATH = /^\/tickets\/(\d+)$/;
  const ticketOf = (link) => {
    const url = new URL(link.getAttribute("href") || "", location.href);
    const match = url.origin === location.origin ? url.pathname.match(TICKET_PATH) : null;
    return match ? match[1] : null;
  };
  const rememberList = (event) => {
    const link = event.target instanceof Element ? event.target.closest("a[href]") : null;
    const list = link?.closest("table.tickets, [data-ticket-list]");
    if (!list || ticketOf(link) === null) {
      return;
    }
    const ids = [...new Set([...list.querySelectorAll("a[href]")].map(ticketOf).filter((id) => id !== null))];
    try {
      // The list's other pages, so that j and k in the last and first ticket go on there.
      const page = (rel) => document.querySelector(`nav.pager a[rel=${rel}]`)?.getAttribute("href") ?? null;
      sessionStorage.setItem(LIST_KEY, JSON.stringify({ ids, from: location.pathname + location.search,
        nextPage: page("next"), previousPage: page("prev") }));
    } catch (e) {
      // Storage refused (private mode, full): the zoom simply has no list to move along.
    }
  };
  document.addEventListener("click", rememberList, true);
  document.addEventListener("auxclick", rememberList, true);

  /** The zoom's neighbours in the remembered list, or null outside a zoom opened from a list. */
  const listPlace = () => {
    const here = location.pathname.match(TICKET_PATH);
    let list = null;
    try {
      list = JSON.parse(sessionStorage.getItem(LIST_KEY) || "null");
    } catch (e) {
      return null;
    }
    if (!here || !list || !Array.isArray(list.ids)) {
      return null;
    }
    const at = list.ids.indexOf(here[1]);
    if (at < 0) {
      return null;
    }
    const local = (path) => typeof path === "string" && path.startsWith("/") && !path.startsWith("//") ? path : null;
    return { previous: list.ids[at - 1] ?? null, next: list.ids[at + 1] ?? null, from: list.from,
      nextPage: local(list.nextPage), previousPage: local(list.previousPage) };
  };

  const listNav = document.getElementById("list-nav");
  const place = listNav ? listPlace() : null;
  if (listNav && place) {
    for (const [selector, id] of [["[data-list-previous]", place.previous], ["[data-list-next]", place.next]]) {
      const link = listNav.querySelector(selector);
      if (id === null) {
        link.remove();
      } else {
        link.href = "/tickets/" + id;
      }
    }
    if (typeof place.from === "string" && place.from.startsWith("/") && !place.from.startsWith("//")) {
      listNav.querySelector("[data-list-back]").href = place.from;
    }
    listNav.hidden = false;
  }

  const openNeighbour = (step) => {
    const neighbours = listPlace();
    if (neighbours === null) {
      return false;
    }
    const id = step > 0 ? neighbours.next : neighbours.previous;
    if (id === null) {
      const page = step > 0 ? neighbours.nextPage : neighbours.previousPage;
      if (page) {
        try {
          sessionStorage.setItem(ROW_AFTER_PAGE, step > 0 ? "first" : "last");
        } catch (e) {
          // Storage refused: the page opens without a row chosen.
        }
        location.assign(page);
      } else {
        say(step > 0 ? "last" : "first");
      }
      return true;
    }
    location.assign("/tickets/" + id);
    return true;
  };

  // n opens the zoom's note form; c does the same with a closing state chosen, so "close with a
  // note" is one form and one submit.
  const openNote = (closing) => {
    const note = document.getElementById("add-note");
    if (!(note instanceof HTMLDetailsElement)) {
      return false;
    }
    note.open = true;
    const state = document.getElementById("note-next-state");
    if (closing && state instanceof HTMLSelectElement) {
      const options = [...state.options];
      const closed = options.find((o) => o.value === "closed successful") || options.find((o) => o.value.startsWith("closed"));
      if (closed) {
        state.value = closed.value;
      }
    }
    // The rich-text editor (editor.js) stands in for the textarea when it runs.
    const body = document.getElementById("note-body-rich") || document.getElementById("note-body");
    (body || note).scrollIntoView({block: "center"});
    body?.focus();
    return true;
  };

  const actions = {
    "j": () => moveInList(1) || openNeighbour(1),
    "k": () => moveInList(-1) || openNeighbour(-1),
    "n": () => openNote(false),
    "c": () => openNote(true),
    "r": () => {
      const reply = document.querySelector('[data-shortcut="r"]');
      reply?.click();
      return reply !== null;
    },
    "/": () => {
      const search = document.querySelector(".quick-search input[type=search]");
      search?.focus();
      return search !== null;
    },
    // The overlay lives in a <template> until asked for, and leaves the page when closed, so its
    // texts are not part of the page the rest of the time.
    "?": () => {
      const template = document.getElementById("shortcuts-template");
      if (!(template instanceof HTMLTemplateElement) || document.getElementById("shortcuts")) {
        return false;
      }
      document.body.append(template.content.cloneNode(true));
      const overlay = document.getElementById("shortcuts");
      overlay.addEventListener("close", () => overlay.remove());
      overlay.showModal();
      return true;
    },
  };

  document.addEventListener("keydown", (event) => {
    if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey || typing(event.target)
        || document.querySelector("dialog[open]")) {
      return;
    }
    const action = actions[event.key];
    if (action && action()) {
      event.preventDefault();
    }
  });
})();
