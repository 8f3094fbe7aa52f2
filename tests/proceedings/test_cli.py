"""``flask proceedings``: batch printing from the command line."""
from tests.proceedings.conftest import NAMES


def test_writes_the_event_proceedings(dialogue, runner, tmp_path, pdf_text, qpdf_check):
    output = tmp_path / "manica.pdf"

    result = runner.invoke(args=["proceedings", str(dialogue.event.id), "-o", str(output)])

    assert result.exit_code == 0, result.output
    assert f"Wrote {output}" in result.output
    data = output.read_bytes()
    assert qpdf_check(data)[0] == 0
    assert NAMES["Vietnamese"] in pdf_text(data)


def test_writes_a_programme_compilation(dialogue, runner, tmp_path, pdf_text):
    output = tmp_path / "initiative.pdf"

    result = runner.invoke(args=["proceedings", "--programme", str(dialogue.programme.id), "--output", str(output)])

    assert result.exit_code == 0, result.output
    text = pdf_text(output.read_bytes())
    assert "Compiled proceedings" in text
    assert "1. Field dialogue in Manica" in text


def test_unknown_event_is_an_error(app, runner, tmp_path):
    output = tmp_path / "none.pdf"

    result = runner.invoke(args=["proceedings", "404", "-o", str(output)])

    assert result.exit_code == 1
    assert "There is no event 404." in result.output
    assert not output.exists()


def test_missing_font_is_a_clear_error(cast, app, runner, tmp_path):
    app.config["PROCEEDINGS_FONT"] = str(tmp_path / "gone.ttf")

    result = runner.invoke(args=["proceedings", str(cast.event.id), "-o", str(tmp_path / "x.pdf")])

    assert result.exit_code == 1
    assert "gone.ttf" in result.output and "fonts-dejavu-core" in result.output
