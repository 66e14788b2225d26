// The newsrag page: ask, watch the answer stream in, open a citation to see its sentence in the article.
// Plain DOM, no framework. Every text from the server is inserted as text (textContent), never as markup.
"use strict";

const $ = (id) => document.getElementById(id);
const earlier = []; // earlier turns of this conversation, sent with each follow-up
let controller = null; // aborts the running request: closing the stream stops the model on the server
let apiKey = sessionStorage.getItem("newsrag.apiKey") || "";

function headers() {
  const h = { "Content-Type": "application/json", Accept: "text/event-stream, application/json" };
  if (apiKey) h.Authorization = `Bearer ${apiKey}`;
  return h;
}

function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

async function errorMessage(response) {
  try {
    const body = await response.json();
    if (body && body.detail) return body.detail;
  } catch (_) {
    /* not JSON: fall through */
  }
  return `the server answered ${response.status}`;
}

function needKey() {
  $("key-form").hidden = false;
  $("api-key").focus();
}

// -- status ---------------------------------------------------------------------------------------

async function checkReady() {
  const status = $("status");
  try {
    const response = await fetch("/readyz", { headers: headers() });
    if (response.status === 401) {
      status.textContent = "API key needed";
      status.dataset.state = "failed";
      needKey();
      return;
    }
    const body = await response.json();
    status.dataset.state = body.status;
    if (body.status === "ready") {
      status.textContent = `ready · ${body.model} · ${body.articles} articles · ${body.context_mode} mode`;
      status.title = body.context_mode_reason || "";
      loadDocuments();
      // Retrieval mode while corpus mode's cache is rebuilt: look again, to show when corpus mode is back.
      if ((body.context_mode_reason || "").includes("until the prompt cache")) setTimeout(checkReady, 5000);
      return;
    }
    status.textContent = body.status === "loading" ? "loading the index and model…" : `not available: ${body.detail}`;
    if (body.status === "loading") setTimeout(checkReady, 2000);
  } catch (_) {
    status.textContent = "server unreachable";
    status.dataset.state = "failed";
    setTimeout(checkReady, 5000);
  }
}

// -- server-sent events over fetch (EventSource cannot POST) --------------------------------------

async function* readEvents(response) {
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = "";
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    buffer += value;
    let end;
    while ((end = buffer.indexOf("\n\n")) >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      let event = "message";
      const data = [];
      for (const line of block.split("\n")) {
        if (line.startsWith(":")) continue; // keep-alive comment
        if (line.startsWith("event:")) event = line.slice(6).trim();
        else if (line.startsWith("data:")) data.push(line.slice(5).replace(/^ /, ""));
      }
      if (data.length) yield { event, data: JSON.parse(data.join("\n")) };
    }
  }
}

// -- one turn of the conversation -----------------------------------------------------------------

function addTurn(question) {
  const item = el("li", "turn");
  item.append(el("p", "question", question));
  const answer = el("div", "answer streaming");
  const text = el("p", "answer-text");
  answer.append(text);
  item.append(answer);
  $("conversation").append(item);
  item.scrollIntoView({ block: "end", behavior: "smooth" });
  return { item, answer, text };
}

function renderAnswer(turn, result) {
  turn.answer.classList.remove("streaming");
  turn.answer.classList.toggle("abstained", !result.answerable);
  const byNumber = new Map(result.citations.map((c) => [String(c.n), c]));
  // The verified answer replaces the streamed draft; each [n] becomes a link to its citation.
  turn.text.replaceChildren();
  for (const part of result.answer.split(/(\[\d+\])/)) {
    const marker = part.match(/^\[(\d+)\]$/);
    const citation = marker && byNumber.get(marker[1]);
    if (citation) turn.text.append(citationLink(citation, `[${citation.n}]`, "marker"));
    else turn.text.append(document.createTextNode(part));
  }
  if (result.abstention) {
    // Why there is no answer, in one line ("The articles report talks to invest, not an acquisition.").
    const why = el("p", "abstention", result.abstention.message);
    why.dataset.reason = result.abstention.reason;
    turn.answer.append(why);
  }
  if (result.citations.length) {
    const list = el("ol", "citations");
    for (const c of result.citations) {
      const entry = el("li", "citation");
      entry.append(citationLink(c, `[${c.n}] ${c.title}`, "citation-title"));
      const where = [c.source, c.date].filter(Boolean).join(" · ");
      if (where) entry.append(el("span", "citation-meta", ` ${where}`));
      entry.append(el("q", "quote", c.quote));
      list.append(entry);
    }
    turn.answer.append(list);
  }
  const t = result.timings;
  turn.answer.append(el("p", "meta", `${result.model} · ${(t.total_ms / 1000).toFixed(1)} s`));
}

