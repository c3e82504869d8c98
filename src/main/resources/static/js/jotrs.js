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

// Keyboard shortcuts (the "?" overlay in the layout lists them). They act only when no field has
// the focus and no modifier is held, so typing and the browser's own shortcuts are never taken.
(() => {
  const typing = (element) => element instanceof HTMLElement
      && (element.isContentEditable || element.closest("input, textarea, select, [contenteditable]") !== null);

  // j/k move through the rows of a ticket list; the row's title link takes the focus, so Enter opens it.
  const moveInList = (step) => {
    const links = [...document.querySelectorAll("table.tickets tbody tr td.title a")];
    if (links.length === 0) {
      return false;
    }
    const now = links.indexOf(document.activeElement);
    const next = now < 0 ? (step > 0 ? 0 : links.length - 1) : Math.min(links.length - 1, Math.max(0, now + step));
    for (const row of document.querySelectorAll("table.tickets tr.kb-current")) {
      row.classList.remove("kb-current");
    }
    links[next].closest("tr").classList.add("kb-current");
    links[next].focus();
    links[next].scrollIntoView({block: "nearest"});
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
    "j": () => moveInList(1),
    "k": () => moveInList(-1),
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
