from django.urls import path

from . import views

urlpatterns = [
    path("", views.set_reader_option, name="reader_option"),
    path("style.css", views.reader_stylesheet, name="reader_stylesheet"),
]
