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
  if (form instanceof HTMLFormElement && form.dataset.confirm && !window.confirm(form.dataset.confirm)) {
    event.preventDefault();
  }
});