function citationLink(citation, label, className) {
  const link = el("a", className, label);
  link.href = `#article=${encodeURIComponent(citation.article_id)}&start=${citation.start}&end=${citation.end}`;
  link.title = citation.quote;
  link.dataset.n = citation.n;
  return link;
}

function showError(turn, message) {
  turn.answer.classList.remove("streaming");
  turn.answer.classList.add("failed");
  turn.answer.append(el("p", "error", message));
}

async function ask(question) {
  const turn = addTurn(question);
  const body = { question, history: earlier.slice(-12) };
  controller = new AbortController();
  setBusy(true);
  try {
    const response = await fetch("/ask/stream", {
      method: "POST",
      headers: headers(),
      body: JSON.stringify(body),
      signal: controller.signal,
    });
    if (!response.ok) {
      if (response.status === 401) needKey();
      const retry = response.headers.get("Retry-After");
      const message = await errorMessage(response);
      showError(turn, retry ? `${message} (retry in ${retry} s)` : message);
      return;
    }
    let finished = false;
    for await (const { event, data } of readEvents(response)) {
      if (event === "token") {
        turn.text.textContent += data.text;
      } else if (event === "citations") {
        renderAnswer(turn, data);
        earlier.push({ role: "user", content: question });
        earlier.push({ role: "assistant", content: data.answer.replace(/\s*\[\d+\]/g, "") });
      } else if (event === "error") {
        showError(turn, data.detail);
        finished = true;
      } else if (event === "done") {
        finished = true;
      }
    }
    if (!finished) showError(turn, "the connection closed before the answer was complete");
  } catch (error) {
    showError(turn, error.name === "AbortError" ? "stopped" : `request failed: ${error.message}`);
  } finally {
    controller = null;
    setBusy(false);
  }
}

function setBusy(busy) {
  $("ask-button").disabled = busy;
  $("stop-button").hidden = !busy;
  $("question").disabled = busy;
  if (!busy) $("question").focus();
}

// -- the article reader: the cited sentence highlighted in its article ------------------------------

async function openArticle(articleId, start, end) {
  const reader = $("reader");
  const response = await fetch(`/articles/${encodeURIComponent(articleId)}`, { headers: headers() });
  if (!response.ok) {
    reader.hidden = false;
    $("reader-title").textContent = "Article not available";
    $("reader-meta").textContent = await errorMessage(response);
    $("reader-text").replaceChildren();
    return;
  }
  const article = await response.json();
  $("reader-title").textContent = article.title;
  $("reader-meta").textContent = [article.date, article.source].filter(Boolean).join(" · ");
  const text = article.text;
  const ok = Number.isInteger(start) && Number.isInteger(end) && 0 <= start && start < end && end <= text.length;
  const mark = el("mark", "highlight", ok ? text.slice(start, end) : "");
  mark.id = "highlight";
  $("reader-text").replaceChildren(
    document.createTextNode(ok ? text.slice(0, start) : text),
    ...(ok ? [mark, document.createTextNode(text.slice(end))] : []),
  );
  reader.hidden = false;
  // Scroll the article panel, not the page: the quote a third of the way down, the conversation in place.
  reader.scrollTo({ top: ok ? Math.max(0, mark.offsetTop - reader.clientHeight / 3) : 0 });
}

function openFromHash() {
  const params = new URLSearchParams(location.hash.slice(1));
  const id = params.get("article");
  if (id) openArticle(id, Number(params.get("start")), Number(params.get("end")));
}

// -- documents: add (file picker or drop), list, delete ---------------------------------------------

async function loadDocuments() {
  const response = await fetch("/documents", { headers: headers() });
  if (!response.ok) return;
  const body = await response.json();
  const list = $("document-list");
  list.replaceChildren();
  for (const doc of body.documents) {
    const item = el("li", "document");
    item.dataset.id = doc.document_id;
    item.append(el("span", "document-title", doc.title));
    const meta = [doc.source, doc.date, doc.format, `${doc.chunks} chunks`].filter(Boolean).join(" · ");
    item.append(el("span", "document-meta", meta));
    const remove = el("button", "quiet", "Delete");
    remove.type = "button";
    remove.setAttribute("aria-label", `Delete ${doc.title}`);
    remove.addEventListener("click", () => deleteDocument(doc));
    item.append(remove);
    list.append(item);
  }
}

function uploadStatus(text, failed) {
  const status = $("upload-status");
  status.textContent = text;
  status.classList.toggle("failed", Boolean(failed));
}

