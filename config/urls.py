from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_not_required
from django.templatetags.static import static
from django.urls import include, path
from django.views.generic import RedirectView

from analysis import views as analysis_views
from api import views as api_views
from common.security import ThrottledAdminAuthenticationForm, ThrottledAuthenticationForm
from newsdesk import views

urlpatterns = [
    path("", views.home, name="home"),
    # Pages that do not extend base.html (the admin, the API docs) get the icon too.
    path(
        "favicon.ico",
        login_not_required(RedirectView.as_view(url=static("favicon.svg"), permanent=True)),
        name="favicon",
    ),
    path(
        "login/",
        auth_views.LoginView.as_view(authentication_form=ThrottledAuthenticationForm),
        name="login",
    ),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("articles/", views.article_list, name="article-list"),
    path("articles/new/", views.article_new, name="article-new"),
    path("articles/new/paste/", views.article_paste, name="article-paste"),
    path("articles/new/upload/", views.article_upload, name="article-upload"),
    path("articles/new/url/", views.article_fetch, name="article-fetch"),
    path("articles/import/", views.article_import, name="article-import"),
    path("articles/pick/", views.article_pick, name="article-pick"),
    path("jobs/<int:pk>/", views.ingest_job, name="ingest-job"),
    path("jobs/<int:pk>/report.csv", views.ingest_job_report, name="ingest-job-report"),
    path("articles/<int:pk>/", views.article_detail, name="article-detail"),
    path("articles/<int:pk>/event/", views.article_set_event, name="article-set-event"),
    path("articles/<int:pk>/details/", views.article_edit_details, name="article-edit-details"),
    path("articles/<int:pk>/language/", views.article_set_language, name="article-set-language"),
    path("articles/<int:pk>/rescore/", analysis_views.article_rescore, name="article-rescore"),
    path("outlets/", views.outlet_list, name="outlet-list"),
    path("outlets/<slug:slug>/", views.outlet_detail, name="outlet-detail"),
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
    path("reports/outlets/", analysis_views.outlet_report, name="outlet-report"),
    path("reports/blindspots/", analysis_views.blindspot_list, name="blindspots"),
    path("methodology/", analysis_views.methodology, name="methodology"),
    path("scoring/", analysis_views.scoring_status, name="scoring-status"),
    path("scoring/rescore/", analysis_views.rescore, name="rescore"),
    path("scoring/batches/<int:pk>/", analysis_views.batch_progress, name="batch-progress"),
    path("admin/", admin.site.urls),
    path("", include("annotations.urls")),
    path("api/", include("api.urls")),
    path("account/api-tokens/", api_views.token_list, name="api-tokens"),
    path("account/api-tokens/new/", api_views.token_create, name="api-token-create"),
    path("account/api-tokens/<int:pk>/revoke/", api_views.token_revoke, name="api-token-revoke"),
]

admin.site.site_header = "Newsdesk administration"
admin.site.site_title = "Newsdesk admin"
admin.site.login_form = ThrottledAdminAuthenticationForm
# A database outage is a 503 "try again" page, not a stack trace.
handler500 = "common.security.server_error"
