"""The web page in headless Chromium (Debian's chromium + chromedriver, driven by Selenium): search, open
the seed filing, click its upfront value and find "$2 million" marked; markup in a filing is shown, never run."""

from __future__ import annotations

import os
import urllib.parse
from collections.abc import Iterator
from pathlib import Path

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.remote.webdriver import WebDriver
from selenium.webdriver.support.ui import WebDriverWait

from tests.web.conftest import HOSTILE_KEY, Server, chromium_paths

# Where screenshots go: $EIGHTK_SCREENSHOTS when set (a developer looking at them), else the test's tmp dir.
SHOTS = os.environ.get("EIGHTK_SCREENSHOTS")


@pytest.fixture(scope="module")
def browser() -> Iterator[WebDriver]:
    binary, driver = chromium_paths()
    options = webdriver.ChromeOptions()
    options.binary_location = binary
    for arg in (
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--window-size=1400,1000",
    ):
        options.add_argument(arg)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    chrome = webdriver.Chrome(service=Service(driver), options=options)
    chrome.set_page_load_timeout(30)
    yield chrome
    chrome.quit()


def open_view(browser: WebDriver, url: str) -> None:
    """Load ``url`` and wait until the page says its view is drawn (or failed)."""
    browser.get(url)
    WebDriverWait(browser, 20).until(lambda b: b.execute_script("return document.body.dataset.ready"))
    assert browser.execute_script("return document.body.dataset.ready") != "error", browser.page_source[:2000]


def shot(browser: WebDriver, tmp_path: Path, name: str) -> Path:
    folder = Path(SHOTS) if SHOTS else tmp_path
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    assert browser.save_screenshot(str(path))
    assert path.stat().st_size > 10_000  # a drawn page, not an empty one
    return path


def test_search_open_seed_and_mark_the_upfront(browser: WebDriver, server: Server, tmp_path: Path) -> None:
    open_view(browser, server.base + "/#/search?q=" + urllib.parse.quote('"up-front payment"'))
    hits = browser.find_elements(By.CSS_SELECTOR, "li.hit")
    assert hits and any("ImmunoGen" in h.text for h in hits)
    assert browser.find_elements(By.CSS_SELECTOR, "li.hit .snippet mark")  # matched words highlighted
    assert any(label.text.startswith("Item 5") for label in browser.find_elements(By.CSS_SELECTOR, ".label"))
    browser.find_element(By.PARTIAL_LINK_TEXT, "ImmunoGen").click()
    WebDriverWait(browser, 20).until(
        lambda b: (b.execute_script("return document.body.dataset.ready") or "").startswith("/filing")
    )
    assert "ITEM 5" in browser.find_element(By.ID, "doc-1").text
    assert not browser.find_elements(By.CSS_SELECTOR, "mark.current")
    browser.find_element(By.CSS_SELECTOR, "button.value[data-field=upfront]").click()
    current = browser.find_elements(By.CSS_SELECTOR, "mark.current")
    assert "".join(m.text for m in current) == "$2 million"
    assert current[0].is_displayed()
    milestones = browser.find_elements(By.CSS_SELECTOR, "mark.v[data-field=milestones]")
    assert "".join(m.text for m in milestones).endswith("$40 million")
    shot(browser, tmp_path, "seed-filing-upfront.png")


def test_an_unreadable_query_is_offered_as_a_phrase(browser: WebDriver, server: Server) -> None:
    open_view(browser, server.base + "/#/search?q=" + urllib.parse.quote('"up-front payment'))  # an unclosed quote
    assert "cannot read the search query" in browser.find_element(By.CSS_SELECTOR, "#results .error").text
    browser.find_element(By.CSS_SELECTOR, "a.as-phrase").click()
    WebDriverWait(browser, 20).until(lambda b: b.find_elements(By.CSS_SELECTOR, "li.hit"))
    assert any("ImmunoGen" in h.text for h in browser.find_elements(By.CSS_SELECTOR, "li.hit"))


def test_deals_table_sorts_by_upfront(browser: WebDriver, server: Server, tmp_path: Path) -> None:
    open_view(browser, server.base + "/#/deals?sort=upfront&order=asc")
    rows = browser.find_elements(By.CSS_SELECTOR, "table.deals tbody tr")
    upfronts = [r.find_elements(By.TAG_NAME, "td")[4].text for r in rows]
    assert upfronts[:2] == ["$2,000,000", "$310,000,000"]
    browser.find_element(By.LINK_TEXT, "Upfront ▲").click()
    WebDriverWait(browser, 20).until(
        lambda b: "order=desc" in b.current_url and b.execute_script("return document.body.dataset.ready")
    )
    rows = browser.find_elements(By.CSS_SELECTOR, "table.deals tbody tr")
    assert [r.find_elements(By.TAG_NAME, "td")[4].text for r in rows][:2] == ["$310,000,000", "$2,000,000"]
    shot(browser, tmp_path, "deals.png")


def test_company_timeline(browser: WebDriver, server: Server) -> None:
    open_view(browser, server.base + "/#/company?cik=320193")
    dates = [t.text for t in browser.find_elements(By.CSS_SELECTOR, ".timeline time")]
    assert len(dates) >= 2 and dates == sorted(dates)
    assert browser.find_elements(By.CSS_SELECTOR, ".timeline .etype")


def _ran(browser: WebDriver) -> object:
    return browser.execute_script("return window.__xss === undefined ? null : window.__xss")


def test_markup_in_a_filing_is_shown_never_run(browser: WebDriver, server: Server, tmp_path: Path) -> None:
    open_view(browser, server.base + "/#/filing/" + HOSTILE_KEY)
    text = browser.find_element(By.ID, "doc-1").text
    assert "<script>window.__xss=1</script>" in text and 'onerror="window.__xss=1"' in text
    assert "<img src=x onerror=window.__xss=1>" in browser.find_element(By.TAG_NAME, "h1").text
    assert not browser.find_elements(By.CSS_SELECTOR, "#main script, #main img, #main [onerror], #main [onmouseover]")
    open_view(browser, server.base + "/#/search?q=zanzibar")
    assert "onerror" in browser.find_element(By.ID, "results").text
    assert not browser.find_elements(By.CSS_SELECTOR, "#main script, #main img")
    shot(browser, tmp_path, "hostile-search.png")
    assert _ran(browser) is None
    blocked = [e for e in browser.get_log("browser") if "Content Security Policy" in e.get("message", "")]
    assert blocked == []  # nothing even tried to run inline


def test_api_reference_page_draws_the_spec(browser: WebDriver, server: Server) -> None:
    browser.get(server.base + "/docs")
    WebDriverWait(browser, 20).until(lambda b: b.find_elements(By.CSS_SELECTOR, "#paths .card h2"))
    titles = [h.text for h in browser.find_elements(By.CSS_SELECTOR, "#paths .card h2")]
    assert "GET /api/search" in titles and "GET /api/deals" in titles
    assert not [e for e in browser.get_log("browser") if e.get("level") == "SEVERE"]
