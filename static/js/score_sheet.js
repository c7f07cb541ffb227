// The council member's score sheet (evaluations/sheets/sheet.html). The sheet is one form, so a
// change would post every answer on it: send only the criterion that changed, as its own
// autosave, so a sheet left open in another tab cannot write back answers it never touched.
// And say so when an autosave did not reach the server, so the member never believes an answer
// is kept when it is not.
(function () {
  "use strict";
  function onlyTheChangedCriterion(event) {
    var detail = event.detail;
    if (!detail.elt || !detail.elt.hasAttribute("data-autosave")) { return; }
    var changed = detail.triggeringEvent && detail.triggeringEvent.target;
    var criterion = changed && changed.closest ? changed.closest(".sheet-criterion") : null;
    if (!criterion) { return; }
    var kept = { csrfmiddlewaretoken: true };
    criterion.querySelectorAll("[name]").forEach(function (input) { kept[input.name] = true; });
    Array.from(detail.formData.keys()).forEach(function (name) {
      if (!kept[name]) { detail.formData.delete(name); }
    });
  }
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
  document.body.addEventListener("htmx:configRequest", onlyTheChangedCriterion);
  document.body.addEventListener("htmx:sendError", notSaved);
  document.body.addEventListener("htmx:responseError", notSaved);
})();
