// Progressive enhancement only: every staff page works without this file.
// A button marked data-once is disabled after its form is sent, so an impatient second tap sends nothing more
// (the form's Idempotency-Key makes a second send harmless anyway).
document.querySelectorAll("form").forEach(function (form) {
  form.addEventListener("submit", function () {
    form.querySelectorAll("button[data-once]").forEach(function (button) {
      window.setTimeout(function () {
        button.disabled = true;
      }, 0);
    });
  });
});

// After a failed send, move focus to the list of problems so it is read out and seen first.
var summary = document.getElementById("error-summary");
if (summary) {
  summary.focus();
}

// Reports: show only the row choice the chosen report reads (data-report-kinds); a hidden one is disabled, so that it
// is not sent either.
var reportKind = document.getElementById("field-kind");
if (reportKind) {
  var showRowChoices = function () {
    document.querySelectorAll("[data-report-kinds]").forEach(function (field) {
      var used = field.getAttribute("data-report-kinds").split(" ").indexOf(reportKind.value) >= 0;
      field.hidden = !used;
      field.querySelectorAll("select").forEach(function (select) {
        select.disabled = !used;
      });
    });
  };
  reportKind.addEventListener("change", showRowChoices);
}
