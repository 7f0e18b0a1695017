// After a failed submission the page has an error summary (templates/components/
// form_errors.html): move focus to it, so that keyboard and screen reader users start
// at what went wrong rather than at the top of the page. Loaded only by pages that
// have one; without JavaScript the summary still comes first in the main content.
(function () {
  "use strict";
  var summary = document.getElementById("error-summary");
  if (summary) {
    summary.focus();
  }
})();
