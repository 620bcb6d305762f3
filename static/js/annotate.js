/* Annotating the article text: selection -> form, highlights, jumping between text and list.
 *
 * Offsets are code points of Article.body, as the server (and the W3C model) counts them.
 * The page renders the body as paragraphs; #annotation-paragraphs (JSON) gives the offset
 * where each rendered paragraph starts, so a point in the DOM maps to
 * paragraphStart + code points of the paragraph's text before it.
 * Highlights are <mark> elements wrapped around text nodes, redrawn from the panel's
 * list items (data-start/data-end) whenever the panel or the text is swapped by htmx.
 */
(function () {
  "use strict";

  var state = { selection: null, rect: null };

  // A passage between curly quotes, unless it opens with a quotation mark itself (as the
  // panel's "quoted" template filter does).
  function quoted(text) {
    return text && "\"'“”‘’„«»‹›".indexOf(text[0]) >= 0 ? text : "“" + text + "”";
  }

  function cpLength(s) {
    var n = 0;
    for (var i = 0; i < s.length; i++) {
      var c = s.charCodeAt(i);
      if (c < 0xdc00 || c > 0xdfff || i === 0 || s.charCodeAt(i - 1) < 0xd800 || s.charCodeAt(i - 1) > 0xdbff) n++;
    }
    return n;
  }

  // UTF-16 index in s of the code point offset cp.
  function utf16Index(s, cp) {
    var i = 0;
    while (cp > 0 && i < s.length) {
      var c = s.charCodeAt(i);
      i += c >= 0xd800 && c <= 0xdbff && i + 1 < s.length ? 2 : 1;
      cp--;
    }
    return i;
  }

  function textRoot() { return document.getElementById("article-text"); }

  function paragraphs() {
    var root = textRoot();
    var data = document.getElementById("annotation-paragraphs");
    if (!root || !data) return null;
    var starts;
    try { starts = JSON.parse(data.textContent); } catch (e) { return null; }
    var nodes = Array.prototype.filter.call(root.children, function (el) {
      return el.tagName === "P" && !el.classList.contains("legend");
    });
    if (!starts.length || nodes.length !== starts.length) return null;
    return nodes.map(function (el, i) {
      return { el: el, start: starts[i], end: starts[i] + cpLength(el.textContent) };
    });
  }

  function paragraphOf(node, paras) {
    for (var i = 0; i < paras.length; i++) {
      if (paras[i].el === node || paras[i].el.contains(node)) return paras[i];
    }
    return null;
  }

  function pointToOffset(node, offset, paras) {
    var para = paragraphOf(node, paras);
    if (!para) return null;
    var range = document.createRange();
    range.setStart(para.el, 0);
    range.setEnd(node, offset);
    return para.start + cpLength(range.toString());
  }

  // The current selection as body offsets, or null if it is not inside the article text.
  function selectionOffsets() {
    var sel = window.getSelection();
    if (!sel || sel.rangeCount === 0 || sel.isCollapsed) return null;
    var paras = paragraphs();
    if (!paras) return null;
    var range = sel.getRangeAt(0);
    var start = pointToOffset(range.startContainer, range.startOffset, paras);
    var end = pointToOffset(range.endContainer, range.endOffset, paras);
    if (start === null || end === null || end <= start) return null;
    var text = range.toString();
    if (!text.trim()) return null;
    var single = paragraphOf(range.startContainer, paras) === paragraphOf(range.endContainer, paras);
    // Across paragraphs the DOM lacks the blank lines between them: let the server slice.
    return { start: start, end: end, exact: single ? text : "", text: text, rect: range.getBoundingClientRect() };
  }

  // --- Highlights -----------------------------------------------------------------------

  function clearMarks(root) {
    root.querySelectorAll("mark.annotation-mark").forEach(function (mark) {
      var parent = mark.parentNode;
      while (mark.firstChild) parent.insertBefore(mark.firstChild, mark);
      parent.removeChild(mark);
    });
    root.normalize();
  }

  function wrapRange(para, from, to, id, label) {
    // from/to: code points within the paragraph.
    var walker = document.createTreeWalker(para.el, NodeFilter.SHOW_TEXT);
    var pos = 0, node, pieces = [];
    while ((node = walker.nextNode())) {
      var len = cpLength(node.data);
      var a = Math.max(from, pos), b = Math.min(to, pos + len);
      if (a < b) pieces.push([node, a - pos, b - pos]);
      pos += len;
      if (pos >= to) break;
    }
    pieces.forEach(function (p) {
      var node = p[0];
      var startIdx = utf16Index(node.data, p[1]);
      var endIdx = utf16Index(node.data, p[2]);
      var target = node;
      if (startIdx > 0) target = target.splitText(startIdx);
      if (endIdx - startIdx < target.data.length) target.splitText(endIdx - startIdx);
      var mark = document.createElement("mark");
      mark.className = "annotation-mark label-" + label;
      mark.dataset.annotation = id;
      target.parentNode.insertBefore(mark, target);
      mark.appendChild(target);
    });
  }

  // Redrawing splits and merges text nodes, which would disturb a selection in progress:
  // only redraw when the list of highlights or the text itself changed.
  function drawHighlights() {
    var root = textRoot();
    var paras = paragraphs();
    if (!root || !paras) return;
    var items = document.querySelectorAll("#annotation-panel .annotation-item[data-start]");
    var signature = Array.prototype.map.call(items, function (item) {
      return [item.dataset.annotation, item.dataset.start, item.dataset.end, item.dataset.label].join(":");
    }).join(" ");
    if (root === state.drawnRoot && signature === state.drawnSignature) return;
    state.drawnRoot = root;
    state.drawnSignature = signature;
    clearMarks(root);
    items.forEach(function (item) {
      var s = parseInt(item.dataset.start, 10), e = parseInt(item.dataset.end, 10);
      paras.forEach(function (para) {
        var a = Math.max(s, para.start), b = Math.min(e, para.end);
        if (a < b) wrapRange(para, a - para.start, b - para.start, item.dataset.annotation, item.dataset.label || "");
      });
    });
  }

  function flash(el) {
    el.classList.remove("flash");
    void el.offsetWidth; // restart the animation
    el.classList.add("flash");
  }

  function jumpToText(id) {
    var marks = document.querySelectorAll('mark.annotation-mark[data-annotation="' + id + '"]');
    if (!marks.length) return;
    marks[0].scrollIntoView({ behavior: "smooth", block: "center" });
    marks.forEach(flash);
  }

  function jumpToItem(id) {
    var item = document.getElementById("annotation-" + id);
    if (!item) return;
    item.scrollIntoView({ behavior: "smooth", block: "nearest" });
    flash(item);
    var button = item.querySelector("[data-jump]");
    if (button) button.focus({ preventScroll: true });
  }

  // --- The form -------------------------------------------------------------------------

  function form() { return document.getElementById("annotation-form"); }

  function placeForm(f, rect) {
    var parent = f.offsetParent || document.body;
    var box = parent.getBoundingClientRect();
    if (rect && rect.width) {
      var left = Math.min(rect.left - box.left, Math.max(0, parent.clientWidth - 340));
      f.style.top = (rect.bottom - box.top + 8) + "px";
      f.style.left = Math.max(0, left) + "px";
      f.classList.add("floating");
    } else {
      f.style.top = "";
      f.style.left = "";
      f.classList.remove("floating");
    }
  }

  function syncVerdict(f) {
    var label = f.querySelector("select[name=label]");
    var verdictField = f.querySelector(".field-verdict");
    if (!label || !verdictField) return;
    var takes = (label.dataset.verdictLabels || "").split(" ").indexOf(label.value) !== -1;
    verdictField.hidden = !takes;
    if (!takes) verdictField.querySelector("select").value = "";
  }

  function openForm(sel, focus) {
    var f = form();
    if (!f) return;
    f.hidden = false;
    f.querySelector("input[name=start]").value = sel ? sel.start : "";
    f.querySelector("input[name=end]").value = sel ? sel.end : "";
    f.querySelector("input[name=exact]").value = sel ? sel.exact : "";
    var quoteField = f.querySelector(".field-quote");
    if (quoteField) quoteField.hidden = !!sel;
    var shown = f.querySelector("[data-selected-quote]");
    if (shown) shown.textContent = sel ? quoted(sel.text.length > 200 ? sel.text.slice(0, 199) + "…" : sel.text) : "";
    state.rect = sel ? sel.rect : null;
    placeForm(f, state.rect);
    syncVerdict(f);
    if (focus) {
      var first = sel ? f.querySelector("select[name=label]") : f.querySelector("textarea[name=quote]");
      if (first) first.focus({ preventScroll: !!sel });
    }
  }

  function closeForm(returnFocus) {
    var f = form();
    if (!f || f.hidden) return;
    f.hidden = true;
    if (returnFocus) {
      var root = textRoot();
      if (root) { root.setAttribute("tabindex", "-1"); root.focus({ preventScroll: true }); }
    }
  }

  function canAnnotate() {
    var section = document.getElementById("annotations");
    return section && section.dataset.canAnnotate === "true";
  }

  function onSelectionDone(ev) {
    if (!canAnnotate()) return;
    var root = textRoot();
    if (!root || !root.contains(ev.target)) return;
    var sel = selectionOffsets();
    if (!sel) return;
    state.selection = sel;
    openForm(sel, ev.type === "keyup");
  }

  document.addEventListener("mouseup", function (ev) {
    // Let the browser finish the selection first.
    window.setTimeout(function () { onSelectionDone(ev); }, 0);
  });
  document.addEventListener("keyup", function (ev) {
    // Keyboard selection (caret browsing, F7): Shift with arrows, Home/End.
    if (ev.shiftKey && /^(Arrow|Home|End|Page)/.test(ev.key)) onSelectionDone(ev);
  });
  document.addEventListener("keydown", function (ev) {
    if (ev.key === "Escape") closeForm(true);
  });

  document.addEventListener("click", function (ev) {
    var t = ev.target;
    var jump = t.closest && t.closest("[data-jump]");
    if (jump) { jumpToText(jump.dataset.jump); return; }
    var mark = t.closest && t.closest("mark.annotation-mark");
    if (mark) { jumpToItem(mark.dataset.annotation); return; }
    if (t.closest && t.closest("[data-close-form]")) { closeForm(true); return; }
    if (t.closest && t.closest("[data-new-annotation]")) {
      var sel = selectionOffsets();
      openForm(sel, true);
    }
  });

  document.addEventListener("change", function (ev) {
    if (ev.target.matches && ev.target.matches("select[name=label]")) {
      var f = ev.target.closest("form");
      if (f) syncVerdict(f);
    }
  });

  // Re-attaching an orphan takes the current (or last) selection in the text.
  document.addEventListener("submit", function (ev) {
    var f = ev.target;
    if (!f.matches || !f.matches("form[data-reattach]")) return;
    var sel = selectionOffsets() || state.selection;
    if (!sel) {
      ev.preventDefault();
      ev.stopImmediatePropagation();
      window.alert("Select the passage in the article text first, then press Re-attach.");
      return;
    }
    f.querySelector("input[name=start]").value = sel.start;
    f.querySelector("input[name=end]").value = sel.end;
    f.querySelector("input[name=exact]").value = sel.exact;
  }, true);

  document.body.addEventListener("annotation-saved", function (ev) {
    var f = form();
    if (f) { f.reset(); f.hidden = true; }
    state.selection = null;
    if (window.getSelection) window.getSelection().removeAllRanges();
    state.pendingJump = ev.detail && ev.detail.id;
  });

  function concernsAnnotations(el) {
    if (!el || !el.closest) return false;
    return !!(el.closest("#annotations") || el.closest("#article-text") ||
      el.id === "annotation-panel" || el.id === "article-text" || !el.isConnected);
  }

  document.body.addEventListener("htmx:afterSettle", function (ev) {
    var target = ev.detail && ev.detail.target;
    if (!target || !concernsAnnotations(target)) return; // e.g. the scoring card polling
    if (target.id === "annotation-form" || (target.closest && target.closest("#annotation-form"))) {
      var f = form();
      if (f) { f.hidden = false; placeForm(f, state.rect); syncVerdict(f); }
      return;
    }
    drawHighlights();
    if (state.pendingJump) {
      jumpToItem(state.pendingJump);
      state.pendingJump = null;
    }
  });

  document.body.addEventListener("htmx:afterSwap", function (ev) {
    // An edit form swapped into the list: show the verdict only where it applies.
    var f = ev.detail && ev.detail.target && ev.detail.target.querySelector && ev.detail.target.querySelector("form");
    if (f) syncVerdict(f);
  });

  function init() {
    drawHighlights();
    var f = form();
    if (f) syncVerdict(f);
    var m = /^#annotation-(\d+)$/.exec(window.location.hash);
    if (m) jumpToText(m[1]);
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
