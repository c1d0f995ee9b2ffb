// Collapses the main menu behind a button on small screens. Without JavaScript the menu simply stays open.
(function () {
    "use strict";
    var nav = document.querySelector(".main-nav");
    if (!nav) { return; }
    var toggle = nav.querySelector(".main-nav__toggle");
    if (!toggle) { return; }
    nav.classList.add("is-collapsible");
    toggle.hidden = false;
    toggle.addEventListener("click", function () {
        var open = nav.classList.toggle("is-open");
        toggle.setAttribute("aria-expanded", open ? "true" : "false");
    });
})();
