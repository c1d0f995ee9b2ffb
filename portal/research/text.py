"""Text for search: the folding that makes "zrodla" find "źródła", query words, excerpts.
(A PDF's own text is read by portal/documents/text.py.)"""

import functools
import unicodedata

_POLISH = str.maketrans("ąćęłńóśźżĄĆĘŁŃÓŚŹŻ", "acelnoszzACELNOSZZ")


def fold(text):
    """Lower case without diacritics, one character for one: positions in the folded text
    are positions in the original, so an excerpt can be cut from the original. A report's
    search text folds up to a million characters per file, hence one look-up per char."""
    return "".join(map(_fold_char, text))


@functools.lru_cache(maxsize=65_536)
def _fold_char(char):
    lower = char.translate(_POLISH).lower()
    lower = lower if len(lower) == 1 else char
    return unicodedata.normalize("NFD", lower)[:1] or lower


def words(query):
    """The words of a visitor's query, folded, without operators or punctuation."""
    cleaned = "".join(char if char.isalnum() else " " for char in fold(query[:500]))
    return [word for word in cleaned.split() if len(word) > 1][:10]


def excerpt(text, query_words, width=160):
    """A short piece of `text` around the first query word, or None."""
    folded = fold(text)
    positions = [folded.find(word) for word in query_words if word in folded]
    if not positions:
        return None
    start = max(min(positions) - width // 3, 0)
    end = min(start + width, len(text))
    return ("…" if start else "") + text[start:end].strip() + ("…" if end < len(text) else "")
