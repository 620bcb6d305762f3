"""Articles, their ingestion, outlets and ingest jobs."""

from django.urls import path

from newsdesk import views

urlpatterns = [
    path("articles/", views.article_list, name="article-list"),
    path("articles/new/", views.article_new, name="article-new"),
    path("articles/new/paste/", views.article_paste, name="article-paste"),
    path("articles/new/upload/", views.article_upload, name="article-upload"),
    path("articles/new/url/", views.article_fetch, name="article-fetch"),
    path("articles/import/", views.article_import, name="article-import"),
    path("articles/pick/", views.article_pick, name="article-pick"),
    path("jobs/<int:pk>/", views.ingest_job, name="ingest-job"),
    path("jobs/<int:pk>/report.csv", views.ingest_job_report, name="ingest-job-report"),
    path("articles/<int:pk>/details/", views.article_edit_details, name="article-edit-details"),
    path("articles/<int:pk>/language/", views.article_set_language, name="article-set-language"),
    path("outlets/", views.outlet_list, name="outlet-list"),
]
