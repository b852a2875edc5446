"""The web edge: server-rendered pages over the store (templates, static assets, helpers).

The app itself is made by :func:`eventwire.api.create_app`; this package holds what its
pages need: :mod:`~eventwire.web.render` marks up article bodies, :mod:`~eventwire.web.pages`
routes the HTML pages, each of which links its JSON twin under ``/api``.
"""

from __future__ import annotations

__all__: list[str] = []
