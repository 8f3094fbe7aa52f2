"""Keep the translation catalogues in step with the code: extract, update, check, compile.

Run through make (``make translations``, ``make compile-translations``) or directly::

    python -m dialogues.languages.catalogues update     # extract, then update every .po
    python -m dialogues.languages.catalogues missing sw # what is left to translate in Swahili
    python -m dialogues.languages.catalogues check      # exit 1 if any catalogue is incomplete
    python -m dialogues.languages.catalogues compile    # write the .mo files the app reads
    python -m dialogues.languages.catalogues todo > t.json   # what is untranslated, as JSON to fill in
    python -m dialogues.languages.catalogues apply t.json    # write the filled-in JSON into the catalogues

The JSON is ``{"fr": {"msgid": "msgstr", ...}, ...}``; a plural's value is the list of its forms
and a string with a context is keyed ``"context\u0004msgid"``. Keeping one's translations in such
a file lets a branch take main's catalogues after a rebase, run ``update``, then ``apply`` again.
"""
import contextlib
import copy
import io
import json
import sys
import tempfile
from datetime import datetime, timezone
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.frontend import CommandLineInterface
from babel.messages.mofile import read_mo, write_mo
from babel.messages.pofile import read_po, write_po

from dialogues.languages.selection import DEFAULT, SUPPORTED

ROOT = Path(__file__).resolve().parent.parent.parent
TRANSLATIONS = ROOT / "translations"
# Lazy variants used at import time (form labels, enum labels) besides gettext's defaults.
KEYWORDS = ["_l", "lazy_gettext", "lazy_ngettext:1,2", "lazy_pgettext:1c,2", "N_"]
# A fixed date in every header: real dates would make each update conflict with everyone else's.
FIXED_DATE = datetime(2026, 1, 1, tzinfo=timezone.utc)


def po_path(language: str) -> Path:
    return TRANSLATIONS / language / "LC_MESSAGES" / "messages.po"


def mo_path(language: str) -> Path:
    return po_path(language).with_suffix(".mo")


def extract() -> Catalog:
    """Every translatable string in ``dialogues/`` and ``templates/``, as babel.cfg maps them."""
    with tempfile.TemporaryDirectory() as folder:
        pot = Path(folder) / "messages.pot"
        args = ["pybabel", "-q", "extract", "-F", str(ROOT / "babel.cfg"), "-o", str(pot),
                "--add-comments=Translators:", "--strip-comment-tags", "--sort-output",
                "--project=dialogues", "--version=1"]
        for keyword in KEYWORDS:
            args += ["-k", keyword]
        # From the project's root, so that locations read "templates/base.html", the same for everyone.
        with contextlib.chdir(ROOT):
            CommandLineInterface().run([*args, "."])
        with pot.open("rb") as handle:
            return read_po(handle)


def read_catalogue(language: str) -> Catalog:
    with po_path(language).open("rb") as handle:
        return read_po(handle, locale=language)


def _write(catalog: Catalog, path: Path) -> None:
    catalog.creation_date = FIXED_DATE
    catalog.revision_date = FIXED_DATE
    catalog.fuzzy = False
    buffer = io.BytesIO()
    write_po(buffer, catalog, width=100, sort_output=True, include_lineno=False, ignore_obsolete=True)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(buffer.getvalue())


def _fill_source_language(catalog: Catalog) -> None:
    """English is the language of the code: its msgstr is the msgid unless someone rewrote it."""
    for message in catalog:
        if not message.id:
            continue
        if message.pluralizable:
            if not any(message.string):
                message.string = tuple(message.id)
        elif not message.string:
            message.string = message.id
        message.flags.discard("fuzzy")


