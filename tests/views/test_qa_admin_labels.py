"""Found in a QA pass: the Admin role could not see the annotation labels in the Django
admin (its group had no permission in the annotations app), though admins are the ones
who manage that vocabulary; annotations themselves stay out of their reach there."""

import pytest
from django.urls import reverse

from annotations.models import Label

pytestmark = pytest.mark.django_db


def test_an_admin_manages_the_annotation_labels_in_the_django_admin(admin_client_):
    index = admin_client_.get(reverse("admin:index")).content.decode()
    assert reverse("admin:annotations_label_changelist") in index

    response = admin_client_.post(
        reverse("admin:annotations_label_add"),
        {"name": "Unsupported figure", "takes_verdict": "on", "position": 7, "is_active": "on"},
    )
    assert response.status_code == 302
    assert Label.objects.get(name="Unsupported figure").takes_verdict


def test_an_admin_still_cannot_change_or_delete_annotations_in_the_django_admin(admin_user):
    assert admin_user.has_perm("annotations.change_label")
    assert not admin_user.has_perm("annotations.delete_annotation")
    assert not admin_user.has_perm("annotations.change_annotation")
