"""Events, storylines, the outlet page and report, and blindspots."""

from django.urls import path

from events import views

urlpatterns = [
    path("articles/<int:pk>/event/", views.article_set_event, name="article-set-event"),
    path("events/", views.event_list, name="event-list"),
    path("storylines/", views.storyline_list, name="storyline-list"),
    path("storylines/new/", views.storyline_create, name="storyline-create"),
    path("storylines/<int:pk>/", views.storyline_detail, name="storyline-detail"),
    path("storylines/<int:pk>/rename/", views.storyline_rename, name="storyline-rename"),
    path("storylines/<int:pk>/lock/", views.storyline_lock, name="storyline-lock"),
    path("storylines/<int:pk>/link/", views.storyline_link, name="storyline-link"),
    path(
        "storylines/<int:pk>/unlink/<int:event_pk>/",
        views.storyline_unlink,
        name="storyline-unlink",
    ),
    path("events/new/", views.event_create, name="event-create"),
    path("events/pick/", views.event_pick, name="event-pick"),
    path("events/<int:pk>/", views.event_detail, name="event-detail"),
    path("events/<int:pk>/rename/", views.event_rename, name="event-rename"),
    path("events/<int:pk>/lock/", views.event_lock, name="event-lock"),
    path("events/<int:pk>/merge/", views.event_merge, name="event-merge"),
    path("events/<int:pk>/split/", views.event_split, name="event-split"),
    path("events/<int:pk>/review/", views.event_review, name="event-review"),
    path("events/<int:pk>/export.csv", views.event_export, name="event-export"),
    # The outlet's page is here, not in newsdesk: it shows the outlet report's figures.
    path("outlets/<slug:slug>/", views.outlet_detail, name="outlet-detail"),
    path("reports/outlets/", views.outlet_report, name="outlet-report"),
    path("reports/blindspots/", views.blindspot_list, name="blindspots"),
]
