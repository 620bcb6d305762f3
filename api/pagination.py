import math
from typing import Any

from django.db.models import QuerySet
from django.http import HttpRequest
from ninja import Field, Schema
from ninja.pagination import PaginationBase

PAGE_SIZE = 25
MAX_PAGE_SIZE = 100
# Far beyond any real page, and small enough that the offset stays a 64-bit integer.
MAX_PAGE = 10**9


class PageNumbers(PaginationBase):
    """``?page=N&page_size=M``; the reply says how many items and pages there are."""

    class Input(Schema):
        page: int = Field(1, ge=1, le=MAX_PAGE)
        page_size: int = Field(PAGE_SIZE, ge=1, le=MAX_PAGE_SIZE)

    class Output(Schema):
        count: int
        page: int
        page_size: int
        pages: int
        items: list[Any]

    def paginate_queryset(
        self, queryset: QuerySet, pagination: Input, request: HttpRequest, **params: Any
    ) -> dict:
        count = queryset.count()
        offset = (pagination.page - 1) * pagination.page_size
        items = queryset[offset : offset + pagination.page_size] if offset < count else []
        return {
            "count": count,
            "page": pagination.page,
            "page_size": pagination.page_size,
            "pages": math.ceil(count / pagination.page_size),
            "items": items,
        }
