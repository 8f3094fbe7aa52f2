"""The translation catalogues: what each translation must keep of the English it renders."""
import re
from collections import defaultdict

import pytest

from dialogues.languages.catalogues import ROOT, compiled_is_current, extract, problems, read_catalogue
from dialogues.languages.selection import SUPPORTED

# %(name)s, %(count)d, %s, %% ... : what Python's % operator reads in a string.
PLACEHOLDER = re.compile(r"%(?:\([^)]*\))?[#0\- +]*\d*(?:\.\d+)?[diouxXeEfFgGcrsa%]")
TAG = re.compile(r"</?[a-zA-Z][^>]*>")


def forms(message) -> tuple[str, ...]:
    return message.string if isinstance(message.string, tuple) else (message.string,)


def sources(message) -> tuple[str, ...]:
    return message.id if isinstance(message.id, tuple) else (message.id,)


def placeholders(text: str) -> set[str]:
    return set(PLACEHOLDER.findall(text)) - {"%%"}


def translated(language: str):
    """Every (message, translation) of one catalogue whose translation is written."""
    for message in read_catalogue(language):
        if message.id:
            for text in forms(message):
                if text:
                    yield message, text


@pytest.mark.parametrize("language", SUPPORTED)
def test_translations_keep_the_placeholders(language):
    wrong = []
    for message, text in translated(language):
        expected = set().union(*(placeholders(s) for s in sources(message)))
        if placeholders(text) != expected:
            wrong.append(f"{message.id!r}: {text!r}")
    assert wrong == []


@pytest.mark.parametrize("language", SUPPORTED)
def test_translations_format_without_error(language):
    """A stray % in a translation would break the page at the moment it is shown."""
    wrong = []
    values = defaultdict(lambda: 1)
    for message, text in translated(language):
        if message.python_format or "%%" in "".join(sources(message)):
            try:
                text % values
            except (TypeError, ValueError, KeyError) as error:
                wrong.append(f"{message.id!r}: {text!r} ({error})")
    assert wrong == []


@pytest.mark.parametrize("language", SUPPORTED)
def test_translations_keep_the_markup(language):
    wrong = []
    for message, text in translated(language):
        expected = sorted(TAG.findall(sources(message)[-1]))
        if sorted(TAG.findall(text)) != expected:
            wrong.append(f"{message.id!r}: {text!r}")
    assert wrong == []



# Completeness: every string the code shows is in every catalogue, translated, and compiled.

@pytest.fixture(scope="module")
def extracted() -> set:
    return {message.id for message in extract() if message.id}


@pytest.mark.parametrize("language", SUPPORTED)
def test_every_string_in_the_code_is_in_the_catalogue(extracted, language):
    """Fails when someone wraps a new string and nobody ran `make translations` (README "Languages")."""
    catalogued = {message.id for message in read_catalogue(language) if message.id}
    assert {"not in the catalogue": sorted(map(str, extracted - catalogued)),
            "no longer in the code": sorted(map(str, catalogued - extracted))} == {
        "not in the catalogue": [], "no longer in the code": []}


@pytest.mark.parametrize("language", SUPPORTED)
def test_every_entry_is_translated_and_none_is_fuzzy(language):
    assert problems(read_catalogue(language)) == []


@pytest.mark.parametrize("language", SUPPORTED)
def test_compiled_catalogue_says_what_the_po_says(language):
    """The app reads the .mo: a stale one shows old or missing translations (`make compile-translations`)."""
    assert compiled_is_current(language)


def test_no_string_is_wrapped_as_an_f_string():
    """pybabel cannot extract _(f"..."): such a string is never translated."""
    wrapped_fstring = re.compile(r"""\b(?:_|_l|gettext|lazy_gettext|ngettext|lazy_ngettext)\(\s*f["']""")
    found = [f"{path.relative_to(ROOT)}:{number}"
             for folder in ("dialogues", "templates") for path in sorted((ROOT / folder).rglob("*"))
             if path.suffix in (".py", ".html", ".txt", ".ics")
             for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
             if wrapped_fstring.search(line)]
    assert found == []
