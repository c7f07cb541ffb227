// The council member's score sheet: say so when an autosave did not reach the server, so the
// member never believes an answer is kept when it is not. Loaded by evaluations/sheets/sheet.html.
(function () {
  "use strict";
  function notSaved(event) {
    if (!event.detail.elt || !event.detail.elt.hasAttribute("data-autosave")) { return; }
    var status = document.getElementById("sheet-status");
    if (!status) { return; }
    var line = status.querySelector("[role=alert]") || document.createElement("span");
    line.setAttribute("role", "alert");
    line.className = "text-danger";
    line.textContent = status.dataset.offlineText;
    var saved = status.querySelector("[data-role=saved]");
    if (saved) { saved.remove(); }
    status.firstElementChild.appendChild(line);
  }
  document.body.addEventListener("htmx:sendError", notSaved);
  document.body.addEventListener("htmx:responseError", notSaved);
})();
