"""Small readers of rendered HTML shared by the tests."""

import html as html_lib
import re


def switcher_href(html, code):
    """The language switcher's link to language `code` (unescaped, ready to follow)."""
    switcher = html[html.index('class="language-switcher"') :]
    match = re.search(rf'<a href="([^"]+)" hreflang="{code}"', switcher)
    assert match, f"no switcher link to {code}"
    return html_lib.unescape(match.group(1))
