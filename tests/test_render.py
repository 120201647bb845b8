"""Tables as the terminal and pipes show them: nothing cropped, nothing read as markup or emoji."""

from __future__ import annotations

import io

from rich.console import Console

from detente.render import Format, emit


def printed(columns, rows, width: int = 80) -> str:
    buffer = io.StringIO()
    emit(columns, rows, Format.table, title="2 of 127 events", console=Console(file=buffer, width=width, emoji=False))
    return buffer.getvalue()


def test_ids_and_markup_print_as_written():
    text = printed(["event_id", "what"], [("abc:SUN:RUS:IRN:042", "[bold]not bold[/bold] :smile:")])
    assert "abc:SUN:RUS:IRN:042" in text and "☀" not in text
    assert "[bold]not" in text and ":smile:" in text and "😄" not in text


def test_a_table_wider_than_the_pipe_is_widened_never_cropped():
    ids = [f"{i:016x}:{i}:{100 * i}:RUS:IRN:042" for i in range(3)]
    sentence = "Russia and Iran signed a long agreement on energy cooperation in Moscow on Monday " * 3
    rows = [(i, "RUS", "IRN", "042", sentence) for i in ids]
    text = printed(["event_id", "source", "target", "cameo", "sentence"], rows, width=40)
    for i in ids:
        assert i in text  # ids whole, on one line
    words = " ".join(line.split("│")[-2].strip() for line in text.splitlines() if line.count("│") >= 2)
    assert "Moscow on Monday" in words  # the sentence wraps, all of it there
    assert "2 of 127 events" in text
