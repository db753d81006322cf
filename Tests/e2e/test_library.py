"""The library as readers and members meet it: the news feed read by a real feed parser, and a
member's practice sent, sent back with a note, changed, published and found by a visitor."""
import os
import subprocess
import urllib.request
import uuid

import feedparser
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from conftest import ADMIN_EMAIL, ADMIN_PASSWORD, click_and_wait_for_page


def test_the_news_feed_reads_in_a_feed_parser(server):
    with urllib.request.urlopen(server + "/news.atom", timeout=10) as response:
        assert response.headers["Content-Type"].startswith("application/atom+xml")
        body = response.read()
    feed = feedparser.parse(body)
    assert not feed.bozo, feed.get("bozo_exception")
    assert feed.version == "atom10"
    assert feed.feed.title.endswith("news")
    assert len(feed.entries) >= 20
    ids = [entry.id for entry in feed.entries]
    assert len(set(ids)) == len(ids)
    for entry in feed.entries:
        assert entry.id.startswith("urn:uuid:")
        assert entry.link.startswith(server + "/news/")
        assert entry.title and entry.updated_parsed
    hiring = next(entry for entry in feed.entries if entry.title == "We're Hiring!")
    assert hiring.published_parsed[:3] == (2017, 5, 17)
    water = feedparser.parse(server + "/news.atom?topic=water")
    assert not water.bozo
    titles = [entry.title for entry in water.entries]
    assert "Imagine a Day without Water" in titles
    assert "We're Hiring!" not in titles


def sign_in_as(browser, server, email, password):
    browser.delete_all_cookies()
    browser.get(server + "/sign-in")
    browser.find_element(By.ID, "email").send_keys(email)
    browser.find_element(By.ID, "password").send_keys(password)
    click_and_wait_for_page(browser, browser.find_element(By.CSS_SELECTOR, "main form button[type=submit]"))


def test_a_member_submits_an_editor_asks_for_changes_then_publishes(browser, server, civitas_env):
    email, password = f"member-{uuid.uuid4().hex[:6]}@example.org", "a long member password"
    created = subprocess.run([os.environ["CIVITAS_BIN"], "users", "create", "--email", email, "--role", "member", "--name", "Mo Member",
                              "--password", password], env=civitas_env, check=True, capture_output=True, text=True)
    # A password given on the command line is not repeated where output is kept (logs, scroll-back).
    assert "Created member" in created.stdout and password not in created.stdout + created.stderr
    title = "Shade trees on school routes " + uuid.uuid4().hex[:6]

    # The member sends a practice from their page.
    sign_in_as(browser, server, email, password)
    click_and_wait_for_page(browser, browser.find_element(By.LINK_TEXT, "Your practices"))
    click_and_wait_for_page(browser, browser.find_element(By.LINK_TEXT, "Send a practice"))
    browser.find_element(By.ID, "title").send_keys(title)
    Select(browser.find_element(By.ID, "status")).select_by_value("pilot")
    Select(browser.find_element(By.ID, "topic_ids")).select_by_visible_text("Climate")
    browser.find_element(By.ID, "summary").send_keys("Trees planted along the walks children take to school.")
    click_and_wait_for_page(browser, browser.find_element(By.CSS_SELECTOR, "form.stacked button[type=submit]"))
    assert "Waiting for an editor" in browser.page_source
    browser.get(server + "/practices?q=" + title.split()[-1])
    assert title not in browser.page_source

    # An editor asks for a change.
    sign_in_as(browser, server, ADMIN_EMAIL, ADMIN_PASSWORD)
    browser.get(server + "/staff/submissions")
    click_and_wait_for_page(browser, browser.find_element(By.LINK_TEXT, title))
    browser.find_element(By.ID, "note").send_keys("Please say what the trees cost and who waters them.")
    click_and_wait_for_page(browser, browser.find_element(By.XPATH, "//button[text()='Ask for changes']"))
    assert "Changes asked for" in browser.page_source

    # The member reads the note and changes the practice.
    sign_in_as(browser, server, email, password)
    browser.get(server + "/submissions")
    assert "who waters them" in browser.page_source
    click_and_wait_for_page(browser, browser.find_element(By.LINK_TEXT, "Change it"))
    browser.find_element(By.ID, "cost").send_keys("About $400 a tree, from the parks budget; volunteers water them.")
    click_and_wait_for_page(browser, browser.find_element(By.CSS_SELECTOR, "form.stacked button[type=submit]"))
    assert "Waiting for an editor" in browser.page_source

    # The editor publishes it.
    sign_in_as(browser, server, ADMIN_EMAIL, ADMIN_PASSWORD)
    browser.get(server + "/staff/submissions")
    click_and_wait_for_page(browser, browser.find_element(By.LINK_TEXT, title))
    click_and_wait_for_page(browser, browser.find_element(By.XPATH, "//button[text()='Publish']"))
    assert "Published" in browser.page_source

    # A visitor finds it from the topic page, with its transfer kit.
    browser.delete_all_cookies()
    browser.get(server + "/topics/climate")
    click_and_wait_for_page(browser, browser.find_element(By.LINK_TEXT, title))
    assert browser.find_element(By.TAG_NAME, "h1").text == title
    assert "About $400 a tree" in browser.page_source
