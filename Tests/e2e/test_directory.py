"""The directory as visitors and staff meet it in a real browser."""
import json
import uuid

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from conftest import ADMIN_EMAIL, ADMIN_PASSWORD, click_and_wait_for_page


def sign_in(browser, server):
    browser.get(server + "/sign-in")
    browser.find_element(By.ID, "email").send_keys(ADMIN_EMAIL)
    browser.find_element(By.ID, "password").send_keys(ADMIN_PASSWORD)
    click_and_wait_for_page(browser, browser.find_element(By.CSS_SELECTOR, "main form button[type=submit]"))
    assert "Ada Admin" in browser.find_element(By.CSS_SELECTOR, "header").text


def test_visitor_follows_a_mayor_to_their_city(browser, server):
    browser.get(server + "/")
    click_and_wait_for_page(browser, browser.find_element(By.LINK_TEXT, "People"))
    browser.find_element(By.ID, "q").send_keys("garcetti")
    click_and_wait_for_page(browser, browser.find_element(By.CSS_SELECTOR, "form.search button"))
    click_and_wait_for_page(browser, browser.find_element(By.LINK_TEXT, "Eric Garcetti"))
    assert browser.find_element(By.TAG_NAME, "h1").text == "Eric Garcetti"
    schema = json.loads(browser.find_element(By.CSS_SELECTOR, "script[type='application/ld+json']").get_attribute("textContent"))
    # The page describes the person, and its place in the site, in one JSON-LD graph.
    types = [item["@type"] for item in schema["@graph"]]
    assert types == ["Person", "BreadcrumbList"]
    click_and_wait_for_page(browser, browser.find_element(By.LINK_TEXT, "Mayor of Los Angeles"))
    click_and_wait_for_page(browser, browser.find_element(By.LINK_TEXT, "Los Angeles"))
    assert "Office holders over time" in browser.page_source
    assert "1 July 2013 – 12 December 2022" in browser.page_source


def test_staff_create_and_unpublish_a_topic(browser, server):
    sign_in(browser, server)
    name = "Heat resilience " + uuid.uuid4().hex[:6]
    browser.get(server + "/staff/topics/new")
    browser.find_element(By.ID, "name").send_keys(name)
    browser.find_element(By.ID, "description").send_keys("Cooling centres and tree canopy")
    click_and_wait_for_page(browser, browser.find_element(By.CSS_SELECTOR, "form.stacked button[type=submit]"))
    assert "Edit topic" in browser.find_element(By.TAG_NAME, "h1").text

    browser.get(server + "/topics")
    assert name in browser.page_source

    browser.get(server + "/staff/topics?q=" + name.split()[-1])
    click_and_wait_for_page(browser, browser.find_element(By.LINK_TEXT, "Edit"))
    click_and_wait_for_page(browser, browser.find_element(By.XPATH, "//button[text()='Unpublish']"))
    assert "hidden from the public" in browser.page_source
    browser.get(server + "/topics")
    assert name not in browser.page_source


def test_staff_form_errors_keep_the_input(browser, server):
    sign_in(browser, server)
    browser.get(server + "/staff/areas/new")
    browser.find_element(By.ID, "name").send_keys("Springfield")
    Select(browser.find_element(By.ID, "classification")).select_by_value("city")
    browser.find_element(By.ID, "time_zone").send_keys("Mars/Olympus_Mons")
    click_and_wait_for_page(browser, browser.find_element(By.CSS_SELECTOR, "form.stacked button[type=submit]"))
    assert "must be an IANA time zone" in browser.page_source
    assert browser.find_element(By.ID, "name").get_attribute("value") == "Springfield"


def test_staff_record_a_mayoral_term_with_the_form_choices(browser, server):
    sign_in(browser, server)
    browser.get(server + "/staff/memberships/new")
    Select(browser.find_element(By.ID, "person_id")).select_by_visible_text("Tom Bates")
    Select(browser.find_element(By.ID, "post_id")).select_by_visible_text("Mayor of Tacoma")
    browser.find_element(By.ID, "role").send_keys("Mayor")
    browser.find_element(By.ID, "start_date").send_keys("2031-01-02")
    Select(browser.find_element(By.ID, "source_ids")).select_by_visible_text("Featured news of the Mayors Innovation Project, 2012–2020")
    click_and_wait_for_page(browser, browser.find_element(By.CSS_SELECTOR, "form.stacked button[type=submit]"))
    assert "Edit membership" in browser.find_element(By.TAG_NAME, "h1").text
    browser.get(server + "/areas/tacoma")
    row = browser.find_element(By.XPATH, "//tr[td/a[text()='Tom Bates']]")
    assert "Mayor of Tacoma" in row.text
    assert "since 2 January 2031" in row.text
