"use strict";
// corefact's page: calls /v1/explain, shows the result, and highlights evidence spans
// (offsets into article.text) in the article when a sentence or answer is clicked.
(function () {
  const $ = (id) => document.getElementById(id);
  let current = null;   // the explainer JSON
  let rendered = {};    // format -> text, from /v1/render

  function showError(message) {
    const box = $("error");
    box.textContent = message;
    box.hidden = !message;
  }

  async function post(path, body) {
    let resp;
    try {
      resp = await fetch(path, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });
    } catch (e) {
      throw new Error("cannot reach the server: " + e.message);
    }
    const type = resp.headers.get("content-type") || "";
    if (!resp.ok) {
      let message = "HTTP " + resp.status;
      if (type.includes("json")) {
        try { const j = await resp.json(); if (j.error && j.error.message) message = j.error.message; } catch (e) { /* keep the status */ }
      }
      throw new Error(message);
    }
    return type.includes("application/json") ? resp.json() : resp.text();
  }

  function requestBody() {
    const body = {};
    const url = $("url-input").value.trim();
    const text = $("article-input").value;
    if (url && text.trim()) throw new Error("give the article text or its URL, not both");
    if (url) body.url = url;
    else if (/^\s*</.test(text)) body.html = text;
    else body.text = text;
    if (!url && !text.trim()) throw new Error("paste an article or give its URL");
    if ($("date-input").value) body.date = $("date-input").value;
    body.questions = parseInt($("questions-input").value, 10) || 6;
    body.sentences = parseInt($("sentences-input").value, 10) || 4;
    return body;
  }

  // Offsets are Python's: code points, not the UTF-16 units a JS string counts ("🌊" is one
  // character there, two here), so the article is cut as an array of code points.
  const codePoints = (text) => Array.from(text);
  const cut = (chars, a, b) => chars.slice(a, b).join("");
  const startsAt = (chars, s, at) => cut(chars, at, at + codePoints(s).length) === s;

  // Article text with <mark>s over the given spans (answer spans marked apart).
  function paintArticle(evidence, answers) {
    const text = codePoints(current.article.text);
    const marks = [];
    (evidence || []).forEach((s) => marks.push({ start: s.start, end: s.end, cls: "evidence" }));
    (answers || []).forEach((s) => marks.push({ start: s.start, end: s.end, cls: "answer-span" }));
    // cut points, so overlapping spans nest cleanly: answer spans inside evidence
    const cuts = new Set([0, text.length]);
    marks.forEach((m) => { cuts.add(m.start); cuts.add(m.end); });
    const points = [...cuts].sort((a, b) => a - b);
    const pane = $("article");
    pane.textContent = "";
    for (let i = 0; i + 1 < points.length; i++) {
      const a = points[i], b = points[i + 1];
      const piece = cut(text, a, b);
      const cover = marks.filter((m) => m.start <= a && m.end >= b);
      if (!cover.length) { pane.appendChild(document.createTextNode(piece)); continue; }
      const mark = document.createElement("mark");
      mark.className = cover.some((m) => m.cls === "answer-span") ? "answer-span" : "evidence";
      mark.dataset.start = a;
      mark.dataset.end = b;
      mark.textContent = piece;
      pane.appendChild(mark);
    }
    const first = pane.querySelector("mark");
    if (first) first.scrollIntoView({ block: "center", behavior: "smooth" });
  }

  function selectable(el, evidence, answers) {
    el.tabIndex = 0;
    const go = () => {
      document.querySelectorAll(".selected").forEach((x) => x.classList.remove("selected"));
      el.classList.add("selected");
      paintArticle(evidence, answers);
    };
    el.addEventListener("click", go);
    el.addEventListener("keydown", (e) => { if (e.key === "Enter" || e.key === " ") { e.preventDefault(); go(); } });
  }

  function keyFacts(ex) {  // the text renderer's key facts, as clickable lines
    const out = [];
    const text = codePoints(ex.article.text), figures = ex.facts.figures;
    figures.forEach((f, index) => {
      if (f.kind === "ordinal" || f.kind === "year" || f.part_of !== null || out.length >= 8) return;
      // as render/common.py's figure_head: what it counts, and the figures nested in it, in the article's words
      let head = f.counts ? f.text + " " + f.counts : f.text;
      if (f.counts && startsAt(text, head, f.span.start)) {
        let end = f.span.start + codePoints(head).length;
        for (const part of figures) {
          const at = part.span.end + 1;
          if (part.part_of === index && part.counts && startsAt(text, part.counts, at) && part.span.start - end >= 0 && part.span.start - end <= 20 && at + codePoints(part.counts).length <= f.sentence.end) {
            end = Math.max(end, at + codePoints(part.counts).length);
          }
        }
        head = cut(text, f.span.start, end);
      }
      const line = f.context && f.context.includes(head) ? f.context : head + (f.context ? " — " + f.context : "");
      out.push({ line, spans: [f.sentence], answers: [f.span] });
    });
    for (const p of ex.facts.people.slice(0, 8)) {
      const desc = [p.role, p.affiliation].filter(Boolean).join(", ");
      out.push({ line: p.name + (desc ? " — " + desc : ""), spans: p.mentions, answers: [] });
    }
    return out;
  }

  function show(ex) {
    current = ex;
    $("date").textContent = ex.article.date ? "date " + ex.article.date : "no publication date stated";
    $("article-title").textContent = ex.article.title || "Article";
    const core = $("core");
    core.textContent = ex.core_fact.text;
    selectable(core, ex.core_fact.evidence);
    const brief = $("brief");
    brief.textContent = "";
    let para = null, last = null;
    ex.brief.forEach((s) => {
      if (s.paragraph !== last) { para = document.createElement("p"); brief.appendChild(para); last = s.paragraph; }
      else para.appendChild(document.createTextNode(" "));
      const span = document.createElement("span");
      span.className = "claim";
      span.textContent = s.text;
      selectable(span, s.evidence);
      para.appendChild(span);
    });
    const facts = $("facts");
    facts.textContent = "";
    keyFacts(ex).forEach((f) => {
      const li = document.createElement("li");
      li.className = "fact";
      li.textContent = f.line;
      selectable(li, f.spans, f.answers);
      facts.appendChild(li);
    });
    const faq = $("faq");
    faq.textContent = "";
    ex.faq.forEach((qa) => {
      const dt = document.createElement("dt");
      dt.textContent = "Q: " + qa.question;
      const dd = document.createElement("dd");
      dd.className = "answer";
      dd.textContent = qa.answer;
      selectable(dd, qa.evidence, qa.answer_span ? [qa.answer_span] : []);
      faq.append(dt, dd);
    });
    const v = ex.verification;
    $("verification").textContent = `Checked ${v.checked} sentences against the article: ${v.supported} supported, ${v.dropped} dropped.`;
    $("jsonld").textContent = rendered.jsonld || "";
    paintArticle([], []);
    $("result").hidden = false;
  }

  async function copy(text) {
    try {
      await navigator.clipboard.writeText(text);
    } catch (e) {  // no clipboard API (plain http on another host): select and copy
      const ta = document.createElement("textarea");
      ta.value = text;
      document.body.appendChild(ta);
      ta.select();
      document.execCommand("copy");
      ta.remove();
    }
    $("copied").textContent = "copied";
    setTimeout(() => { $("copied").textContent = ""; }, 1500);
  }

  $("form").addEventListener("submit", async (e) => {
    e.preventDefault();
    showError("");
    const button = $("explain");
    button.disabled = true;
    $("status").textContent = "working…";
    try {
      const ex = await post("/v1/explain", requestBody());
      const [text, jsonld] = await Promise.all([
        post("/v1/render", { explainer: ex, format: "text" }),
        post("/v1/render", { explainer: ex, format: "jsonld" }),
      ]);
      rendered = { text, jsonld };
      show(ex);
    } catch (err) {
      showError(err.message);
    } finally {
      button.disabled = false;
      $("status").textContent = "";
    }
  });

  document.querySelectorAll(".tab").forEach((tab) => tab.addEventListener("click", () => {
    document.querySelectorAll(".tab").forEach((t) => { t.classList.toggle("active", t === tab); t.setAttribute("aria-selected", t === tab); });
    $("tab-explainer").hidden = tab.dataset.tab !== "explainer";
    $("tab-jsonld").hidden = tab.dataset.tab !== "jsonld";
  }));
  $("copy-text").addEventListener("click", () => copy(rendered.text || ""));
  $("copy-jsonld").addEventListener("click", () => copy(rendered.jsonld || ""));
})();
