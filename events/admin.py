from django.contrib import admin, messages

from events.event_report import OUTLET_FIELDS, outlets_compared_events
from newsdesk.admin import OutletAdmin as NewsroomOutletAdmin
from newsdesk.models import Outlet

# The newsroom's outlet admin, told here what saving an outlet does to the comparisons
# that show it (newsdesk knows nothing of comparisons).
admin.site.unregister(Outlet)


@admin.register(Outlet)
class OutletAdmin(NewsroomOutletAdmin):
    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        # Saving marked the comparisons of the outlet's events stale (events.receivers,
        # whatever saves an outlet); the admin says so.
        if change and set(form.changed_data) & set(OUTLET_FIELDS):
            stale = len(outlets_compared_events(outlet_ids=[obj.pk]))
            if stale:
                self.message_user(
                    request,
                    f"The comparisons of {stale} event(s) covered by {obj.name} are being "
                    "recomputed with these details.",
                    messages.INFO,
                )
