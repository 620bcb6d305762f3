from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_not_required
from django.templatetags.static import static
from django.urls import include, path
from django.views.generic import RedirectView

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
    path("admin/", admin.site.urls),
    path("", include("newsdesk.urls")),
    path("", include("analysis.urls")),
    path("", include("events.urls")),
    path("", include("annotations.urls")),
    path("api/", include("api.urls")),
    path("account/api-tokens/", include("api.token_urls")),
]

admin.site.site_header = "Newsdesk administration"
admin.site.site_title = "Newsdesk admin"
admin.site.login_form = ThrottledAdminAuthenticationForm
# A database outage is a 503 "try again" page, not a stack trace.
handler500 = "common.security.server_error"
