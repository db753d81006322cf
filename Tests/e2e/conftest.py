"""Starts a real Civitas server on a fresh SQLite file with the demo network, delivering its
mail by SMTP to a local sink (aiosmtpd) that accepts mail only after STARTTLS, and a headless Chromium driven by Selenium, for
tests that use the site as a person would."""
import os
import shutil
import socket
import ssl
import subprocess
import tempfile
import time
import threading
import urllib.request
from email import message_from_bytes, policy

import pytest
from aiosmtpd.controller import Controller
from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service

ADMIN_EMAIL = "admin@example.org"
ADMIN_PASSWORD = "a long admin password"


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class MailSink:
    """An SMTP server on loopback that keeps every message it receives."""

    def __init__(self):
        self.messages = []
        self.arrived = threading.Condition()

    async def handle_DATA(self, server, session, envelope):
        with self.arrived:
            self.messages.append((envelope.rcpt_tos, message_from_bytes(envelope.content, policy=policy.default)))
            self.arrived.notify_all()
        return "250 Message accepted for delivery"

    def wait_for(self, predicate, timeout=20):
        """The first message whose (recipients, message) satisfy predicate, waiting for it to arrive."""
        deadline = time.time() + timeout
        with self.arrived:
            while True:
                for recipients, message in self.messages:
                    if predicate(recipients, message):
                        return message
                remaining = deadline - time.time()
                if remaining <= 0:
                    raise AssertionError(f"no such mail arrived; got {[m['Subject'] for _, m in self.messages]}")
                self.arrived.wait(remaining)


@pytest.fixture(scope="session")
def mail():
    """The sink, its port and the certificate it presents (self-signed for localhost), which
    Civitas is told to trust; it refuses mail until the connection is encrypted."""
    certdir = tempfile.mkdtemp(prefix="civitas-e2e-tls-")
    cert, key = os.path.join(certdir, "cert.pem"), os.path.join(certdir, "key.pem")
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", "/CN=localhost",
                    "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1", "-keyout", key, "-out", cert],
                   check=True, capture_output=True)
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(cert, key)
    sink = MailSink()
    controller = Controller(sink, hostname="127.0.0.1", port=free_port(), tls_context=context, require_starttls=True)
    controller.start()
    yield (sink, controller.port, cert)
    controller.stop()
    shutil.rmtree(certdir, ignore_errors=True)


@pytest.fixture(scope="session")
def civitas_env(mail):
    workdir = tempfile.mkdtemp(prefix="civitas-e2e-")
    env = dict(os.environ, DATABASE_URL=f"sqlite://{workdir}/e2e.sqlite", CIVITAS_CACHE_SECONDS="0", LOG_LEVEL="warning",
               SMTP_URL=f"smtp://localhost:{mail[1]}?ca_file={mail[2]}", CIVITAS_MAIL_FROM="network@example.org")
    env.pop("CIVITAS_TEST_POSTGRES_URL", None)
    yield env
    shutil.rmtree(workdir, ignore_errors=True)


@pytest.fixture(scope="session")
def events_token(civitas_env, server):
    """An API token with the events:write scope, made as an admin would with the command line."""
    result = subprocess.run([os.environ["CIVITAS_BIN"], "tokens", "create", "--name", "e2e", "--scopes", "events:write"],
                            env=civitas_env, check=True, capture_output=True, text=True)
    return result.stdout.strip().splitlines()[-1]


@pytest.fixture(scope="session")
def server(civitas_env):
    binary = os.environ["CIVITAS_BIN"]
    port = free_port()
    env = civitas_env
    subprocess.run([binary, "users", "create", "--email", ADMIN_EMAIL, "--role", "admin", "--name", "Ada Admin",
                    "--password", ADMIN_PASSWORD], env=env, check=True, capture_output=True)
    process = subprocess.Popen([binary, "serve", "--port", str(port)], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    for _ in range(120):
        try:
            urllib.request.urlopen(base + "/readyz", timeout=1)
            break
        except OSError:
            time.sleep(0.5)
    else:
        process.kill()
        raise RuntimeError("the server did not become ready")
    yield base
    process.terminate()
    process.wait(timeout=10)


@pytest.fixture()
def browser():
    options = Options()
    for argument in ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1200,1000"]:
        options.add_argument(argument)
    options.binary_location = shutil.which("chromium") or "/usr/bin/chromium"
    driver = webdriver.Chrome(service=Service(shutil.which("chromedriver") or "/usr/bin/chromedriver"), options=options)
    driver.implicitly_wait(2)
    yield driver
    driver.quit()


def click_and_wait_for_page(browser, element, timeout=10):
    """Clicks a link or submit button and returns once the next page has loaded.

    Reading the page straight after a click can see the old page, so every
    navigation marks the current document before the click and waits for a
    document without the mark that has finished loading. The mark lives in the
    page's own script state, never in an element reference: asking the browser
    about an element of a document being torn down can fail with an inspector
    error rather than report the element as stale."""
    from selenium.common.exceptions import WebDriverException
    from selenium.webdriver.support.ui import WebDriverWait

    browser.execute_script("window.__civitasPreviousPage = true")
    element.click()

    def next_page_loaded(driver):
        try:
            return driver.execute_script(
                "return window.__civitasPreviousPage !== true && document.readyState === 'complete'")
        except WebDriverException:
            return False  # the old document went away mid-question: ask the new one

    WebDriverWait(browser, timeout).until(next_page_loaded)
