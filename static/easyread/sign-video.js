// A sign-language video is a link to it until the visitor presses play: only then does the
// player (an iframe from the video's host, or a <video> of the file) enter the page, so the
// host hears of nobody who does not watch. Without script the link stays.
(function () {
    "use strict";
    document.querySelectorAll(".sign-video").forEach(function (figure) {
        var frame = figure.querySelector(".sign-video__frame");
        var link = figure.querySelector(".sign-video__link");
        if (!frame || !link || !figure.dataset.src) { return; }
        var button = document.createElement("button");
        button.type = "button";
        button.className = "sign-video__play";
        button.textContent = figure.dataset.playLabel || link.textContent;
        frame.replaceChild(button, link);
        button.addEventListener("click", function () {
            var player;
            if (figure.dataset.kind === "video") {
                player = document.createElement("video");
                player.controls = true;
                player.autoplay = true;
            } else {
                player = document.createElement("iframe");
                player.allow = "autoplay; fullscreen; picture-in-picture";
                player.allowFullscreen = true;
            }
            player.className = "sign-video__player";
            player.title = figure.dataset.title;
            player.src = figure.dataset.src;
            frame.replaceChild(player, button);
            player.focus();
        });
    });
})();
