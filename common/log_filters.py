"""Logging filters, loaded by the LOGGING setting before the apps are ready (so no Django
imports here)."""

from __future__ import annotations

import logging


class ClientErrorsBriefly(logging.Filter):
    """A refused request (403, 404 and the like) is logged as one line: the traceback of
    the PermissionDenied or Http404 behind it says nothing about a fault of ours."""

    def filter(self, record: logging.LogRecord) -> bool:
        if 400 <= getattr(record, "status_code", 0) < 500:
            record.exc_info = None
            record.exc_text = None
        return True
