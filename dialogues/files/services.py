"""Storing uploads: the real type checked by content, a size limit, a safe name."""
import hashlib
import logging

import filetype
from werkzeug.datastructures import FileStorage
from werkzeug.utils import secure_filename

from dialogues.core.actors import describe
from dialogues.core.errors import DomainError
from dialogues.extensions import db
from dialogues.files.models import StoredFile

logger = logging.getLogger(__name__)

_MAX_STEM = 100


def store_upload(file_storage: FileStorage | None, *, allowed: dict[str, str], max_bytes: int, actor,
                 fallback_name: str = "file") -> StoredFile:
    """Keep an uploaded file if its content is one of ``allowed`` (MIME type -> extension).

    The browser's file name and content type are not trusted: the type is read from
    the bytes, and the stored name gets the extension of the detected type.
    """
    if file_storage is None or not file_storage.filename:
        raise DomainError("Choose a file to upload.")
    content = file_storage.stream.read(max_bytes + 1)
    if not content:
        raise DomainError("The file is empty. Please choose the file again.")
    if len(content) > max_bytes:
        raise DomainError(f"The file is larger than {human_size(max_bytes)}. "
                          "Please choose a smaller file, or add a link instead.")
    content_type = detected_type(content, allowed)
    stored = StoredFile(
        filename=safe_filename(file_storage.filename, allowed[content_type], fallback_name),
        content_type=content_type,
        size=len(content),
        sha256=hashlib.sha256(content).hexdigest(),
        content=content,
    )
    db.session.add(stored)
    db.session.flush()
    logger.info("file %s (%s, %d bytes) stored by %s", stored.id, content_type, stored.size, describe(actor))
    return stored


def detected_type(content: bytes, allowed: dict[str, str]) -> str:
    """The MIME type among ``allowed`` that the bytes really are, or a DomainError."""
    # Only the allowed matchers are asked, so a Word file is never taken for a mere zip.
    kind = filetype.match(content, matchers=[filetype.get_type(mime=mime) for mime in allowed])
    if kind is None:
        names = ", ".join(f".{ext}" for ext in allowed.values())
        raise DomainError(f"This file's content is not one of the accepted types ({names}). "
                          "Renaming a file does not change its type: please save it in one of these formats.")
    return kind.mime


def safe_filename(original: str, extension: str, fallback: str = "file") -> str:
    """A name safe for any file system and header, with the detected type's extension."""
    stem = original.replace("\\", "/").rsplit("/", 1)[-1]
    stem = stem.rsplit(".", 1)[0] if "." in stem else stem
    # secure_filename drops what is not ASCII; a name wholly in another script falls back.
    stem = secure_filename(stem)[:_MAX_STEM] or secure_filename(fallback)[:_MAX_STEM] or "file"
    return f"{stem}.{extension}"


def human_size(size: int) -> str:
    """A byte count as people read it: 10 MB, 512 KB, 900 bytes."""
    for unit, factor in (("MB", 1024 * 1024), ("KB", 1024)):
        if size >= factor:
            return f"{size / factor:.3g} {unit}"
    return f"{size} bytes"
