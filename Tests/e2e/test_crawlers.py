"""The site as search engines meet it: robots.txt read by Python's own robots.txt parser
(urllib.robotparser), and the sitemap it names read by a real sitemap consumer
(ultimate-sitemap-parser), which finds it from the home page as crawlers do."""
import urllib.request
import urllib.robotparser

from usp.tree import sitemap_tree_for_homepage


def robots(server):
    parser = urllib.robotparser.RobotFileParser(server + "/robots.txt")
    parser.read()
    return parser


def test_robots_txt_opens_the_public_pages_and_closes_the_rest(server):
    rules = robots(server)
    for path in ["/", "/people", "/people/eric-garcetti", "/events/2018-winter-meeting", "/practices/pro-athletes-as-a-community-bridge",
                 "/news", "/news.atom", "/topics", "/areas/milwaukee", "/events.ics"]:
        assert rules.can_fetch("ExampleBot", server + path), f"{path} is closed to crawlers"
    for path in ["/staff", "/staff/people", "/account", "/submissions", "/api/v1/people", "/api/v1/openapi.json", "/search?q=housing"]:
        assert not rules.can_fetch("ExampleBot", server + path), f"{path} is open to crawlers"
    assert rules.site_maps() == [server + "/sitemap.xml"]


def test_the_sitemap_lists_every_public_page_a_crawler_may_read(server):
    tree = sitemap_tree_for_homepage(server + "/")
    addresses = [page.url for page in tree.all_pages()]
    assert len(addresses) == len(set(addresses)), "each page once"
    for path in ["/", "/practices", "/people/eric-garcetti", "/events/2018-winter-meeting", "/practices/pro-athletes-as-a-community-bridge",
                 "/resources/setting-the-agenda-water-affordability", "/organizations/mayors-innovation-project", "/areas/milwaukee"]:
        assert server + path in addresses, f"{path} is not in the sitemap"
    rules = robots(server)
    for address in addresses:
        assert address.startswith(server + "/")
        assert rules.can_fetch("ExampleBot", address), f"the sitemap lists {address}, which robots.txt closes"
        request = urllib.request.Request(address, method="HEAD")
        with urllib.request.urlopen(request, timeout=10) as response:
            assert response.status == 200, address
