// The rich-text editor of the compose screens: Squire on a contenteditable area, DOMPurify for
// pasted HTML. A textarea marked data-rich becomes an editor with the toolbar rendered (hidden)
// beside it; what is written goes to the server as "bodyHtml", which the server sanitises again and
// makes the plain body from. Without JavaScript, or if a library did not load, the textarea stays
// and is posted as before.
(() => {
  "use strict";
  if (!window.Squire || !window.DOMPurify) {
    return;
  }

  // What the server keeps (article.internal.HtmlBodies); the rest is dropped on paste already, so
  // that the agent sees what will be sent.
  const TAGS = ["a", "b", "strong", "i", "em", "u", "s", "strike", "p", "div", "br", "span", "ul", "ol", "li",
    "blockquote", "pre", "code", "h1", "h2", "h3", "h4", "h5", "h6", "table", "thead", "tbody", "tfoot", "tr",
    "td", "th", "hr", "sub", "sup"];

  function clean(html) {
    const fragment = DOMPurify.sanitize(fromOffice(html), {
      ALLOWED_TAGS: TAGS,
      ALLOWED_ATTR: ["href", "title", "dir", "lang"],
      ALLOWED_URI_REGEXP: /^(?:https?:|mailto:)/i,
      RETURN_DOM_FRAGMENT: true,
    });
    return fragment ? document.importNode(fragment, true) : document.createDocumentFragment();
  }

  // Word and Outlook paste lists as paragraphs whose bullet or number is text in a span marked
  // mso-list:Ignore; they become real lists before the styles that mark them are dropped.
  function fromOffice(html) {
    if (!/mso-|urn:schemas-microsoft-com/i.test(html)) {
      return html;
    }
    const doc = new DOMParser().parseFromString(html, "text/html");
    let list = null;
    for (const paragraph of doc.querySelectorAll("p")) {
      const style = paragraph.getAttribute("style") || "";
      if (!/mso-list:\s*l\d/i.test(style)) {
        list = null;
        continue;
      }
      const marker = [...paragraph.querySelectorAll("span")]
        .find((span) => /mso-list:\s*ignore/i.test(span.getAttribute("style") || ""));
      const ordered = marker !== undefined && /^\s*[\dA-Za-z]{1,3}[.)]/.test(marker.textContent);
      if (marker) {
        marker.remove();
      }
      if (list === null || list.nextElementSibling !== paragraph || (list.tagName === "OL") !== ordered) {
        list = doc.createElement(ordered ? "ol" : "ul");
        paragraph.before(list);
      }
      const item = doc.createElement("li");
      item.append(...paragraph.childNodes);
      paragraph.remove();
      list.append(item);
    }
    return doc.body.innerHTML;
  }

  function escape(text) {
    return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  }

  /** The textarea's plain text (a quoted reply, a template) as one block per line. */
  function fromText(text) {
    return text.replace(/\r\n?/g, "\n").split("\n")
      .map((line) => "<div>" + (line === "" ? "<br>" : escape(line)) + "</div>").join("");
  }

  function start(textarea) {
    const toolbar = document.querySelector(`.rich-toolbar[data-for="${textarea.id}"]`);
    const form = textarea.form;
    if (!toolbar || !form) {
      return;
    }
    const area = document.createElement("div");
    area.id = textarea.id + "-rich";
    area.className = "rich-area";
    area.setAttribute("role", "textbox");
    area.setAttribute("aria-multiline", "true");
    const label = document.querySelector(`label[for="${textarea.id}"]`);
    if (label) {
      label.id = label.id || textarea.id + "-label";
      label.htmlFor = area.id;
      area.setAttribute("aria-labelledby", label.id);
    }
    const invalid = textarea.getAttribute("aria-invalid");
    if (invalid) {
      area.setAttribute("aria-invalid", invalid);
    }
    // A required textarea hidden behind the editor would stop the browser's form check; the
    // server refuses an empty text with its message instead.
    if (textarea.required) {
      textarea.required = false;
      area.setAttribute("aria-required", "true");
    }
    // The short forms (a note in the zoom) get a smaller area than a mail.
    if (textarea.rows > 0 && textarea.rows <= 6) {
      area.classList.add("rich-area-short");
    }
    textarea.after(area);
    textarea.hidden = true;
    toolbar.hidden = false;

    // Ctrl+B and Ctrl+I (Cmd on a Mac) toggle through `toggle` below. Chrome turns them into
    // "formatBold"/"formatItalic" input events, which Squire answers by always adding the format;
    // these listeners come before Squire's (registered first, in the capture phase) and stop it.
    let shortcut = null;
    const FORMAT_KEYS = { b: "B", i: "I" };
    area.addEventListener("keydown", (event) => {
      const format = FORMAT_KEYS[event.key.toLowerCase()];
      if (format && (event.ctrlKey || event.metaKey) && !event.altKey && !event.shiftKey && shortcut) {
        event.preventDefault();
        event.stopImmediatePropagation();
        shortcut(format);
      }
    }, true);
    area.addEventListener("beforeinput", (event) => {
      const format = { formatBold: "B", formatItalic: "I" }[event.inputType];
      if (format && shortcut) {
        event.preventDefault();
        event.stopImmediatePropagation();
        shortcut(format);
      }
    }, true);
    const editor = new Squire(area, { blockTag: "DIV", sanitizeToDOMFragment: clean });
    const html = textarea.dataset.html;
    editor.setHTML(html ? html : fromText(textarea.value));
    if (label) {
      label.addEventListener("click", () => editor.focus());
    }

    const hidden = document.createElement("input");
    hidden.type = "hidden";
    hidden.name = "bodyHtml";
    form.append(hidden);
    form.addEventListener("submit", () => {
      hidden.value = editor.getHTML();
      // Not used by the server when bodyHtml is posted; kept true in case the page is restored.
      textarea.value = area.innerText;
    });

    // Bold and italic switched off with the cursor inside them (nothing selected): Squire nests a
    // new element inside the old one, so what is typed next stays bold. Instead the element is split
    // at the cursor and the cursor put between the halves (in a zero-width space, which Squire
    // drops again), inside whatever other formats (italic in bold) still apply there.
    const stepOut = (tag) => {
      const range = editor.getSelection();
      let format = null;
      for (let node = range.startContainer; node && node !== area; node = node.parentNode) {
        if (node.nodeName === tag) {
          format = node; // the outermost one, so nested leftovers end too
        }
      }
      if (!format) {
        return false;
      }
      editor.saveUndoState(range); // leaves the range where the cursor is in the DOM it may have touched
      const place = range;
      const inner = [];
      const start = place.startContainer.nodeType === Node.ELEMENT_NODE ? place.startContainer
        : place.startContainer.parentNode;
      for (let node = start; node && node !== format && node !== area; node = node.parentNode) {
        if (node.nodeType === Node.ELEMENT_NODE) {
          inner.unshift(node.cloneNode(false));
        }
      }
      const rest = document.createRange();
      rest.setStart(place.startContainer, place.startOffset);
      rest.setEndAfter(format);
      const tail = rest.extractContents();
      const gap = document.createTextNode("\u200B");
      let holder = gap;
      for (let i = inner.length - 1; i >= 0; i -= 1) {
        inner[i].append(holder);
        holder = inner[i];
      }
      format.after(holder);
      if (tail.textContent.replace(/\u200B/g, "") !== "" || tail.querySelector?.("br, img")) {
        holder.after(tail);
      }
      if (format.textContent.replace(/\u200B/g, "") === "" && !format.querySelector("br, img")) {
        format.remove();
      }
      const cursor = document.createRange();
      cursor.setStart(gap, 1);
      cursor.collapse(true);
      editor.setSelection(cursor);
      editor.focus();
      return true;
    };
    const toggle = (tag, on, off) => {
      if (!editor.hasFormat(tag)) {
        on();
      } else if (!editor.getSelection().collapsed || !stepOut(tag)) {
        off();
      }
    };
    shortcut = (format) => {
      if (format === "B") {
        toggle("B", () => editor.bold(), () => editor.removeBold());
      } else {
        toggle("I", () => editor.italic(), () => editor.removeItalic());
      }
      showState();
    };

    const commands = {
      bold: () => toggle("B", () => editor.bold(), () => editor.removeBold()),
      italic: () => toggle("I", () => editor.italic(), () => editor.removeItalic()),
      bullets: () => editor.hasFormat("UL") ? editor.removeList() : editor.makeUnorderedList(),
      numbers: () => editor.hasFormat("OL") ? editor.removeList() : editor.makeOrderedList(),
      quote: () => editor.hasFormat("BLOCKQUOTE") ? editor.decreaseQuoteLevel() : editor.increaseQuoteLevel(),
      link: () => {
        if (editor.hasFormat("A")) {
          editor.removeLink();
          return;
        }
        const button = toolbar.querySelector("[data-command=link]");
        let url = window.prompt(button.dataset.prompt, "https://");
        if (url === null) {
          return;
        }
        url = url.trim();
        if (/^[^\s:/]+\.[^\s]+$/.test(url) && !/^mailto:/i.test(url)) {
          url = (url.includes("@") ? "mailto:" : "https://") + url;
        }
        if (/^(?:https?:\/\/\S+|mailto:\S+@\S+)$/i.test(url)) {
          editor.makeLink(url);
        }
      },
      undo: () => editor.undo(),
      redo: () => editor.redo(),
    };
    const FORMATS = { bold: "B", italic: "I", bullets: "UL", numbers: "OL", quote: "BLOCKQUOTE", link: "A" };

    function showState() {
      for (const [command, tag] of Object.entries(FORMATS)) {
        const button = toolbar.querySelector(`[data-command=${command}]`);
        button.setAttribute("aria-pressed", String(editor.hasFormat(tag)));
      }
    }
    editor.addEventListener("pathChange", showState);
    editor.addEventListener("select", showState);
    editor.addEventListener("input", showState);

    toolbar.addEventListener("click", (event) => {
      const button = event.target.closest("button[data-command]");
      if (button) {
        commands[button.dataset.command]();
        editor.focus();
        showState();
      }
    });
    area.addEventListener("keydown", (event) => {
      if ((event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === "k") {
        event.preventDefault();
        commands.link();
        showState();
      }
    });

    // A template chosen beside the editor is inserted at the cursor, keeping what was written;
    // without JavaScript the same form starts the mail afresh from the template.
    const choice = document.querySelector(`form[data-templates][data-for="${textarea.id}"]`);
    if (choice) {
      const insert = choice.querySelector("button[data-insert]");
      const failed = choice.querySelector("[data-template-failed]");
      insert.textContent = insert.dataset.insert;
      choice.querySelector("[data-replace-hint]").hidden = true;
      choice.addEventListener("submit", async (event) => {
        event.preventDefault();
        failed.hidden = true;
        const id = choice.querySelector("select[name=template]").value;
        try {
          const response = await fetch(choice.dataset.templates + encodeURIComponent(id),
            { headers: { Accept: "text/plain" }, credentials: "same-origin" });
          if (!response.ok) {
            throw new Error("HTTP " + response.status);
          }
          editor.insertHTML(fromText(await response.text()));
          editor.focus();
        } catch (error) {
          failed.hidden = false;
        }
      });
    }

    // One tab stop for the toolbar; arrow keys move between its buttons (WAI-ARIA toolbar pattern),
    // mirrored in right-to-left pages.
    const buttons = [...toolbar.querySelectorAll("button")];
    toolbar.addEventListener("keydown", (event) => {
      const at = buttons.indexOf(document.activeElement);
      if (at < 0) {
        return;
      }
      const rtl = getComputedStyle(toolbar).direction === "rtl";
      const step = { ArrowRight: rtl ? -1 : 1, ArrowLeft: rtl ? 1 : -1 }[event.key];
      let next = null;
      if (step !== undefined) {
        next = (at + step + buttons.length) % buttons.length;
      } else if (event.key === "Home") {
        next = 0;
      } else if (event.key === "End") {
        next = buttons.length - 1;
      }
      if (next !== null) {
        event.preventDefault();
        buttons[at].tabIndex = -1;
        buttons[next].tabIndex = 0;
        buttons[next].focus();
      }
    });
  }

  document.querySelectorAll("textarea[data-rich]").forEach(start);
})();
