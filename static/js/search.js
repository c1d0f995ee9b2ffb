// Search as you type in the header's search box: the ARIA 1.2 combobox pattern with a
// listbox popup. The box is a plain GET form that works without this script; the script
// only adds suggestions (the first results, from /<lang>/search/suggestions/), moves through
// them with the arrow keys, opens one with Enter, closes them with Escape, and says how many
// results there are in a polite live region.
(function () {
    "use strict";
    var form = document.querySelector("form.site-search[data-suggestions]");
    if (!form || !window.fetch) { return; }
    var input = form.querySelector("input[name=q]");
    var address = form.getAttribute("data-suggestions");
    var listId = input.id + "-suggestions";
    var list = document.createElement("ul");
    var status = document.createElement("p");
    var options = [];
    var active = -1;
    var asked = 0;
    var timer = null;

    list.id = listId;
    list.className = "site-search__suggestions";
    list.setAttribute("role", "listbox");
    list.setAttribute("aria-label", input.labels && input.labels[0] ? input.labels[0].textContent : "");
    list.hidden = true;
    status.className = "visually-hidden";
    status.setAttribute("role", "status");
    status.setAttribute("aria-live", "polite");
    form.appendChild(list);
    form.appendChild(status);

    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-expanded", "false");
    input.setAttribute("aria-controls", listId);

    function close() {
        list.hidden = true;
        input.setAttribute("aria-expanded", "false");
        input.removeAttribute("aria-activedescendant");
        active = -1;
    }

    function choose(index) {
        options.forEach(function (option, position) {
            option.setAttribute("aria-selected", position === index ? "true" : "false");
        });
        active = index;
        if (index < 0) {
            input.removeAttribute("aria-activedescendant");
            return;
        }
        input.setAttribute("aria-activedescendant", options[index].id);
        options[index].scrollIntoView({ block: "nearest" });
    }

    function go(option) {
        if (option.getAttribute("data-url")) {
            window.location.assign(option.getAttribute("data-url"));
        } else {
            close();
            form.submit();
        }
    }

    function show(answer) {
        list.textContent = "";
        options = answer.results.map(function (result, position) {
            var option = document.createElement("li");
            var kind = document.createElement("span");
            option.id = listId + "-" + position;
            option.setAttribute("role", "option");
            option.setAttribute("aria-selected", "false");
            option.setAttribute("data-url", result.url);
            option.textContent = result.title + " ";
            kind.className = "site-search__kind";
            kind.textContent = result.kind;
            option.appendChild(kind);
            return option;
        });
        if (answer.count > answer.results.length) {
            var all = document.createElement("li");
            all.id = listId + "-all";
            all.setAttribute("role", "option");
            all.setAttribute("aria-selected", "false");
            all.className = "site-search__all";
            all.textContent = form.querySelector("button[type=submit]").textContent.trim() + ": " + answer.message;
            options.push(all);
        }
        options.forEach(function (option) { list.appendChild(option); });
        status.textContent = answer.message;
        active = -1;
        input.removeAttribute("aria-activedescendant");
        list.hidden = options.length === 0;
        input.setAttribute("aria-expanded", options.length ? "true" : "false");
    }

    function ask() {
        var words = input.value.trim();
        if (words.length < 2) {
            close();
            status.textContent = "";
            return;
        }
        var number = ++asked;
        window.fetch(address + "?q=" + encodeURIComponent(words), { headers: { Accept: "application/json" } })
            .then(function (response) { return response.ok ? response.json() : null; })
            .then(function (answer) {
                if (answer && number === asked) { show(answer); }
            })
            .catch(function () { close(); });
    }

    input.addEventListener("input", function () {
        window.clearTimeout(timer);
        timer = window.setTimeout(ask, 200);
    });

    input.addEventListener("keydown", function (event) {
        var open = !list.hidden && options.length > 0;
        if (event.key === "ArrowDown") {
            event.preventDefault();
            if (!open) { ask(); return; }
            choose(active + 1 < options.length ? active + 1 : 0);
        } else if (event.key === "ArrowUp" && open) {
            event.preventDefault();
            choose(active > 0 ? active - 1 : options.length - 1);
        } else if (event.key === "Enter" && open && active >= 0) {
            event.preventDefault();
            go(options[active]);
        } else if (event.key === "Escape") {
            // The first Escape only closes the suggestions (a search box would clear itself).
            if (open) { event.preventDefault(); close(); } else { status.textContent = ""; }
        } else if (event.key === "Tab") {
            close();
        }
    });

    list.addEventListener("mousedown", function (event) { event.preventDefault(); });
    list.addEventListener("click", function (event) {
        var option = event.target.closest("[role=option]");
        if (option) { go(option); }
    });
    input.addEventListener("blur", function () { window.setTimeout(close, 100); });
})();
