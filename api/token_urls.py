"""A person's API tokens (pages, not the API)."""

from django.urls import path

from api import views

urlpatterns = [
    path("", views.token_list, name="api-tokens"),
    path("new/", views.token_create, name="api-token-create"),
    path("<int:pk>/revoke/", views.token_revoke, name="api-token-revoke"),
]
