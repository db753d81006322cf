"""Every public page reads on a phone: nothing makes the page scroll sideways at 390 px."""
import json
import urllib.request

PHONE = {"width": 390, "height": 844, "deviceScaleFactor": 3, "mobile": True}


def public_pages(server):
    """The home page, every list, every published record, every library record and every event, and the forms a visitor uses."""
    pages = ["/", "/sign-in", "/events", "/events?when=past"]
    for kind, plural in [("area", "areas"), ("organization", "organizations"), ("person", "people"),
                         ("post", "posts"), ("topic", "topics")]:
        pages.append("/" + plural)
        listing = json.load(urllib.request.urlopen(f"{server}/api/v1/{plural}?per=100"))
        pages += [f"/{plural}/{item['slug']}" for item in listing["items"]]
    sources = json.load(urllib.request.urlopen(f"{server}/api/v1/sources?per=100"))
    pages += [f"/sources/{item['slug']}" for item in sources["items"]]
    for plural in ["practices", "resources", "news"]:
        pages.append("/" + plural)
        listing = json.load(urllib.request.urlopen(f"{server}/api/v1/{plural}?per=100"))
        pages += [f"/{plural}/{item['slug']}" for item in listing["items"]]
    events = json.load(urllib.request.urlopen(f"{server}/api/v1/events?when=all&per=100"))
    pages += [f"/events/{item['slug']}" for item in events["items"]]
    return pages


def test_no_public_page_scrolls_sideways_on_a_phone(browser, server):
    browser.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", PHONE)
    pages = public_pages(server)
    assert len(pages) > 100
    too_wide = []
    for path in pages:
        browser.get(server + path)
        width = browser.execute_script("return document.documentElement.scrollWidth")
        viewport = browser.execute_script("return document.documentElement.clientWidth")
        if width > viewport:
            widest = browser.execute_script("""
                const wide = [...document.querySelectorAll('body *')]
                  .filter(e => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
                  .map(e => e.tagName.toLowerCase() + (e.className ? '.' + e.className : ''));
                return wide.slice(0, 3).join(', ');""")
            too_wide.append(f"{path}: {width} px wide ({widest})")
    assert not too_wide, "pages wider than a 390 px phone:\n" + "\n".join(too_wide)
