from django.urls import path

from annotations import views

urlpatterns = [
    path("articles/<int:pk>/annotations/", views.article_annotations, name="annotation-panel"),
    path("articles/<int:pk>/annotations/new/", views.annotation_create, name="annotation-create"),
    path(
        "articles/<int:pk>/annotations/suggestions/accept/",
        views.suggestion_accept,
        name="annotation-suggestion-accept",
    ),
    path(
        "articles/<int:pk>/annotations/suggestions/dismiss/",
        views.suggestion_dismiss,
        name="annotation-suggestion-dismiss",
    ),
    path("annotations/scorer-feedback/", views.scorer_feedback, name="annotation-scorer-feedback"),
    path(
        "articles/<int:pk>/annotations/review/",
        views.article_review,
        name="annotation-article-review",
    ),
    path(
        "articles/<int:pk>/annotations/adjudicate/",
        views.article_adjudicate,
        name="annotation-adjudicate",
    ),
    path("annotations/<int:pk>/", views.annotation_detail, name="annotation-detail"),
    path("annotations/<int:pk>/edit/", views.annotation_edit, name="annotation-edit"),
    path("annotations/<int:pk>/delete/", views.annotation_delete, name="annotation-delete"),
    path("annotations/<int:pk>/reply/", views.annotation_reply, name="annotation-reply"),
    path("annotations/<int:pk>/reattach/", views.annotation_reattach, name="annotation-reattach"),
    path("annotations/<int:pk>/review/", views.annotation_review, name="annotation-review"),
    path("annotations/export/", views.annotation_export, name="annotation-export"),
    path("annotations/assignments/", views.assignment_list, name="annotation-assignments"),
    path(
        "annotations/assignments/<int:pk>/submit/",
        views.assignment_submit,
        name="annotation-assignment-submit",
    ),
    path("events/<int:pk>/agreement/", views.event_agreement, name="annotation-event-agreement"),
]
