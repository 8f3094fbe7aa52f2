"""The translation catalogues: what each translation must keep of the English it renders."""
import re
from collections import defaultdict

import pytest

from dialogues.languages.catalogues import read_catalogue
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

