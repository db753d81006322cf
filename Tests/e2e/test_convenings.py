"""Convenings as people meet them: calendars opened by a calendar program's parser, mail
delivered by SMTP (upgraded with STARTTLS) with its invitation attached, and registering and cancelling in a browser."""
import datetime
import json
import urllib.request
import uuid

import icalendar
from selenium.webdriver.common.by import By

from conftest import click_and_wait_for_page


def fetch(url, data=None, headers=None, method=None):
    request = urllib.request.Request(url, data=data, headers=headers or {}, method=method)
    with urllib.request.urlopen(request, timeout=10) as response:
        return response.status, response.headers, response.read()


def parse_calendar(body):
    """Parses with icalendar and checks what RFC 5545 requires of every event and zone."""
    calendar = icalendar.Calendar.from_ical(body)
    assert calendar["VERSION"] == "2.0"
    assert calendar.get("PRODID")
    zones = {str(zone["TZID"]) for zone in calendar.walk("VTIMEZONE")}
    events = calendar.walk("VEVENT")
    for event in events:
        for required in ("UID", "DTSTAMP", "DTSTART", "DTEND", "SEQUENCE", "STATUS", "URL", "SUMMARY"):
            assert event.get(required) is not None, f"{required} missing from {event.get('UID')}"
        start = event.decoded("DTSTART")
        if isinstance(start, datetime.datetime):
            assert start.tzinfo is not None
            tzid = event["DTSTART"].params.get("TZID")
            assert tzid in zones, f"DTSTART names zone {tzid} but the calendar has no VTIMEZONE for it"
        else:
            # A whole-day event: dates, and DTEND the day after the last.
            assert event["DTSTART"].params.get("VALUE") == "DATE"
        assert event.decoded("DTEND") > start
    return calendar, events


def create_event(server, token, **fields):
    body = {"title": "Summer policy webinar " + uuid.uuid4().hex[:6], "kind": "webinar", "starts_at": "2031-06-12T14:00",
            "ends_at": "2031-06-12T15:30", "time_zone": "America/Chicago", "attendance_mode": "online",
            "online_url": "https://meet.example.org/summer", "registration_mode": "open", "capacity": 1}
    body.update(fields)
    status, _, answer = fetch(server + "/api/v1/events", json.dumps(body).encode(), method="POST",
                              headers={"Content-Type": "application/json", "Authorization": "Bearer " + token})
    assert status == 201
    return json.loads(answer)


def test_event_calendar_opens_in_a_calendar_parser(server):
    status, headers, body = fetch(server + "/events/2018-winter-meeting.ics")
    assert status == 200
    assert headers["Content-Type"].startswith("text/calendar")
    _, events = parse_calendar(body)
    assert len(events) == 1
    event = events[0]
    assert str(event["SUMMARY"]) == "U.S. Conference of Mayors Winter Meeting 2018"
    # The documents give the three days, not the hours: a whole-day entry, 24 to 26 January.
    assert event["DTSTART"].params["VALUE"] == "DATE"
    assert event.decoded("DTSTART") == datetime.date(2018, 1, 24)
    assert event.decoded("DTEND") == datetime.date(2018, 1, 27)
    assert str(event["UID"]) == "event-2018-winter-meeting@civitas"
    assert str(event["URL"]).endswith("/events/2018-winter-meeting")
    # The same event keeps its UID from one download to the next.
    _, _, again = fetch(server + "/events/2018-winter-meeting.ics")
    assert icalendar.Calendar.from_ical(again).walk("VEVENT")[0]["UID"] == event["UID"]


def test_feeds_of_upcoming_events_parse_and_hold_new_events(server, events_token):
    created = create_event(server, events_token, topic_ids=[])
    _, _, body = fetch(server + "/events.ics")
    _, events = parse_calendar(body)
    assert created["title"] in [str(event["SUMMARY"]) for event in events]
    _, _, topics = fetch(server + "/api/v1/topics?per=100")
    slug = json.loads(topics)["items"][0]["slug"]
    _, _, topic_feed = fetch(server + f"/topics/{slug}/events.ics")
    parse_calendar(topic_feed)


