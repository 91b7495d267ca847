/* claimcheck's subeditor page.
 *
 * Sends the draft (or a file) to POST /api/check and renders the JSON it gets back: the text
 * with every claim highlighted, the working for each, the problems in reading order and a
 * one-line summary. Article text only ever reaches the page through textContent and text nodes,
 * never as markup, so a draft containing <script> or an onerror attribute stays words.
 *
 * A claim's state comes from the findings:
 *   inconsistent  a finding with verdict "inconsistent" is about it (its `claim`);
 *   consistent    otherwise, any finding with verdict "consistent" lists it;
 *   unchecked     otherwise (including a figure used only as an input to a check that fails:
 *                 nothing confirms it, and the finding is about another figure).
 * Date claims are not highlighted unless a finding lists them. A problem that names no claim
 * (an unused suppression) is highlighted over its own span, so the side list can jump to it.
 */
"use strict";

(function () {
  const SHARE_KINDS = new Set(["percentage", "fraction", "ratio", "vague"]);
  const ICONS = { consistent: "✓", inconsistent: "✗", unchecked: "?" };
  const STATE_WORDS = {
    consistent: "consistent",
    inconsistent: "inconsistent",
    unchecked: "unchecked",
  };
  const FORMAT_BY_SUFFIX = {
    md: "markdown",
    markdown: "markdown",
    mdown: "markdown",
    html: "html",
    htm: "html",
  };
  const ACCEPTED = /\.(txt|text|md|markdown|mdown|html?|docx)$/i;

  const $ = (id) => document.getElementById(id);
  const els = {
    summary: $("summary"),
    alert: $("alert"),
    editor: $("editor"),
    editorHeading: $("editor-heading"),
    form: $("check-form"),
    draft: $("draft"),
    format: $("format"),
    check: $("check"),
    dropzone: $("dropzone"),
    file: $("file"),
    result: $("result"),
    resultHeading: $("result-heading"),
    edit: $("edit"),
    article: $("article"),
    problemList: $("problem-list"),
    noProblems: $("no-problems"),
    uncheckedBlock: $("unchecked-block"),
    uncheckedList: $("unchecked-list"),
    tooltip: $("tooltip"),
    workings: $("workings"),
  };

  const ruleNames = {}; // code -> readable name, from GET /api/rules when it answers
  let busy = false;

  /* ---------- talking to the server ---------- */

  async function postCheck(body, headers) {
    let response;
    try {
      response = await fetch("/api/check", { method: "POST", body, headers });
    } catch (err) {
      throw new Error("Could not reach the claimcheck server. Is it still running?");
    }
    let data = null;
    try {
      data = await response.json();
    } catch (err) {
      data = null;
    }
    if (!response.ok) {
      const said = data && typeof data.error === "string" ? data.error : null;
      throw new Error(said || `The server answered ${response.status} ${response.statusText}.`);
    }
    if (!data || !Array.isArray(data.files) || data.files.length === 0) {
      throw new Error("The server's answer had no result in it.");
    }
    return data.files[0];
  }

  function loadRuleNames() {
    fetch("/api/rules")
      .then((r) => (r.ok ? r.json() : []))
      .then((rules) => {
        if (!Array.isArray(rules)) return;
        for (const rule of rules) {
          if (rule && typeof rule.code === "string" && typeof rule.name === "string") {
            ruleNames[rule.code] = rule.name;
          }
        }
      })
      .catch(() => {});
  }

  async function run(label, heading, request, sentText) {
    if (busy) return;
    busy = true;
    showError("");
    els.check.disabled = true;
    els.form.setAttribute("aria-busy", "true");
    els.summary.textContent = `Checking ${label}…`;
    try {
      const file = await request();
      if (typeof file.error === "string") throw new Error(file.error);
      const text = typeof file.text === "string" ? file.text : sentText;
      if (typeof text !== "string") {
        throw new Error("The server did not send the text back, so nothing can be highlighted.");
      }
      render(text, file.claims || [], file.findings || [], heading);
      return text;
    } catch (err) {
      showError(err.message);
      els.summary.textContent = "The check did not run.";
      return null;
    } finally {
      busy = false;
      els.check.disabled = false;
      els.form.removeAttribute("aria-busy");
    }
  }

  function checkDraft() {
    const text = els.draft.value;
    if (!text.trim()) {
      els.draft.focus({ preventScroll: true });
      showError("Paste some text to check first.");
      return;
    }
    const body = JSON.stringify({ text, format: els.format.value, include_text: true });
    const request = () => postCheck(body, { "Content-Type": "application/json" });
    run("the draft", "Checked text", request, text);
  }

  async function checkFile(file) {
    if (!file) return;
    if (!ACCEPTED.test(file.name)) {
      showError(`${file.name} is not a .txt, .md, .html or .docx file.`);
      return;
    }
    const form = new FormData();
    form.append("file", file, file.name);
    form.append("include_text", "true");
    const request = () => postCheck(form, undefined);
    const text = await run(file.name, `Checked: ${file.name}`, request, undefined);
    if (text !== null) {
      // "Edit the text" then edits what was checked; a .docx comes back as plain text.
      const suffix = (file.name.split(".").pop() || "").toLowerCase();
      els.draft.value = text;
      els.format.value = FORMAT_BY_SUFFIX[suffix] || "text";
    }
    els.file.value = "";
  }

  /* ---------- deriving states and workings from the JSON ---------- */

  // The claim a finding is about: the contract names it in `claim` (null for a finding about
  // the text itself, such as an unused suppression).
  function subjectOf(finding, byId) {
    return (finding.claim && byId.get(finding.claim)) || null;
  }

  function analyse(claims, findings) {
    const byId = new Map(claims.map((c) => [c.id, c]));
    const info = new Map(); // claim id -> {about: [], usedIn: []}
    for (const c of claims) info.set(c.id, { about: [], usedIn: [] });
    const subjects = new Map(); // finding -> claim
    for (const f of findings) {
      const subject = subjectOf(f, byId);
      subjects.set(f, subject);
      for (const id of f.claims || []) {
        const entry = info.get(id);
        if (!entry) continue;
        (subject && subject.id === id ? entry.about : entry.usedIn).push(f);
      }
    }
    const states = new Map();
    for (const c of claims) {
      const { about, usedIn } = info.get(c.id);
      let state = "unchecked";
      if (about.some((f) => f.verdict === "inconsistent")) state = "inconsistent";
      else if (about.concat(usedIn).some((f) => f.verdict === "consistent")) state = "consistent";
      states.set(c.id, state);
    }
    return { byId, info, states, subjects };
  }

  // Plain-English working for one claim, as a list of {code, message, note} lines.
  // Two findings can read alike (the same sum against two mentions of one total): once is enough.
  function workingFor(claim, state, entry) {
    const rank = (f) => (f.verdict === "inconsistent" ? 0 : 1);
    const seen = new Set();
    const once = (f) => {
      const key = `${f.rule} ${f.message}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    };
    const about = entry.about.slice().sort((a, b) => rank(a) - rank(b)).filter(once);
    const usedIn = entry.usedIn.slice().sort((a, b) => rank(a) - rank(b)).filter(once);
    const lines = [];
    for (const f of about) lines.push({ code: f.rule, message: f.message, verdict: f.verdict });
    if (usedIn.length) {
      let note = "Also used in:";
      if (!about.length) {
        note =
          state === "consistent"
            ? "Used in:"
            : "Nothing confirms this figure by itself. It is used in:";
      }
      lines.push({ note });
      for (const f of usedIn) lines.push({ code: f.rule, message: f.message, verdict: f.verdict });
    }
    if (!lines.length) {
      lines.push({
        note: SHARE_KINDS.has(claim.kind)
          ? "Nothing in the text to check it against."
          : "No check involves this figure.",
      });
    }
    return lines;
  }

  function workingAsSentence(lines) {
    return lines
      .map((l) => (l.code ? `${l.code}: ${l.message}` : l.note))
      .join(" ")
      .replace(/\s+/g, " ");
  }

  /* ---------- Unicode: Python offsets count code points, JS strings UTF-16 units ---------- */

  function codePointToUnit(text) {
    const map = [0];
    let unit = 0;
    for (const ch of text) {
      unit += ch.length;
      map.push(unit);
    }
    return (cp) => map[Math.max(0, Math.min(cp, map.length - 1))];
  }

  /* ---------- rendering ---------- */

  function render(rawText, claims, findings, heading) {
    hideTooltip();
    // HTML input is checked with block ends as U+2029; show any such as a line break.
    const text = rawText.replace(/\u2029/g, "\n");
    const toUnit = codePointToUnit(text);
    const { info, states, subjects } = analyse(claims, findings);

    // Spans to highlight, without overlaps: inconsistent ones win, then reading order.
    const listed = new Set(findings.flatMap((f) => f.claims || []));
    const priority = { inconsistent: 0, consistent: 1, unchecked: 2 };
    const overlaps = (a, b) => a.start < b.end && b.start < a.end;
    const chosen = [];
    const candidates = claims
      .filter((c) => c.end > c.start && (c.kind !== "date" || listed.has(c.id)))
      .sort((a, b) => priority[states.get(a.id)] - priority[states.get(b.id)] || a.start - b.start);
    for (const c of candidates) {
      if (!chosen.some((o) => overlaps(c, o))) chosen.push(c);
    }

    // Every problem gets a highlight to jump to: its claim's, or else one over its own span
    // (an unused suppression names no claim), or else the highlight it falls on.
    const spans = chosen.map((claim) => ({
      id: claim.id,
      start: claim.start,
      end: claim.end,
      state: states.get(claim.id),
      lines: workingFor(claim, states.get(claim.id), info.get(claim.id)),
      claim,
    }));
    const problems = findings
      .filter((f) => f.verdict === "inconsistent")
      .sort((a, b) => a.start - b.start || a.end - b.end);
    const owner = new Map(); // finding -> span id
    problems.forEach((f, i) => {
      const subject = subjects.get(f);
      if (subject && chosen.includes(subject)) {
        owner.set(f, subject.id);
        return;
      }
      const own = { id: `p${i + 1}`, start: f.start, end: f.end };
      const hit = spans.find((o) => overlaps(own, o));
      if (hit || !(f.end > f.start)) {
        if (hit) owner.set(f, hit.id);
        return;
      }
      own.state = "inconsistent";
      own.lines = [{ code: f.rule, message: f.message, verdict: f.verdict }];
      spans.push(own);
      owner.set(f, own.id);
    });
    spans.sort((a, b) => a.start - b.start);

    // The article: text nodes and <mark>s only.
    els.article.replaceChildren();
    els.workings.replaceChildren();
    const marks = new Map();
    let at = 0;
    const fragment = document.createDocumentFragment();
    for (const span of spans) {
      const start = toUnit(span.start);
      const end = toUnit(span.end);
      if (start > at) fragment.append(document.createTextNode(text.slice(at, start)));
      const mark = makeMark(span, text.slice(start, end));
      marks.set(span.id, mark);
      fragment.append(mark);
      at = end;
    }
    if (at < text.length) fragment.append(document.createTextNode(text.slice(at)));
    els.article.append(fragment);

    renderProblems(problems, owner, marks);
    renderUnchecked(chosen, states, info, marks);

    // The summary, announced by the live region.
    const count = (n, one, many) => `${n} ${n === 1 ? one : many}`;
    const holds = findings.filter((f) => f.verdict === "consistent").length;
    const unchecked = chosen.filter((c) => states.get(c.id) === "unchecked").length;
    els.summary.textContent =
      chosen.length || problems.length
        ? [
            count(chosen.length, "claim", "claims"),
            count(holds, "check holds", "checks hold"),
            `${problems.length} inconsistent`,
            `${unchecked} unchecked`,
          ].join(" · ")
        : "No figures found in the text.";

    els.resultHeading.textContent = heading;
    showView("result");
  }

  function makeMark(span, shownText) {
    const { state, lines } = span;
    const mark = document.createElement("mark");
    mark.className = "claim";
    mark.tabIndex = 0;
    mark.dataset.state = state;
    mark.dataset.claim = span.id;
    if (span.claim) mark.dataset.kind = span.claim.kind;
    mark.append(document.createTextNode(shownText));

    const icon = document.createElement("span");
    icon.className = "icon";
    icon.setAttribute("aria-hidden", "true");
    icon.textContent = ICONS[state];
    mark.append(icon);

    const sr = document.createElement("span");
    sr.className = "visually-hidden";
    sr.textContent = `, ${STATE_WORDS[state]}`;
    mark.append(sr);

    // The working as a description screen readers read after the name.
    const described = document.createElement("span");
    described.id = `working-${span.id}`;
    described.textContent = workingAsSentence(lines);
    els.workings.append(described);
    mark.setAttribute("aria-describedby", described.id);

    mark._claimcheck = { state, lines, shownText };
    return mark;
  }

  function sideItem(list, parts, mark) {
    const li = document.createElement("li");
    const button = document.createElement("button");
    button.type = "button";
    button.className = "problem";
    for (const [cls, value] of parts) {
      const span = document.createElement("span");
      span.className = cls;
      span.textContent = value;
      button.append(span);
    }
    if (mark) button.addEventListener("click", () => jumpTo(mark));
    else button.disabled = true;
    li.append(button);
    list.append(li);
  }

  function renderProblems(problems, owner, marks) {
    els.problemList.replaceChildren();
    for (const f of problems) {
      const mark = marks.get(owner.get(f));
      sideItem(
        els.problemList,
        [
          ["problem-where", `Line ${f.line ?? "?"} · ${f.rule} · ${f.severity}`],
          ["problem-claim", mark ? mark._claimcheck.shownText.trim() : ""],
          ["problem-message", f.message],
        ],
        mark,
      );
    }
    els.noProblems.hidden = problems.length > 0;
  }

  function renderUnchecked(chosen, states, info, marks) {
    els.uncheckedList.replaceChildren();
    const shares = chosen.filter(
      (c) =>
        states.get(c.id) === "unchecked" &&
        SHARE_KINDS.has(c.kind) &&
        !info.get(c.id).usedIn.length,
    );
    for (const c of shares) {
      sideItem(
        els.uncheckedList,
        [
          ["problem-where", `Line ${c.line ?? "?"} · ${c.kind}`],
          ["problem-claim", c.text],
        ],
        marks.get(c.id),
      );
    }
    els.uncheckedBlock.hidden = shares.length === 0;
  }

  /* ---------- the working, on hover, click and focus ---------- */

  let tooltipFor = null;
  let pinned = false;
  let hideTimer = null;

  function showTooltip(mark) {
    clearTimeout(hideTimer);
    const data = mark._claimcheck;
    if (!data) return;
    const tip = els.tooltip;
    if (tooltipFor && tooltipFor !== mark) tooltipFor.classList.remove("open");
    tooltipFor = mark;
    mark.classList.add("open");
    tip.replaceChildren();
    tip.dataset.state = data.state;

    const head = document.createElement("p");
    head.className = "tip-head";
    const icon = document.createElement("span");
    icon.className = "tip-icon";
    icon.setAttribute("aria-hidden", "true");
    icon.textContent = ICONS[data.state];
    const figure = document.createElement("strong");
    figure.textContent = data.shownText;
    const verdict = document.createElement("span");
    verdict.className = "tip-state";
    verdict.textContent = STATE_WORDS[data.state];
    head.append(icon, figure, verdict);
    tip.append(head);

    const list = document.createElement("ul");
    list.className = "tip-lines";
    for (const line of data.lines) {
      const li = document.createElement("li");
      if (line.code) {
        li.dataset.verdict = line.verdict;
        const code = document.createElement("span");
        code.className = "tip-code";
        code.textContent = line.code;
        if (ruleNames[line.code]) code.title = ruleNames[line.code];
        li.append(code, document.createTextNode(" " + line.message));
      } else {
        li.className = "tip-note";
        li.textContent = line.note;
      }
      list.append(li);
    }
    tip.append(list);
    tip.hidden = false;
    placeTooltip(mark);
  }

  function placeTooltip(mark) {
    const tip = els.tooltip;
    const rects = mark.getClientRects();
    const rect = rects.length ? rects[0] : mark.getBoundingClientRect();
    const margin = 8;
    const width = Math.min(tip.offsetWidth, document.documentElement.clientWidth - 2 * margin);
    let left = rect.left;
    left = Math.max(margin, Math.min(left, document.documentElement.clientWidth - width - margin));
    let top = rect.bottom + 8;
    if (top + tip.offsetHeight > window.innerHeight - margin && rect.top - tip.offsetHeight - 8 > margin) {
      top = rect.top - tip.offsetHeight - 8;
      tip.dataset.side = "above";
    } else {
      tip.dataset.side = "below";
    }
    tip.style.left = `${left + window.scrollX}px`;
    tip.style.top = `${top + window.scrollY}px`;
  }

  function hideTooltip() {
    clearTimeout(hideTimer);
    pinned = false;
    els.tooltip.hidden = true;
    if (tooltipFor) tooltipFor.classList.remove("open");
    tooltipFor = null;
  }

  function hideSoon() {
    clearTimeout(hideTimer);
    hideTimer = setTimeout(() => {
      if (pinned) return;
      if (tooltipFor && document.activeElement === tooltipFor) return;
      if (els.tooltip.matches(":hover")) return;
      hideTooltip();
    }, 200);
  }

  const markOf = (target) => (target instanceof Element ? target.closest("mark.claim") : null);

  els.article.addEventListener("mouseover", (e) => {
    const mark = markOf(e.target);
    if (mark && mark !== tooltipFor && !pinned) showTooltip(mark);
    else if (mark) clearTimeout(hideTimer);
  });
  els.article.addEventListener("mouseout", (e) => {
    const mark = markOf(e.target);
    if (mark && !mark.contains(e.relatedTarget)) hideSoon();
  });
  els.article.addEventListener("focusin", (e) => {
    const mark = markOf(e.target);
    if (mark) {
      pinned = false;
      showTooltip(mark);
    }
  });
  els.article.addEventListener("focusout", (e) => {
    if (!markOf(e.target)) return;
    pinned = false; // a click pins the working for the mouse; leaving by keyboard unpins it
    hideSoon();
  });
  els.article.addEventListener("click", (e) => {
    const mark = markOf(e.target);
    if (!mark) return;
    if (pinned && tooltipFor === mark) {
      hideTooltip();
      return;
    }
    showTooltip(mark);
    pinned = true;
  });
  els.article.addEventListener("keydown", (e) => {
    const mark = markOf(e.target);
    if (mark && (e.key === "Enter" || e.key === " ")) {
      e.preventDefault();
      if (tooltipFor === mark && !els.tooltip.hidden) hideTooltip();
      else showTooltip(mark);
    }
  });
  els.tooltip.addEventListener("mouseleave", hideSoon);
  document.addEventListener("keydown", (e) => {
    if (e.key === "Escape" && !els.tooltip.hidden) {
      hideTooltip();
      e.preventDefault();
    }
  });
  // A click elsewhere closes the working; not a click on a side-list item, which opens one.
  document.addEventListener("click", (e) => {
    if (els.tooltip.hidden || !(e.target instanceof Element)) return;
    if (markOf(e.target) || els.tooltip.contains(e.target) || e.target.closest(".problem")) return;
    hideTooltip();
  });
  window.addEventListener("resize", () => {
    if (tooltipFor && !els.tooltip.hidden) placeTooltip(tooltipFor);
  });

  function jumpTo(mark) {
    const reduce = window.matchMedia("(prefers-reduced-motion: reduce)").matches;
    mark.scrollIntoView({ behavior: reduce ? "auto" : "smooth", block: "center" });
    mark.focus({ preventScroll: true });
    mark.classList.remove("flash");
    void mark.offsetWidth; // restart the animation
    mark.classList.add("flash");
    // Smooth scrolling moves the mark after focus placed the working: place it again.
    setTimeout(() => tooltipFor === mark && placeTooltip(mark), reduce ? 0 : 450);
  }

  /* ---------- views, errors, input ---------- */

  function showView(which) {
    const result = which === "result";
    els.result.hidden = !result;
    els.editor.hidden = result;
    (result ? els.resultHeading : els.editorHeading).focus({ preventScroll: false });
  }

  function showError(message) {
    els.alert.textContent = message;
    if (message) els.alert.scrollIntoView({ block: "nearest" });
  }

  els.form.addEventListener("submit", (e) => {
    e.preventDefault();
    checkDraft();
  });
  els.draft.addEventListener("keydown", (e) => {
    if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      checkDraft();
    }
  });
  els.edit.addEventListener("click", () => {
    hideTooltip();
    showError("");
    els.summary.textContent = "Editing. Check again when ready.";
    showView("editor");
    els.draft.focus();
  });
  els.file.addEventListener("change", () => checkFile(els.file.files[0]));

  // Drop a file on the drop zone (or anywhere on the editor); never let the browser open it.
  for (const type of ["dragover", "drop"]) {
    window.addEventListener(type, (e) => e.preventDefault());
  }
  let dragDepth = 0;
  els.editor.addEventListener("dragenter", (e) => {
    if (!e.dataTransfer || !Array.from(e.dataTransfer.types).includes("Files")) return;
    dragDepth += 1;
    els.dropzone.classList.add("dragging");
  });
  els.editor.addEventListener("dragleave", () => {
    dragDepth = Math.max(0, dragDepth - 1);
    if (!dragDepth) els.dropzone.classList.remove("dragging");
  });
  els.editor.addEventListener("drop", (e) => {
    dragDepth = 0;
    els.dropzone.classList.remove("dragging");
    const files = e.dataTransfer && e.dataTransfer.files;
    if (files && files.length) checkFile(files[0]);
  });

  loadRuleNames();
})();
