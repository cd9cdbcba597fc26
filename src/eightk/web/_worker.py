"""The app each uvicorn worker process imports when ``eightk serve --workers N`` runs several."""

import os

from eightk.web.app import create_app

app = create_app(
    os.environ["EIGHTK_SERVE_DB"],
    rate_limit=float(os.environ["EIGHTK_SERVE_RATE_LIMIT"]),
    cache_mb=float(os.environ.get("EIGHTK_SERVE_CACHE_MB", "64")),
    cache_file=os.environ.get("EIGHTK_SERVE_CACHE_FILE", ":memory:"),
)
