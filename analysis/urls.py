"""The article page, scoring and rescoring, and the methodology page."""

from django.urls import path

from analysis import views

urlpatterns = [
    path("articles/<int:pk>/", views.article_detail, name="article-detail"),
    path("articles/<int:pk>/rescore/", views.article_rescore, name="article-rescore"),
    path("methodology/", views.methodology, name="methodology"),
    path("scoring/", views.scoring_status, name="scoring-status"),
    path("scoring/rescore/", views.rescore, name="rescore"),
    path("scoring/batches/<int:pk>/", views.batch_progress, name="batch-progress"),
]
