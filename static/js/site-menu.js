/* The main menu (templates/base.html) is a <details> that wide screens show open. Browsers
   that can style ::details-content do that in site.css; this opens it in the others. Without
   JavaScript they keep the Meny button, which works as it does on a phone. */
(function () {
  "use strict";
  var menu = document.querySelector(".site-menu");
  if (!menu || (window.CSS && CSS.supports && CSS.supports("selector(::details-content)"))) {
    return;
  }
  if (window.matchMedia("(min-width: 60rem)").matches) {
    menu.open = true;
  }
})();
