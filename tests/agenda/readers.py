"""Reading exports as outsiders do: vobject (a second parser) and calcurse (a real calendar client)."""
import os
import subprocess
from datetime import date

import vobject


def parse(data: bytes):
    """The calendar as read by vobject, a parser independent of the icalendar library that wrote it."""
    return vobject.readOne(data.decode("utf-8"))


def calcurse_appointments(tmp_path, data: bytes, *, tz: str, start: date, days: int) -> list[str]:
    """Import into calcurse (Debian's package) and list what it shows, in ``tz`` local time."""
    folder = tmp_path / "calcurse"
    folder.mkdir()
    path = tmp_path / "import.ics"
    path.write_bytes(data)
    env = {**os.environ, "TZ": tz}
    imported = subprocess.run(["calcurse", "-D", str(folder), "-i", str(path)],
                              capture_output=True, text=True, env=env, check=True)
    assert "0 skipped" in imported.stdout, imported.stdout
    listing = subprocess.run(
        ["calcurse", "-D", str(folder), "-Q", "--input-datefmt", "4", "--from", start.isoformat(),
         "--days", str(days), "--format-apt", "%(start:%Y-%m-%d %H:%M)-%(end:%H:%M) %m\n"],
        capture_output=True, text=True, env=env, check=True)
    return [line.strip() for line in listing.stdout.splitlines() if line.startswith(("1", "2"))]
