"""Static files with versioned addresses: a content hash in every ``url_for('static')``
lets browsers keep them for a year, and a change of content changes the address."""
import hashlib
from pathlib import Path

from flask import Flask, request

# A year: browsers on poor connections should never ask for the stylesheet twice.
LONG_MAX_AGE = 365 * 24 * 3600


class StaticVersions:
    """Content hashes of the static files, computed once per file (and again when the
    file's modification time changes, so that a developer's edit shows at once)."""

    def __init__(self, folder: str):
        self.folder = Path(folder).resolve()
        self._hashes: dict[str, tuple[float, str]] = {}

    def version(self, filename: str) -> str | None:
        path = (self.folder / filename).resolve()
        if self.folder not in path.parents or not path.is_file():
            return None
        mtime = path.stat().st_mtime
        known = self._hashes.get(filename)
        if known and known[0] == mtime:
            return known[1]
        digest = hashlib.sha256(path.read_bytes()).hexdigest()[:12]
        self._hashes[filename] = (mtime, digest)
        return digest


def register(app: Flask) -> None:
    versions = StaticVersions(app.static_folder)

    @app.url_defaults
    def add_static_version(endpoint, values):
        if endpoint == "static" and "filename" in values and "v" not in values:
            version = versions.version(values["filename"])
            if version:
                values["v"] = version

    @app.after_request
    def cache_versioned_static(response):
        # Only the address naming the current content may be kept for long: an old or
        # missing version still gets the file, but the browser checks again next time.
        if request.endpoint == "static" and response.status_code == 200:
            # Read the (small) file now, so Flask-Compress compresses it whole and the
            # file is closed with the response rather than left to the garbage collector.
            response.make_sequence()
            filename = (request.view_args or {}).get("filename", "")
            if request.args.get("v") and request.args.get("v") == versions.version(filename):
                response.cache_control.no_cache = None
                response.cache_control.public = True
                response.cache_control.max_age = LONG_MAX_AGE
                response.cache_control.immutable = True
            else:
                response.cache_control.no_cache = True
                response.cache_control.max_age = None
        return response