def test_registration_mail_arrives_by_smtp_with_its_calendar(server, events_token, mail):
    sink = mail[0]
    event = create_event(server, events_token)
    email = f"ana-{uuid.uuid4().hex[:6]}@example.org"
    status, _, answer = fetch(server + f"/api/v1/events/{event['slug']}/registrations",
                              json.dumps({"name": "Ana Ruiz", "email": email, "organization": "City of Tucson"}).encode(),
                              method="POST", headers={"Content-Type": "application/json"})
    # Anonymous: the same answer whatever happened; the outcome comes by mail.
    assert status == 202 and json.loads(answer)["status"] == "received"
    message = sink.wait_for(lambda recipients, _: email in recipients)
    assert "is confirmed" in message["Subject"]
    assert message["To"].addresses[0].addr_spec == email
    assert message["From"].addresses[0].addr_spec == "network@example.org"
    assert event["title"] in message["Subject"]
    text = message.get_body(preferencelist=("plain",)).get_content()
    personal = next(word for word in text.split() if "/registrations/" in word)
    _, _, page = fetch(personal)
    assert b"https://meet.example.org/summer" in page, "the personal page of a confirmed participant shows where to join"
    invites = [part for part in message.iter_attachments() if part.get_content_type() == "text/calendar"]
    assert len(invites) == 1
    content = invites[0].get_content()
    _, events = parse_calendar(content.encode() if isinstance(content, str) else content)
    assert str(events[0]["SUMMARY"]) == event["title"]


def test_visitor_registers_is_waitlisted_and_cancels(browser, server, events_token, mail):
    sink = mail[0]
    event = create_event(server, events_token, capacity=1)
    fetch(server + f"/api/v1/events/{event['slug']}/registrations",
          json.dumps({"name": "First Comer", "email": f"first-{uuid.uuid4().hex[:6]}@example.org"}).encode(),
          method="POST", headers={"Content-Type": "application/json"})

    browser.get(server + f"/events/{event['slug']}")
    assert "America/Chicago" in browser.find_element(By.CSS_SELECTOR, "main").text
    click_and_wait_for_page(browser, browser.find_element(By.LINK_TEXT, "Join the waiting list"))
    email = f"bo-{uuid.uuid4().hex[:6]}@example.org"
    browser.find_element(By.ID, "name").send_keys("Bo Lindqvist")
    browser.find_element(By.ID, "email").send_keys(email)
    browser.find_element(By.ID, "organization").send_keys("City of Madison")
    click_and_wait_for_page(browser, browser.find_element(By.CSS_SELECTOR, "form.stacked button[type=submit]"))
    # The same answer whether or not the address was registered before: the link comes by mail.
    assert "Check your e-mail" in browser.find_element(By.CSS_SELECTOR, "h1").text
    assert email in browser.find_element(By.CSS_SELECTOR, "[role=status]").text

    # The personal link in the mail shows the place on the waiting list.
    message = sink.wait_for(lambda recipients, _: email in recipients)
    assert "waiting list" in message["Subject"]
    personal = next(word for word in message.get_body(preferencelist=("plain",)).get_content().split() if "/registrations/" in word)
    browser.get(personal)
    assert "number 1 on the list" in browser.find_element(By.CSS_SELECTOR, "main").text
    assert "meet.example.org" not in browser.page_source, "the online link is for confirmed participants only"

    click_and_wait_for_page(browser, browser.find_element(By.XPATH, "//button[text()='Leave the waiting list']"))
    assert "Your registration is cancelled." in browser.find_element(By.CSS_SELECTOR, "[role=status]").text
    _, _, answer = fetch(server + f"/api/v1/events/{event['slug']}")
    assert json.loads(answer)["registrations"] == {"confirmed": 1, "waitlisted": 0, "remaining": 0}
