"""Search as a visitor meets it: the box on every page, facets that narrow without
JavaScript, and a result that leads to its record."""
from selenium.webdriver.common.by import By

from conftest import click_and_wait_for_page


def test_a_visitor_searches_narrows_by_two_facets_and_opens_a_result(server, browser):
    browser.get(server + "/")
    box = browser.find_element(By.CSS_SELECTOR, "form.site-search input[name=q]")
    box.send_keys("water")
    click_and_wait_for_page(browser, browser.find_element(By.CSS_SELECTOR, "form.site-search button"))
    assert "/search?q=water" in browser.current_url

    def total():
        counts = [p.text for p in browser.find_elements(By.CSS_SELECTOR, "main p.meta") if p.text.endswith(("result", "results"))]
        return int(counts[0].split()[0])

    everything = total()

    def facet_link(legend, label):
        for fieldset in browser.find_elements(By.CSS_SELECTOR, ".facets fieldset"):
            if fieldset.find_element(By.TAG_NAME, "legend").text == legend:
                for link in fieldset.find_elements(By.TAG_NAME, "a"):
                    if label in link.text:
                        return link
        raise AssertionError(f"no {label} under {legend}")

    click_and_wait_for_page(browser, facet_link("Kind", "Resources"))
    click_and_wait_for_page(browser, facet_link("Topic", "Water"))
    assert "kind=resource" in browser.current_url and "topic=water" in browser.current_url
    assert 0 < total() < everything
    results = browser.find_elements(By.CSS_SELECTOR, "ol.results li")
    assert results, "two facets chosen still leave results"
    for result in results:
        assert "Resources" in result.find_element(By.CSS_SELECTOR, ".tag").text
    assert browser.find_elements(By.CSS_SELECTOR, "ol.results mark"), "the matched word is marked"
    link = results[0].find_element(By.CSS_SELECTOR, "h2 a")
    title = link.text
    click_and_wait_for_page(browser, link)
    assert "/resources/" in browser.current_url
    assert browser.find_element(By.TAG_NAME, "h1").text.startswith(title.split(":")[0])
