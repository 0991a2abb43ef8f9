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
  // already sends the form on that change (hx-trigger). A select changed from the keyboard
  // (arrow keys on a closed select change it at once) waits for Enter: otherwise English →
  // Español would pass through a reload in Français.
  var keyedSelect = null;
  function send(form) {
    // requestSubmit, unlike submit, lets the form's submit listeners (below) run
    if (form.requestSubmit) {
      form.requestSubmit();
    } else {
      form.submit();
    }
  }
  document.addEventListener("keydown", function (event) {
    var el = event.target;
    if (!el.hasAttribute || el.tagName !== "SELECT" || !el.hasAttribute("data-autosubmit")) {
      return;
    }
    if (event.key === "Enter" && el.form) {
      event.preventDefault();
      send(el.form);
    } else if (event.key !== "Tab") {
      keyedSelect = el;
    }
  });
  document.addEventListener("change", function (event) {
    var el = event.target;
    if (!el.hasAttribute || !el.hasAttribute("data-autosubmit") || !el.form) {
      return;
    }
    if (el === keyedSelect) {
      return; // chosen with the keyboard: Enter sends it
    }
    if (!(window.htmx && el.form.hasAttribute("hx-trigger"))) {
      send(el.form);
    }
  });
  // A pointer (mouse, touch) on the select again makes its change send the form at once.
  document.addEventListener("pointerdown", function (event) {
    if (event.target === keyedSelect) {
      keyedSelect = null;
    }
  });
  // A search box inside a form that htmx sends on "change" would send it twice on Enter
  // (change, then submit): its change event stops here, the form's submit still goes.
  document.addEventListener(
    "change",
    function (event) {
      var el = event.target;
      if (el.matches && el.matches("input[type=search]") && el.form &&
          (el.form.getAttribute("hx-trigger") || "").indexOf("change") !== -1) {
        event.stopPropagation();
      }
    },
    true
  );
  // Changing language reloads the page: come back to the address in view (htmx may have
  // changed it since the page was served), and ask first if typed text would be lost.
  document.addEventListener(
    "submit",
    function (event) {
      var form = event.target;
      if (!form.classList || !form.classList.contains("language")) {
        return;
      }
      var typed = Array.prototype.some.call(
        document.querySelectorAll("main textarea, main input[type=text]"),
        function (field) { return field.value !== field.defaultValue; }
      );
      if (typed && !window.confirm(form.getAttribute("data-confirm-typed"))) {
        event.preventDefault();
        var select = form.querySelector("select");
        Array.prototype.forEach.call(select ? select.options : [], function (option) {
          option.selected = option.defaultSelected;
        });
        return;
      }
      var next = form.querySelector("input[name=next]");
      if (next) {
        next.value = window.location.pathname + window.location.search;
      }
    },
    true
  );
})();
