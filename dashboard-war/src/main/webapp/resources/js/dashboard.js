// Headless PM dashboard: progressive enhancement only. Every page works without this file.
(function () {
  "use strict";
  var body = document.body;

  // Project selector and other auto-submitting selects: no "Go" button needed with JavaScript.
  document.querySelectorAll(".js-hide").forEach(function (el) { el.hidden = true; });
  document.querySelectorAll("select[data-autosubmit]").forEach(function (select) {
    select.addEventListener("change", function () { select.form.submit(); });
  });

  // Esc closes an open disclosure dialog or menu and returns focus to its summary.
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape") return;
    document.querySelectorAll("details[open]").forEach(function (details) {
      details.open = false;
      var summary = details.querySelector("summary");
      if (summary) summary.focus();
    });
  });

  // Live updates: partial-update polling. Regions marked data-live are replaced by the same
  // regions of a fresh server rendering; nothing else moves, focus and scroll stay.
  var seconds = parseInt(body.getAttribute("data-refresh") || "0", 10);
  var announcer = document.getElementById("announcer");
  function refresh() {
    if (document.hidden || seconds <= 0) return;
    fetch(location.href, { headers: { "X-Requested-With": "poll" }, credentials: "same-origin" })
      .then(function (response) { return response.ok ? response.text() : null; })
      .then(function (html) {
        if (!html) return;
        var fresh = new DOMParser().parseFromString(html, "text/html");
        var changed = 0;
        document.querySelectorAll("[data-live][id]").forEach(function (region) {
          var next = fresh.getElementById(region.id);
          if (!next || region.contains(document.activeElement) && region.id !== "last-updated") return;
          if (region.querySelector("details[open]")) return;
          if (next.innerHTML !== region.innerHTML) {
            region.innerHTML = next.innerHTML;
            if (region.id !== "last-updated") {
              changed++;
              region.classList.remove("updated");
              void region.offsetWidth;
              region.classList.add("updated");
            }
          }
        });
        var banner = fresh.querySelector("[data-testid=api-error-banner]");
        if (banner && !document.querySelector("[data-testid=api-error-banner]")) {
          document.querySelector("main").insertAdjacentElement("beforebegin", banner);
        }
        if (changed && announcer) announcer.textContent = changed + " panel(s) updated";
        enhanceBoard();
      })
      .catch(function () { /* the next round tries again */ });
  }
  if (seconds > 0) {
    setInterval(refresh, seconds * 1000);
    document.addEventListener("visibilitychange", function () { if (!document.hidden) refresh(); });
  }

  // Kanban: drag and drop and keyboard moves post the card's own "Move to" form.
  function move(card, status) {
    var form = card.querySelector("form.move");
    if (!form || card.getAttribute("data-status") === status) return;
    form.querySelector("select[name=status]").value = status;
    form.submit();
  }
  function enhanceBoard() {
    var columns = Array.prototype.slice.call(document.querySelectorAll(".column[data-status]"));
    if (!columns.length) return;
    var order = columns.map(function (c) { return c.getAttribute("data-status"); });
    document.querySelectorAll(".task-card[data-task]").forEach(function (card) {
      if (card.dataset.enhanced) return;
      card.dataset.enhanced = "1";
      card.setAttribute("draggable", "true");
      card.addEventListener("dragstart", function (event) {
        event.dataTransfer.setData("text/plain", card.getAttribute("data-task"));
        event.dataTransfer.effectAllowed = "move";
      });
      card.addEventListener("keydown", function (event) {
        if (event.target !== card) return;
        if (event.key === "Enter") {
          location.href = card.querySelector("h3 a").href;
        } else if (event.key === "m") {
          event.preventDefault();
          card.querySelector("select[name=status]").focus();
        } else if (event.key === "[" || event.key === "]") {
          var column = card.closest(".column").getAttribute("data-status");
          var next = order.indexOf(column) + (event.key === "]" ? 1 : -1);
          if (next >= 0 && next < order.length) { event.preventDefault(); move(card, order[next]); }
        }
      });
    });
    columns.forEach(function (column) {
      if (column.dataset.enhanced) return;
      column.dataset.enhanced = "1";
      column.addEventListener("dragover", function (event) { event.preventDefault(); column.classList.add("drop-target"); });
      column.addEventListener("dragleave", function () { column.classList.remove("drop-target"); });
      column.addEventListener("drop", function (event) {
        event.preventDefault();
        column.classList.remove("drop-target");
        var card = document.querySelector(".task-card[data-task='" + event.dataTransfer.getData("text/plain") + "']");
        if (card) move(card, column.getAttribute("data-status"));
      });
    });
  }
  enhanceBoard();

  // New task form: Feature stays disabled until an Epic is chosen, then lists that epic's features.
  document.querySelectorAll("select[data-epic-select]").forEach(function (epic) {
    var feature = document.getElementById(epic.getAttribute("data-epic-select"));
    if (!feature) return;
    function sync() {
      var chosen = epic.value;
      feature.disabled = !chosen;
      Array.prototype.forEach.call(feature.querySelectorAll("optgroup"), function (group) {
        var mine = !!chosen && group.label === epic.options[epic.selectedIndex].text;
        group.hidden = !mine;
        group.disabled = !mine;
      });
      var selected = feature.options[feature.selectedIndex];
      if (selected && selected.parentNode.tagName === "OPTGROUP" && selected.parentNode.disabled) feature.value = "";
    }
    epic.addEventListener("change", sync);
    sync();
  });
})();

// Delete dialogs: the button stays disabled until the exact name is typed (and the box ticked).
(function () {
  var input = document.querySelector("input[data-confirm]");
  var button = document.querySelector("[data-needs-confirm]");
  if (!input || !button) return;
  var ack = input.form.querySelector("input[type=checkbox]");
  function sync() { button.disabled = input.value.trim() !== input.getAttribute("data-confirm") || (ack && !ack.checked); }
  input.addEventListener("input", sync);
  if (ack) ack.addEventListener("change", sync);
  sync();
})();
