// Runs before the first paint (a blocking script in <head>, not inline, so the strict CSP
// holds): marks the page as scripted, so the CSS collapses the phone menu behind its button
// from the start instead of after the deferred site.js (no layout shift). Without script
// the class is never set and the menu stays open.
document.documentElement.classList.add("has-js");
