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