// XMLHttpRequest rather than fetch: only it reports upload progress. Sending, then indexing (no figure).
function uploadFiles(files) {
  if (!files.length) return;
  const form = new FormData();
  for (const file of files) form.append("files", file, file.name);
  const progress = $("upload-progress");
  const request = new XMLHttpRequest();
  request.open("POST", "/documents");
  if (apiKey) request.setRequestHeader("Authorization", `Bearer ${apiKey}`);
  request.upload.addEventListener("progress", (event) => {
    if (event.lengthComputable) progress.value = Math.round((100 * event.loaded) / event.total);
  });
  request.upload.addEventListener("load", () => {
    progress.removeAttribute("value"); // indeterminate while the server extracts, embeds and switches
    uploadStatus(`Indexing ${files.length} file(s)…`);
  });
  request.addEventListener("load", () => {
    progress.hidden = true;
    let body = null;
    try {
      body = JSON.parse(request.responseText);
    } catch (_) {
      /* not JSON */
    }
    if (request.status === 401) needKey();
    if (request.status !== 200 && request.status !== 201) {
      uploadStatus((body && body.detail) || `the server answered ${request.status}`, true);
      return;
    }
    const added = body.documents.map((d) => `${d.title} (${d.chars} characters, ${d.chunks} chunks${d.created ? "" : ", already there"})`);
    uploadStatus(`Added: ${added.join("; ")}. Answers now use ${body.context_mode} mode.`);
    loadDocuments();
    checkReady();
  });
  request.addEventListener("error", () => {
    progress.hidden = true;
    uploadStatus("the upload failed: server unreachable", true);
  });
  progress.value = 0;
  progress.hidden = false;
  uploadStatus(`Sending ${files.length} file(s)…`);
  request.send(form);
}

async function deleteDocument(doc) {
  if (!window.confirm(`Delete "${doc.title}" from the index? It cannot be cited any more.`)) return;
  uploadStatus(`Deleting ${doc.title}…`);
  const response = await fetch(`/documents/${encodeURIComponent(doc.document_id)}`, {
    method: "DELETE",
    headers: headers(),
  });
  if (!response.ok) {
    uploadStatus(await errorMessage(response), true);
    return;
  }
  uploadStatus(`Deleted ${doc.title}.`);
  loadDocuments();
  checkReady();
}

// -- wiring ---------------------------------------------------------------------------------------

function init() {
  $("ask-form").addEventListener("submit", (event) => {
    event.preventDefault();
    const question = $("question").value.trim();
    $("form-error").hidden = true;
    if (!question) {
      $("form-error").textContent = "Type a question first.";
      $("form-error").hidden = false;
      return;
    }
    $("question").value = "";
    ask(question);
  });
  $("question").addEventListener("keydown", (event) => {
    if (event.key === "Enter" && !event.shiftKey) {
      event.preventDefault();
      $("ask-form").requestSubmit();
    }
  });
  $("stop-button").addEventListener("click", () => controller && controller.abort());
  $("new-button").addEventListener("click", () => {
    earlier.length = 0;
    $("conversation").replaceChildren();
    $("question").focus();
  });
  $("reader-close").addEventListener("click", () => {
    $("reader").hidden = true;
    history.replaceState(null, "", location.pathname);
  });
  $("key-form").addEventListener("submit", (event) => {
    event.preventDefault();
    apiKey = $("api-key").value.trim();
    sessionStorage.setItem("newsrag.apiKey", apiKey);
    $("key-form").hidden = true;
    checkReady();
  });
  // A citation opens its article here; the link also works as a deep link (#article=…&start=…&end=…).
  $("conversation").addEventListener("click", (event) => {
    const link = event.target.closest('a[href^="#article="]');
    if (!link) return;
    event.preventDefault();
    history.replaceState(null, "", link.getAttribute("href"));
    openFromHash();
  });
  window.addEventListener("hashchange", openFromHash);
  $("file-input").addEventListener("change", (event) => {
    uploadFiles([...event.target.files]);
    event.target.value = "";
  });
  const zone = $("drop-zone");
  zone.addEventListener("dragover", (event) => {
    event.preventDefault();
    zone.classList.add("dragging");
  });
  zone.addEventListener("dragleave", () => zone.classList.remove("dragging"));
  zone.addEventListener("drop", (event) => {
    event.preventDefault();
    zone.classList.remove("dragging");
    uploadFiles([...event.dataTransfer.files]);
  });
  checkReady();
  openFromHash();
  $("question").focus();
}

document.addEventListener("DOMContentLoaded", init);
