#!/usr/bin/env python3
"""Times headless Chromium printing an HTML file to PDF, for benches/pdf.rs: warm (one
long-lived browser, driven through its DevTools protocol over --remote-debugging-pipe,
printing the page again and again) and cold (a new browser process for each PDF, as
`chromium --print-to-pdf` does). Standard library only. Prints one JSON object.

Usage: chromium_print.py BROWSER PAGE.html OUT_DIR WARM_RUNS COLD_RUNS
"""

import base64
import json
import os
import signal
import subprocess
import sys
import time

FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--no-pdf-header-footer", "--allow-file-access-from-files",
]


class Browser:
    """A headless Chromium speaking the DevTools protocol on two pipes (its fds 3 and 4)."""

    def __init__(self, browser, profile):
        to_child_r, self.to_child = os.pipe()
        self.from_child, from_child_w = os.pipe()

        def fds():
            # Copies first: a pipe end may itself be fd 3 or 4, and dup2 onto itself would
            # leave it close-on-exec.
            r, w = os.dup(to_child_r), os.dup(from_child_w)
            os.dup2(r, 3)
            os.dup2(w, 4)

        # Not headless: Chromium 156's headless renderer is killed by its browser process
        # ("Message rejected by interface blink.mojom.FrameWidgetHost", then "Render process
        # gone") once a page driven over the DevTools pipe has loaded. A normal window on a
        # virtual display (xvfb-run) prints the same way and stays up.
        flags = [f for f in FLAGS if f != "--headless"]
        self.proc = subprocess.Popen(
            ["xvfb-run", "-a", "-s", "-screen 0 1280x800x24", browser, *flags, "--remote-debugging-pipe",
             f"--user-data-dir={profile}", "about:blank"],
            # The copies on 3 and 4 are made after the fork; close_fds would close them again.
            preexec_fn=fds, close_fds=False,
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
            # Its own process group, so that ending it ends the browser and the display too.
            start_new_session=True)
        os.close(to_child_r)
        os.close(from_child_w)
        self.next_id = 0
        self.buffer = b""
        self.session = None

    def _read_message(self):
        while b"\0" not in self.buffer:
            chunk = os.read(self.from_child, 1 << 20)
            if not chunk:
                raise RuntimeError("chromium closed its DevTools pipe")
            self.buffer += chunk
        message, self.buffer = self.buffer.split(b"\0", 1)
        return json.loads(message)

    def call(self, method, params=None, wait_event=None):
        """Sends a command; returns its result (after `wait_event` has arrived, if given)."""
        self.next_id += 1
        message = {"id": self.next_id, "method": method, "params": params or {}}
        if self.session and not method.startswith("Target."):
            message["sessionId"] = self.session
        os.write(self.to_child, json.dumps(message).encode() + b"\0")
        result, seen_event = None, wait_event is None
        while result is None or not seen_event:
            m = self._read_message()
            if m.get("id") == self.next_id:
                if "error" in m:
                    raise RuntimeError(f"{method}: {m['error']}")
                result = m["result"]
            elif wait_event and m.get("method") == wait_event:
                seen_event = True
        return result

    def open_page(self, url):
        # The page is created at its own address, and each print replaces its document in
        # place (Page.setDocumentContent): a navigation (from about:blank, or to the same
        # file:// address again) moves the page to another renderer process, which ends
        # the DevTools session ("Render process gone", "Session with given id not found").
        target = self.call("Target.createTarget", {"url": url})["targetId"]
        self.session = self.call("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
        self.call("Page.enable")
        self._wait_for_load()
        self.frame = self.call("Page.getFrameTree")["frameTree"]["frame"]["id"]

    def _wait_for_load(self):
        # The load event, then the fonts (asked for in the page).
        self.call("Runtime.evaluate", {
            "expression": "new Promise((done) => document.readyState === 'complete' ? done(1)"
                          " : addEventListener('load', () => done(1)))"
                          ".then(() => document.fonts.ready).then(() => 1)",
            "awaitPromise": True})

    def print_pdf(self, html):
        """Parses, lays out and prints `html` in the long-lived page: the work a warm
        browser does per PDF, as the app's warm figure is its work per PDF."""
        self.call("Page.setDocumentContent", {"frameId": self.frame, "html": html})
        self._wait_for_load()
        data = self.call("Page.printToPDF", {"preferCSSPageSize": True, "printBackground": True})["data"]
        return base64.b64decode(data)

    def kill(self):
        try:
            os.killpg(self.proc.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        self.proc.wait()


class Timeout(Exception):
    pass


def on_alarm(_signum, _frame):
    raise Timeout()


def warm_runs_of(browser, url, html, out_dir, runs, warm_pdf):
    """The warm figures, or the reason there are none (a browser that stops answering
    ends this phase after 60 s, not the whole measurement)."""
    signal.alarm(60)
    b = Browser(browser, os.path.join(out_dir, "profile-warm"))
    try:
        b.open_page(url)
        b.print_pdf(html)  # the first print loads the font and warms the renderer
        warm = []
        for _ in range(runs):
            t = time.perf_counter()
            pdf = b.print_pdf(html)
            with open(warm_pdf, "wb") as f:
                f.write(pdf)
            warm.append(time.perf_counter() - t)
        return warm, None
    except Timeout:
        return None, "the browser stopped answering on its DevTools pipe"
    except Exception as e:  # the renderer ended the session, or the protocol refused
        return None, str(e)
    finally:
        signal.alarm(0)
        b.kill()


def main():
    browser, page, out_dir, warm_runs, cold_runs = sys.argv[1:6]
    signal.signal(signal.SIGALRM, on_alarm)
    url = "file://" + os.path.abspath(page)
    warm_pdf = os.path.join(out_dir, "chromium-warm.pdf")
    cold_pdf = os.path.join(out_dir, "chromium-cold.pdf")
    with open(page, encoding="utf-8") as f:
        html = f.read()
    warm, warm_failed = warm_runs_of(browser, url, html, out_dir, int(warm_runs), warm_pdf)

    cold = []
    for n in range(int(cold_runs)):
        t = time.perf_counter()
        subprocess.run(
            [browser, *FLAGS, f"--user-data-dir={os.path.join(out_dir, f'profile-cold-{n}')}",
             f"--print-to-pdf={cold_pdf}", url],
            check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=120)
        cold.append(time.perf_counter() - t)
    print(json.dumps({"warm": warm, "warm_failed": warm_failed, "cold": cold,
                      "warm_pdf": warm_pdf if warm else None, "cold_pdf": cold_pdf}))


if __name__ == "__main__":
    main()
