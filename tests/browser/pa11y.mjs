// Runs pa11y (HTML_CodeSniffer, WCAG 2 AA) over the addresses given as arguments with one
// Debian Chromium, and prints {address: [issues]} as JSON. Called by tests/browser/test_legal.py.
import pa11y from "pa11y";
import puppeteer from "puppeteer";

const browser = await puppeteer.launch({
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
});
const found = {};
try {
    // The addresses at once, each in its own tab: a fraction of the time one after another.
    await Promise.all(
        process.argv.slice(2).map(async (address) => {
            const result = await pa11y(address, { browser, standard: "WCAG2AA", timeout: 30000 });
            found[address] = result.issues.filter((issue) => issue.type === "error");
        }),
    );
} finally {
    await browser.close();
}
console.log(JSON.stringify(found));
