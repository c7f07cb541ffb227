// The officer's request for correction: each item's note box shows once the item is ticked, so
// forty-odd items and criteria fit on a phone. Without JavaScript every box shows, and a note
// alone still counts as ticked (evaluations.forms.ReturnForm). Loaded by dossier_detail.html.
(function () {
  "use strict";
  var ticks = document.querySelectorAll("input[type=checkbox][name*='-tick_']");
  Array.prototype.forEach.call(ticks, function (tick) {
    var note = tick.form && tick.form.elements[tick.name.replace("-tick_", "-")];
    var box = note && document.getElementById("div_" + note.id);
    if (!box) { return; }
    function show() {
      box.hidden = !tick.checked && !note.value.trim();
    }
    tick.addEventListener("change", function () {
      show();
      if (tick.checked) { note.focus(); }
    });
    show();
  });
})();