def update() -> None:
    """Extract, then bring every language's catalogue in line (new strings empty, gone strings dropped)."""
    template = extract()
    for language in SUPPORTED:
        path = po_path(language)
        if path.exists():
            catalog = read_catalogue(language)
        else:
            catalog = Catalog(locale=language, project="dialogues", version="1")
        # No fuzzy guesses: a near-match would go out unreviewed, and the check refuses fuzzy entries.
        # A copy each: update() adds the template's own Message objects, which English then fills.
        catalog.update(copy.deepcopy(template), no_fuzzy_matching=True)
        if language == DEFAULT:
            _fill_source_language(catalog)
        _write(catalog, path)


def problems(catalog: Catalog) -> list[str]:
    """Each untranslated or fuzzy message of a catalogue, as a line for people."""
    found = []
    for message in catalog:
        if not message.id:
            continue
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        if message.fuzzy:
            found.append(f"fuzzy: {message.id!r}")
        elif not all(strings) or (message.pluralizable and len(strings) < catalog.num_plurals):
            found.append(f"untranslated: {message.id!r}")
    return found


def compile_all() -> None:
    for language in SUPPORTED:
        catalog = read_catalogue(language)
        buffer = io.BytesIO()
        write_mo(buffer, catalog)
        mo_path(language).write_bytes(buffer.getvalue())


def compiled_is_current(language: str) -> bool:
    """Whether the .mo the app reads says what the .po says."""
    path = mo_path(language)
    if not path.exists():
        return False
    with path.open("rb") as handle:
        compiled = read_mo(handle)
    expected = {_key(m.id): _key(m.string) for m in read_catalogue(language) if m.id and m.string and not m.fuzzy}
    got = {_key(m.id): _key(m.string) for m in compiled if m.id}
    return expected == got


def _key(value: str | tuple | list) -> str | tuple:
    """A plural's forms come back from a .mo as a list and from a .po as a tuple: compare them alike."""
    return tuple(value) if isinstance(value, (list, tuple)) else value


def _json_key(message) -> str:
    msgid = message.id[0] if message.pluralizable else message.id
    return f"{message.context}\u0004{msgid}" if message.context else msgid


def todo(languages) -> dict:
    """The untranslated or fuzzy messages of each language, keyed as ``apply`` reads them."""
    result = {}
    for language in languages:
        catalog = read_catalogue(language)
        entries = {}
        for message in catalog:
            if not message.id or language == DEFAULT:
                continue
            strings = message.string if isinstance(message.string, tuple) else (message.string,)
            if message.fuzzy or not all(strings) or (message.pluralizable and len(strings) < catalog.num_plurals):
                entries[_json_key(message)] = [""] * catalog.num_plurals if message.pluralizable else ""
        result[language] = entries
    return result


def apply(path: Path) -> list[str]:
    """Write translations from a JSON file into the catalogues; returns the keys no catalogue holds."""
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    unknown = []
    for language, entries in data.items():
        catalog = read_catalogue(language)
        by_key = {_json_key(m): m for m in catalog if m.id}
        for key, value in entries.items():
            message = by_key.get(key)
            if message is None:
                unknown.append(f"{language}: {key!r}")
                continue
            if not value or (isinstance(value, list) and not all(value)):
                continue
            message.string = tuple(value) if message.pluralizable else value
            message.flags.discard("fuzzy")
        _write(catalog, po_path(language))
    return unknown


def main(argv: list[str]) -> int:
    command = argv[0] if argv else "check"
    if command == "update":
        update()
    elif command == "compile":
        compile_all()
    elif command == "todo":
        print(json.dumps(todo(argv[1:] or [l for l in SUPPORTED if l != DEFAULT]), ensure_ascii=False, indent=1))
    elif command == "apply":
        for line in apply(Path(argv[1])):
            print(f"not in the catalogue (gone from the code?): {line}")
    elif command in ("check", "missing"):
        languages = argv[1:] or SUPPORTED
        failed = False
        for language in languages:
            found = problems(read_catalogue(language))
            failed = failed or bool(found)
            print(f"{language}: {len(found)} to translate")
            for line in found:
                print(f"  {line}")
        return 1 if failed and command == "check" else 0
    else:
        print(__doc__)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
