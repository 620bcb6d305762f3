"""Every API error is JSON: {"detail": ...}, never an HTML page or a stack trace."""

from __future__ import annotations

import logging

from django.core.exceptions import PermissionDenied, RequestDataTooBig
from django.http import HttpRequest, HttpResponse
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, ValidationError

from annotations.services import AnnotationError
from api.services import TokenExpired, TooManyRequests
from newsdesk.ingest.errors import IngestError
from newsdesk.services import DuplicateArticle

logger = logging.getLogger("api")


def install(api: NinjaAPI) -> None:
    @api.exception_handler(ValidationError)
    def invalid(request: HttpRequest, exc: ValidationError) -> HttpResponse:
        # Not the rejected input itself: it can be megabytes long.
        errors = [
            {"loc": list(e.get("loc", [])), "msg": e.get("msg", ""), "type": e.get("type", "")}
            for e in exc.errors
        ]
        return api.create_response(request, {"detail": errors}, status=422)

    @api.exception_handler(AuthenticationError)
    def unauthenticated(request: HttpRequest, exc: AuthenticationError) -> HttpResponse:
        response = api.create_response(
            request,
            {"detail": "A valid API token is required: send 'Authorization: Bearer <token>'."},
            status=401,
        )
        response["WWW-Authenticate"] = "Bearer"
        return response

    @api.exception_handler(TokenExpired)
    def expired(request: HttpRequest, exc: TokenExpired) -> HttpResponse:
        response = api.create_response(request, {"detail": str(exc)}, status=401)
        response["WWW-Authenticate"] = 'Bearer error="invalid_token"'
        return response

    @api.exception_handler(TooManyRequests)
    def too_many(request: HttpRequest, exc: TooManyRequests) -> HttpResponse:
        response = api.create_response(request, {"detail": str(exc)}, status=429)
        response["Retry-After"] = str(exc.retry_after)
        return response

    @api.exception_handler(DuplicateArticle)
    def duplicate(request: HttpRequest, exc: DuplicateArticle) -> HttpResponse:
        return api.create_response(
            request, {"detail": str(exc), "existing_id": exc.existing.pk}, status=409
        )

    @api.exception_handler(IngestError)
    def not_ingested(request: HttpRequest, exc: IngestError) -> HttpResponse:
        return api.create_response(request, {"detail": str(exc)}, status=400)

    @api.exception_handler(AnnotationError)
    def not_annotated(request: HttpRequest, exc: AnnotationError) -> HttpResponse:
        return api.create_response(request, {"detail": str(exc)}, status=400)

    @api.exception_handler(PermissionDenied)
    def forbidden(request: HttpRequest, exc: PermissionDenied) -> HttpResponse:
        return api.create_response(request, {"detail": str(exc) or "Forbidden."}, status=403)

    @api.exception_handler(RequestDataTooBig)
    def too_big(request: HttpRequest, exc: RequestDataTooBig) -> HttpResponse:
        return api.create_response(
            request, {"detail": "The request body is too large."}, status=413
        )

    @api.exception_handler(Exception)
    def unexpected(request: HttpRequest, exc: Exception) -> HttpResponse:
        logger.exception("API error on %s %s", request.method, request.path)
        return api.create_response(request, {"detail": "Internal server error."}, status=500)
