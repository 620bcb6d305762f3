"""The annotation panel on the article page: what it shows, read only."""

from __future__ import annotations

from django.http import HttpRequest

from annotations import selectors
from annotations.forms import AnnotationCreateForm
from annotations.models import Label, Verdict, text_hash
from newsdesk.models import Article
from newsdesk.roles import ANALYST, EDITOR, has_role


def panel_context(
    request: HttpRequest,
    article: Article,
    *,
    create_form: AnnotationCreateForm | None = None,
    filters: selectors.PanelFilters | None = None,
    error: str = "",
) -> dict:
    """Everything the panel template needs, for its views and the article page's tag.

    It only reads: annotations are re-anchored where the text changes (the article's
    post_save receiver) and by the periodic sweep (tasks.reanchor_annotations) for text
    changed without a save.
    """
    user = request.user
    if filters is None:
        filters = selectors.PanelFilters.from_query(request.GET)
    annotations = list(selectors.annotations_for_panel(article=article, user=user, filters=filters))
    membership = selectors.membership_for(article=article, user=user)
    blind = selectors.blind_for(article=article, user=user)
    final = selectors.annotations_final(article=article, user=user)
    return {
        "article": article,
        "annotations": annotations,
        "anchored": [a for a in annotations if not a.is_orphaned],
        # Whose edit controls to show: the same rule the services apply.
        "editable": {
            a.pk for a in annotations if selectors.annotation_editable_by(annotation=a, user=user)
        },
        "orphans": [a for a in annotations if a.is_orphaned],
        "filters": filters,
        "labels": Label.objects.all(),
        "verdicts": Verdict.choices,
        "annotators": selectors.annotators_of(article=article, user=user),
        "suggestions": selectors.suggestions_for_article(article=article, user=user),
        "create_form": create_form or AnnotationCreateForm(),
        "text_hash": text_hash(article.body),
        "membership": membership,
        "blind": blind,
        # After a blind assignment is submitted, nothing of one's own can change.
        "can_annotate": has_role(user, ANALYST) and not final,
        "final": final,
        "can_review": has_role(user, EDITOR),
        "error": error,
        "user": user,
    }
