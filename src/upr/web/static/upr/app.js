// UPR Cycle's only script besides htmx: small progressive enhancements, no inline code (strict CSP).
(function () {
  "use strict";
  // Elements with data-confirm ask before a destructive submit, even without htmx.
  document.addEventListener("submit", function (event) {
    var form = event.target;
    var message = form.getAttribute && form.getAttribute("data-confirm");
    if (message && !window.confirm(message)) {
      event.preventDefault();
    }
  });
  // Selects and checkboxes with data-autosubmit submit their form on change, unless htmx
  // already sends the form on that change (hx-trigger).
  document.addEventListener("change", function (event) {
    var el = event.target;
    if (!el.hasAttribute || !el.hasAttribute("data-autosubmit") || !el.form) {
      return;
    }
    if (!(window.htmx && el.form.hasAttribute("hx-trigger"))) {
      el.form.submit();
    }
  });
})();
