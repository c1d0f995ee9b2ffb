// The button of the main menu on small screens. early.js has already collapsed the menu
// (html.has-js) before the first paint; without JavaScript the menu simply stays open.
(function () {
    "use strict";
    var nav = document.querySelector(".main-nav");
    if (!nav) { return; }
    var toggle = nav.querySelector(".main-nav__toggle");
    if (!toggle) { return; }
    toggle.addEventListener("click", function () {
        var open = nav.classList.toggle("is-open");
        toggle.setAttribute("aria-expanded", open ? "true" : "false");
    });
    // Escape closes the open menu and gives the focus back to its button.
    nav.addEventListener("keydown", function (event) {
        if (event.key !== "Escape" || !nav.classList.contains("is-open")) { return; }
        var group = nav.querySelector(".main-nav__group details[open]");
        if (group && group.contains(document.activeElement)) { return; }  // "Strefy" closes first
        nav.classList.remove("is-open");
        toggle.setAttribute("aria-expanded", "false");
        toggle.focus();
    });
})();

// The "Zones" entry of the main menu is a <details> disclosure that works without script;
// with script it also closes on Escape, when focus leaves it and on a click elsewhere.
(function () {
    "use strict";
    var groups = document.querySelectorAll(".main-nav__group details");
    if (!groups.length) { return; }
    // Its summary says whether it is open (aria-expanded), as the phone menu's button does.
    groups.forEach(function (group) {
        var summary = group.querySelector("summary");
        var report = function () { summary.setAttribute("aria-expanded", group.open ? "true" : "false"); };
        report();
        group.addEventListener("toggle", report);
    });
    document.addEventListener("keydown", function (event) {
        if (event.key !== "Escape") { return; }
        groups.forEach(function (group) {
            if (group.open && group.contains(document.activeElement)) {
                group.open = false;
                group.querySelector("summary").focus();
            }
        });
    });
    groups.forEach(function (group) {
        group.addEventListener("focusout", function (event) {
            if (group.open && event.relatedTarget && !group.contains(event.relatedTarget)) {
                group.open = false;
            }
        });
    });
    document.addEventListener("click", function (event) {
        groups.forEach(function (group) {
            if (group.open && !group.contains(event.target)) { group.open = false; }
        });
    });
})();

// Printed pages show every answer of a questions-and-answers list.
window.addEventListener("beforeprint", function () {
    document.querySelectorAll(".faq__item").forEach(function (item) { item.open = true; });
});

// After a form comes back with errors, move focus to the summary, so a screen reader
// announces it and a keyboard user can follow its links to the fields.
(function () {
    "use strict";
    var summary = document.getElementById("error-summary");
    if (summary) { summary.focus(); }
})();
