"""What the page-wide browser tests look for: actions cut off on a phone, horizontal
scrolling, axe-core's serious accessibility failures, and bytes over the wire."""
from pathlib import Path

AXE = Path(__file__).parent / "node_modules" / "axe-core" / "axe.min.js"

# Everything a person can act on; each must lie wholly inside the screen's width.
ACTIONS = "a[href], button, input:not([type=hidden]), select, textarea, summary, label.choice"

_OUTSIDE = """(selector) => {
  const width = document.documentElement.clientWidth;
  const outside = [];
  for (const el of document.querySelectorAll(selector)) {
    const box = el.getBoundingClientRect();
    const style = getComputedStyle(el);
    if (box.width === 0 || box.height === 0 || style.visibility === 'hidden') continue;
    if (el.closest('.visually-hidden')) continue;
    if (box.left < -0.5 || box.right > width + 0.5) {
      outside.push(`${el.tagName.toLowerCase()} "${(el.innerText || el.value || el.name || el.id || '').trim().slice(0, 40)}" at ${Math.round(box.left)}..${Math.round(box.right)}`);
    }
  }
  return outside;
}"""


def horizontal_overflow(page) -> int:
    """How many pixels the page is wider than the screen (0 when nothing scrolls sideways)."""
    return page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")


def actions_outside_the_screen(page) -> list[str]:
    return page.evaluate(_OUTSIDE, ACTIONS)


def axe_source() -> str:
    if not AXE.exists():
        raise RuntimeError(f"{AXE} is missing: run `make axe` (make test does) to install axe-core")
    return AXE.read_text()


def serious_violations(page, source: str) -> list[str]:
    """axe-core's critical and serious violations on the page, one line per rule and element."""
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        # Evaluated rather than added as a <script>, so the page's Content-Security-Policy stays on.
        page.evaluate(source + "\n;true")
    results = page.evaluate("async () => (await axe.run(document, {resultTypes: ['violations']})).violations")
    found = []
    for violation in results:
        if violation["impact"] not in ("critical", "serious"):
            continue
        for node in violation["nodes"]:
            found.append(f"{violation['id']} ({violation['impact']}): {' '.join(node['target'])}: {node['failureSummary'][:160]}")
    return found


class WireCounter:
    """Counts the bytes a page's loading takes over the network (headers and bodies, as
    received, compressed), through Chromium's DevTools protocol; cached files count nothing."""

    def __init__(self, page):
        self.page = page
        self.cdp = page.context.new_cdp_session(page)
        self.pending: set[str] = set()
        self.received: dict[str, int] = {}
        self.urls: dict[str, str] = {}
        self.cdp.on("Network.requestWillBeSent", self._sent)
        self.cdp.on("Network.loadingFinished", self._finished)
        self.cdp.on("Network.loadingFailed", self._failed)
        self.cdp.send("Network.enable")

    def _sent(self, event):
        self.pending.add(event["requestId"])
        self.urls[event["requestId"]] = event["request"]["url"]

    def _finished(self, event):
        self.pending.discard(event["requestId"])
        self.received[event["requestId"]] = int(event["encodedDataLength"])

    def _failed(self, event):
        self.pending.discard(event["requestId"])

    def clear_cache(self):
        self.cdp.send("Network.clearBrowserCache")

    def visit(self, url: str) -> dict[str, int]:
        """Load ``url`` and return the bytes received for each address it fetched."""
        self.pending.clear()
        self.received.clear()
        response = self.page.goto(url)
        assert response.status == 200, f"{url} answered {response.status}"
        for _ in range(200):  # the last events arrive just after "load"
            if not self.pending:
                break
            self.page.wait_for_timeout(10)
        assert not self.pending, f"still loading: {[self.urls[r] for r in self.pending]}"
        return {self.urls[r]: size for r, size in self.received.items()}
