// Small behaviours kept out of the templates so the Content-Security-Policy needs no inline script.
(function () {
  "use strict";
  document.documentElement.classList.add("js");
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
  // One-time tokens of create forms (once.services): the token sent is remembered for this page,
  // and when the person comes back with Back (even if the browser fetches the form afresh, with a
  // new token) the sent one is put back, so sending again shows the first object, not a copy.
  var onceKey = "once-token:" + location.pathname + location.search;
  document.addEventListener("submit", function (event) {
    var input = event.target.querySelector("input[data-once-token]");
    if (input && input.value) {
      try { sessionStorage.setItem(onceKey, input.value); } catch (e) { /* storage off */ }
    }
  });
  var navigation = (performance.getEntriesByType && performance.getEntriesByType("navigation")[0]) || {};
  if (navigation.type === "back_forward") {
    try {
      var sent = sessionStorage.getItem(onceKey);
      if (sent) {
        document.querySelectorAll("input[data-once-token]").forEach(function (input) { input.value = sent; });
      }
    } catch (e) { /* storage off */ }
  }
  // A form marked data-confirm asks first (capture phase: before the double-submit guard).
  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (form.dataset.confirm && !window.confirm(form.dataset.confirm)) {
      event.preventDefault();
      event.stopImmediatePropagation();
    }
  }, true);
  // A button marked data-print prints the page (Form 01).
  document.querySelectorAll("[data-print]").forEach(function (button) {
    button.addEventListener("click", function () { window.print(); });
  });
  // Criteria set picker: sector, then group, narrow the list of the 26 sets.
  var setSelect = document.querySelector("select[data-criteria-set]");
  var sectorSelect = document.querySelector("select[data-criteria-sector]");
  var groupSelect = document.querySelector("select[data-criteria-group]");
  if (setSelect && sectorSelect && groupSelect) {
    var each = function (nodes, callback) { Array.prototype.forEach.call(nodes, callback); };
    var setOptions = setSelect.querySelectorAll("option[data-sector]");
    var offer = function (option, shown) { option.hidden = !shown; option.disabled = !shown; };
    var narrow = function () {
      var sector = sectorSelect.value;
      each(groupSelect.options, function (option) {
        if (!option.value) { return; }
        var shown = !sector || Array.prototype.some.call(setOptions, function (set) {
          return set.dataset.sector === sector && set.dataset.group === option.value;
        });
        offer(option, shown);
      });
      if (groupSelect.selectedOptions[0] && groupSelect.selectedOptions[0].disabled) { groupSelect.value = ""; }
      var group = groupSelect.value;
      var left = [];
      each(setOptions, function (option) {
        var shown = (!sector || option.dataset.sector === sector) && (!group || option.dataset.group === group);
        offer(option, shown);
        if (shown) { left.push(option); }
      });
      each(setSelect.querySelectorAll("optgroup"), function (optgroup) {
        optgroup.hidden = !optgroup.querySelector("option:not([disabled])");
      });
      if (setSelect.selectedOptions[0] && setSelect.selectedOptions[0].disabled) { setSelect.value = ""; }
      if (left.length === 1) { setSelect.value = left[0].value; }
    };
    setSelect.addEventListener("change", function () {
      var chosen = setSelect.selectedOptions[0];
      if (chosen && chosen.dataset.sector) {
        sectorSelect.value = chosen.dataset.sector;
        groupSelect.value = chosen.dataset.group;
      }
    });
    sectorSelect.addEventListener("change", function () { groupSelect.value = ""; narrow(); });
    groupSelect.addEventListener("change", narrow);
    narrow();
  }
  window.addEventListener("pageshow", function () {
    document.querySelectorAll("form[data-submitted]").forEach(function (form) {
      delete form.dataset.submitted;
      form.querySelectorAll("button[data-once]").forEach(function (button) { button.disabled = false; });
    });
  });
})();
