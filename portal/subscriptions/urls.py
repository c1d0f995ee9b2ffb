from django.urls import path

from . import views

urlpatterns = [
    path("subskrypcja/", views.subscribe, name="subscribe"),
    path("subskrypcja/wyslano/", views.requested, name="subscription_requested"),
    path("subskrypcja/potwierdz/<str:token>/", views.confirm, name="subscription_confirm"),
    path(
        "subskrypcja/rezygnacja/<str:token>/",
        views.unsubscribe,
        name="subscription_unsubscribe",
    ),
    path(
        "subskrypcja/ustawienia/<str:token>/",
        views.preferences,
        name="subscription_preferences",
    ),
]
