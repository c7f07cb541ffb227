// Small behaviours kept out of the templates so the Content-Security-Policy needs no inline script.
(function () {
  "use strict";
  // Language switch and filter forms submit as soon as a choice is made.
  document.querySelectorAll("form[data-autosubmit] select").forEach(function (select) {
    select.addEventListener("change", function () { select.form.submit(); });
  });
  // A button marked data-once is disabled after the first submit, so a double click sends one request.
  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (form.hasAttribute("hx-post") || form.hasAttribute("hx-get")) { return; }
    if (form.dataset.submitted) { event.preventDefault(); return; }
    form.dataset.submitted = "1";
    form.querySelectorAll("button[data-once]").forEach(function (button) { button.disabled = true; });
  });
  window.addEventListener("pageshow", function () {
    document.querySelectorAll("form[data-submitted]").forEach(function (form) {
      delete form.dataset.submitted;
      form.querySelectorAll("button[data-once]").forEach(function (button) { button.disabled = false; });
    });
  });
})();
