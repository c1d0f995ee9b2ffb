"""The association's place in the admin.

The contact page's messages (Forms → the page) are listed and exported by
`ContactSubmissionsListView`, whose export never lets a spreadsheet run what a visitor typed
as a formula. Wagtail takes the view from the page class's `submissions_list_view_class`,
but models.py cannot import an admin view: Wagtail's admin views need the models loaded,
and models.py is imported while they load. This module is imported after all models
(Wagtail loads every app's wagtail_hooks when the admin's URLs are built, before the admin
can show a page), so it can import both and join them, with no import hidden in a method.
"""

from .exports import ContactSubmissionsListView
from .models import ContactPage

ContactPage.submissions_list_view_class = ContactSubmissionsListView
