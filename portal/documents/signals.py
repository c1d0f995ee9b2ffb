"""What the document library tells the layers above it, which it must not import: the
research reports refresh what they built from a file's text when they receive
`document_text_changed`, and the cover they show when they receive `document_cover_changed`."""

from django.dispatch import Signal

# Sent (sender: the document model, document=…) after a document's text has been stored.
document_text_changed = Signal()

# Sent (sender: the document model, document=…) after a document's cover has been drawn
# (or found impossible to draw: then `document.cover` is None).
document_cover_changed = Signal()
