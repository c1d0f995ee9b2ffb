from django.urls import path

from . import views

urlpatterns = [
    path("sonda/<int:poll_id>/", views.vote, name="poll_vote"),
]
