"""The seminar page in a real browser: Debian's chromium, headless, driven by chromedriver through
python3-selenium, against `entente serve --port 0`.

Usage: browser_test.py ENTENTE TEST_DATA_DIR [--screenshots DIR]

Drives what a teacher does: search an actor by another name, click a node to move the focus,
open a tie's claims and filter them, a what-if that moves the balance camps (with its banner),
the as-of date (typed and on the slider), the URL round trip, an unknown name with its
suggestion; then a dataset of hostile names, whose text must stay text. With --screenshots the
main views are saved at 1920x1080 for docs/serve.md. Exits 77 (skipped) only when chromium,
chromedriver or selenium is not installed (./setup.sh --test installs them).
"""

import json
import os
import shutil
import sys
import tempfile
import urllib.parse
import urllib.request

import big_star
from serve_lib import Server, check, cli, failures

entente, data = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
shots = sys.argv[sys.argv.index("--screenshots") + 1] if "--screenshots" in sys.argv else None

chromium = shutil.which("chromium") or "/usr/bin/chromium"
chromedriver = shutil.which("chromedriver") or "/usr/bin/chromedriver"
try:
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys
    from selenium.webdriver.support.ui import WebDriverWait
except ImportError:
    print("SKIP: python3-selenium is not installed (./setup.sh --test installs it)")
    sys.exit(77)
for path, package in [(chromium, "chromium"), (chromedriver, "chromium-driver")]:
    if not os.access(path, os.X_OK):
        print("SKIP: %s is not installed (./setup.sh --test installs %s)" % (path, package))
        sys.exit(77)


profile = tempfile.mkdtemp(prefix="entente-chromium-")
options = webdriver.ChromeOptions()
options.binary_location = chromium
# No network here: without these Chromium waits on refused connections at every start.
for flag in ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
             "--disable-background-networking", "--disable-component-update", "--disable-sync",
             "--disable-dev-shm-usage", "--window-size=1920,1080", "--hide-scrollbars",
             "--user-data-dir=" + profile]:
    options.add_argument(flag)
driver = webdriver.Chrome(service=Service(chromedriver), options=options)
# The page exactly 1920x1080 (a projector's), whatever the headless window's frame takes.
driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                       {"width": 1920, "height": 1080, "deviceScaleFactor": 1, "mobile": False})
driver.set_page_load_timeout(60)
wait = WebDriverWait(driver, 30)


def by_id(i):
    return driver.find_element(By.ID, i)


def answered():
    """Waits until the page has finished asking (an answer or an error is shown)."""
    wait.until(lambda d: d.execute_script(
        "return document.body.dataset.ready === '1' && !document.body.dataset.loading"))


def text(i):
    return by_id(i).text


def query_of_url():
    return urllib.parse.parse_qs(urllib.parse.urlparse(driver.current_url).query)


def shot(name):
    if shots:
        os.makedirs(shots, exist_ok=True)
        driver.save_screenshot(os.path.join(shots, name + ".png"))
        print("     screenshot %s.png" % name)


def node_ids():
    return set(driver.execute_script(
        "return Array.from(document.querySelectorAll('#drawing g.node')).map(g => g.id)"))


def click_svg(selector):
    # SVG groups take clicks through JavaScript's dispatch as a mouse click would reach them.
    driver.execute_script(
        "document.querySelector(arguments[0]).dispatchEvent(new MouseEvent('click', "
        "{bubbles: true}))", selector)


try:
    with Server(entente) as server:
        base = server.url
        # Search by another name (an alias): the neighbourhood of Pakistan.
        driver.get(base + "/")
        wait.until(lambda d: d.execute_script("return document.body.dataset.ready === '1'"))
        by_id("search").send_keys("Islamabad")
        by_id("search-go").click()
        answered()
        check("search by alias", text("summary").splitlines()[0],
              "Neighbourhood of Pakistan, depth 1")
        check("search in the URL", (query_of_url().get("view"), query_of_url().get("a")),
              (["neighbors"], ["Islamabad"]))
        check("neighbourhood drawn", {"actor-pakistan", "actor-china"} <= node_ids(), True)
        shot("neighbors-pakistan")

        # One line per pair: a pair's line lists as many claims as its label counts.
        by_claim = len(driver.find_elements(By.CSS_SELECTOR, "#drawing g.edge"))
        by_id("per-pair").click()
        answered()
        check("per pair in the URL", query_of_url().get("pairs"), ["1"])
        by_pair = len(driver.find_elements(By.CSS_SELECTOR, "#drawing g.edge"))
        check("per pair: fewer lines", 0 < by_pair < by_claim, True)
        label = driver.execute_script(
            "return document.querySelector('#drawing g.edge#pair-russia--pakistan text')"
            ".textContent")
        click_svg("#drawing g.edge#pair-russia--pakistan")
        count = int(label.split(" ")[0])  # "4 claims: 4 +"
        check("pair's claims listed", text("claims-title"),
              "Claims behind russia – pakistan (%d)" % count)
        shot("neighbors-pakistan-per-pair")
        by_id("zoom").click()
        check("actual size", by_id("drawing").get_attribute("class"), "actual")
        by_id("zoom").click()
        by_id("per-pair").click()
        answered()

        # A click on a node moves the focus.
        click_svg("#drawing g.node#actor-china")
        answered()
        check("click moves focus", text("summary").splitlines()[0],
              "Neighbourhood of China, depth 1")
        check("focus in the URL", query_of_url().get("a"), ["china"])
        check("search box cleared", by_id("search").get_attribute("value"), "")

        # A tie's claims: the first drawn edge between China and Pakistan.
        # (China partners with Pakistan when drawn, else the first claim drawn)
        edge = driver.execute_script(
            "const edges = Array.from(document.querySelectorAll('#drawing g.edge'))"
            ".filter(g => g.id.startsWith('claim-'));"
            "const e = edges.find(g => g.querySelector('title').textContent === "
            "'china->pakistan') || edges[0]; return e ? e.id : null")
        check("an edge with a claim id is drawn", edge is not None, True)
        click_svg("#drawing g.edge#" + edge)
        claim_id = edge[len("claim-"):]
        check("the tie's claim in the panel", text("claims-title"), "Claim %s (1)" % claim_id)
        item = driver.find_element(By.CSS_SELECTOR, "#claims li")
        check("claim item is that claim", item.get_attribute("data-claim"), claim_id)
        meta = item.find_element(By.CSS_SELECTOR, ".meta").text
        check("asserter, modality, confidence shown",
              "asserted by " in meta and "confidence " in meta, True)
        links = item.find_elements(By.CSS_SELECTOR, ".meta a")
        check("source linked", bool(links) and links[0].get_attribute("href").startswith("https://"),
              True)
        check("the edge is marked", driver.execute_script(
            "return document.querySelector('#drawing g.edge.selected').id"), edge)
        shot("claims-of-a-tie")
        by_id("claims-all").click()
        all_count = len(driver.find_elements(By.CSS_SELECTOR, "#claims li"))
        by_id("filter-confidence").clear()
        by_id("filter-confidence").send_keys("0.95", Keys.TAB)
        filtered = driver.find_elements(By.CSS_SELECTOR, "#claims li")
        check("confidence filter narrows", 0 < all_count and len(filtered) <= all_count, True)
        check("confidence filter keeps only confident claims", all(
            float(li.find_element(By.CSS_SELECTOR, ".meta").text.split("confidence ")[1]
                  .split(" ")[0]) >= 0.95 for li in filtered), True)
        by_id("filter-confidence").clear()
        by_id("filter-confidence").send_keys("0", Keys.TAB)

        # Balance, then a what-if that moves the camps, said plainly on the page.
        driver.get(base + "/?view=balance")
        answered()
        before = driver.find_element(By.ID, "camps-1").text
        check("no banner for the data as it stands", by_id("hypothetical").is_displayed(), False)
        shot("balance")
        by_id("assume").send_keys("russia hostile_to india")
        by_id("assume-add").click()
        answered()
        after = driver.find_element(By.ID, "camps-1").text
        check("the what-if moves the camps", before != after, True)
        check("hypothetical banner", text("hypothetical"),
              "Hypothetical — not the data as it stands: assuming “russia hostile_to india”")
        check("what-if in the URL", query_of_url().get("assume"), ["russia hostile_to india"])
        check("drawing titled with the scenario", "scenario: assuming" in driver.execute_script(
            "return document.querySelector('#drawing svg').textContent"), True)
        shot("balance-what-if")
        # The downloads of this view: the PNG and the cited claims as CSV, of the same question.
        png_link = by_id("download-png").get_attribute("href")
        csv_link = by_id("download-csv").get_attribute("href")
        check("PNG link is the question's drawing",
              png_link, base + "/png/balance?" + urllib.parse.urlencode(
                  {"assume": "russia hostile_to india"}))
        check("CSV link is the question's claims",
              csv_link, base + "/csv/balance?" + urllib.parse.urlencode(
                  {"assume": "russia hostile_to india"}))
        with urllib.request.urlopen(png_link, timeout=30) as r:
            check("PNG download", (r.headers.get("Content-Type"), r.read(8)),
                  ("image/png", b"\x89PNG\r\n\x1a\n"))
        with urllib.request.urlopen(csv_link, timeout=30) as r:
            check("CSV download header", r.read().split(b"\r\n")[0].split(b",")[:4],
                  [b"claim", b"subject", b"object", b"relation"])

        # As of a date: typed, then moved on the slider.
        driver.get(base + "/?view=align&a=russia&b=pakistan")
        answered()
        check("align answered", text("summary").splitlines()[0],
              "Alignment of Russia and Pakistan: +0.71")
        # The pair's series, charted: one point per year with a score, as `align --by year`.
        wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, "#series svg, #series p"))
        points = driver.execute_script(
            "return Array.from(document.querySelectorAll('#series circle title'))"
            ".map(t => t.textContent)")
        status, _, body = server.get("/api/series?a=russia&b=pakistan")
        want = [(p["period"], p["score"], p["objects"])
                for p in json.loads(body)["series"] if p["score"] is not None]
        got = []
        for t in points:  # "2024: +0.71 over 12 objects"
            period, rest = t.split(": ")
            score, _, n, _ = rest.split(" ")
            got.append((period, float(score), int(n)))
        check("series charted, a point per year with a score",
              (len(got) > 1, [(p, n) for p, _, n in got]), (True, [(p, n) for p, _, n in want]))
        check("series points at the API's scores (to the 2 decimals shown)",
              all(abs(g[1] - w[1]) <= 0.005 + 1e-9 for g, w in zip(got, want)), True)
        shot("align")
        by_id("as-of").send_keys("2019", Keys.ENTER)
        answered()
        check("as-of answered", driver.find_element(By.CSS_SELECTOR, "#summary .scenario").text,
              "scenario: as of 2019")
        check("as-of in the URL", query_of_url().get("as_of"), ["2019"])
        wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, "#series svg"))
        check("as-of year marked on the series", driver.execute_script(
            "return Array.from(document.querySelectorAll('#series text.as-of'))"
            ".map(t => t.textContent)"), ["as of 2019"])
        slider = by_id("as-of-slider")
        slider.send_keys(Keys.ARROW_RIGHT)
        answered()
        check("slider moves the date", query_of_url().get("as_of"), ["2020"])
        check("slider answer", driver.find_element(By.CSS_SELECTOR, "#summary .scenario").text,
              "scenario: as of 2020")
        shot("align-as-of")

        # The other questions, each from its link.
        driver.get(base + "/?view=diverge&a=russia&b=pakistan")
        answered()
        check("diverge answered", text("summary").splitlines()[0].startswith(
            "Where Russia and Pakistan diverge: "), True)
        check("roadblock marked", "roadblock" in text("summary"), True)
        shot("diverge")
        driver.get(base + "/?view=ranking&a=russia")
        answered()
        check("ranking answered", text("summary").splitlines()[0],
              "Who aligns with Russia (alignment)")
        driver.get(base + "/?view=path&a=pakistan&b=united-states&k=3")
        answered()
        check("paths answered", [line.split(":")[0] for line in text("summary").splitlines()],
              ["From Pakistan to United States", "path 1", "path 2", "path 3"])
        shot("path")

        # The URL round trip: a prepared link shows the same view.
        prepared = (base + "/?view=diverge&a=russia&b=pakistan&without=kor-41")
        driver.get(prepared)
        answered()
        summary, nodes = text("summary"), node_ids()
        check("prepared link: banner", text("hypothetical"),
              "Hypothetical — not the data as it stands: without claim kor-41")
        driver.get(base + "/")
        answered()
        driver.get(prepared)
        answered()
        check("prepared link: same answer", (text("summary"), node_ids()), (summary, nodes))
        check("prepared link: form filled", (by_id("view").get_attribute("value"),
                                             by_id("a").get_attribute("value"),
                                             by_id("b").get_attribute("value")),
              ("diverge", "russia", "pakistan"))
        shot("diverge-without")

        # An unknown name: the CLI's message, and its suggestion as a button.
        driver.get(base + "/")
        answered()
        by_id("search").send_keys("pakistn")
        by_id("search-go").click()
        answered()
        check("unknown name shown", text("error").splitlines()[0] if text("error") else "",
              "entente: unknown actor \"pakistn\"; did you mean \"pakistan\"? Try:pakistan")
        driver.find_element(By.CSS_SELECTOR, "#error button.suggestion").click()
        answered()
        check("suggestion followed", text("summary").splitlines()[0],
              "Neighbourhood of Pakistan, depth 1")
        check("error gone", by_id("error").is_displayed(), False)
        server.stop()

    # A drawing too large to lay out: the answer without it, and why.
    big_star.write(profile + "/star.json")
    with Server(entente, "--data", profile + "/star.json") as server:
        driver.get(server.url + "/?view=neighbors&a=hub")
        answered()
        check("big: answered", text("summary").splitlines()[0], "Neighbourhood of Hub, depth 1")
        check("big: why no drawing", text("drawing"),
              "No drawing: cannot draw 2002 actors and 2001 edges: past 2000 actors or 4000 edges "
              "the layout takes minutes; ask about fewer actors")
        server.stop()

    # Hostile names: shown as text, nothing runs.
    with Server(entente, "--data", data + "/serve/hostile-page.json") as server:
        driver.get(server.url + "/?view=neighbors&a=alpha&depth=2")
        answered()
        check("hostile name as text", text("summary").splitlines()[0],
              "Neighbourhood of <script>window.__pwned = 'name'</script>, depth 2")
        for g in driver.execute_script(
                "return Array.from(document.querySelectorAll('#drawing g.edge')).map(g => g.id)"):
            click_svg("#drawing g.edge#" + g)
        by_id("claims-all").click()
        check("hostile quote as text", "<b onmouseover=\"window.__pwned = 'quote'\">bold?</b>"
              in text("claims"), True)
        hrefs = [a.get_attribute("href") for a in
                 driver.find_elements(By.CSS_SELECTOR, "#claims a")]
        check("no javascript: link", [h for h in hrefs if not h.startswith("https://")], [])
        driver.get(server.url + "/?view=balance")
        answered()
        check("nothing ran", driver.execute_script("return window.__pwned === undefined"), True)
        check("no injected element", driver.execute_script(
            "return document.querySelectorAll('#panel img, #panel script, #drawing img, "
            "#drawing script').length"), 0)
        server.stop()

    # The lesson as one file (`entente export --format html`): no server, the prepared answers.
    lesson = profile + "/lesson.html"
    code, _, err = cli(entente, "export", "-o", lesson, "--question", "align?a=russia&b=pakistan",
                       "--question", "balance")
    # The first line: a sanitizer build adds its own report after it.
    check("lesson file written", (code, err.splitlines()[0]),
          (0, "entente export: wrote %s (the seminar page with 2 questions answered; open it "
              "in a browser, no server needed)" % lesson))
    driver.get("file://" + lesson + "?view=align&a=russia&b=pakistan")
    answered()
    check("lesson: prepared answer", text("summary").splitlines()[0],
          "Alignment of Russia and Pakistan: +0.71")
    check("lesson: its drawing", len(node_ids()) > 2, True)
    check("lesson: no server links", (by_id("download-png").is_displayed(),
                                      by_id("download-csv").is_displayed()), (False, False))
    driver.get("file://" + lesson + "?view=align&a=china&b=india")
    answered()
    check("lesson: a question it does not hold", text("error").splitlines()[0],
          "entente: This lesson file holds the answers to 2 prepared questions only; "
          "`entente serve` answers any other.")
    driver.get("file://" + lesson + "?view=balance")
    answered()
    check("lesson: balance", text("summary").splitlines()[0].startswith("Balance: frustration"),
          True)
    hostile_lesson = profile + "/hostile.html"
    cli(entente, "export", "--data", data + "/serve/hostile-page.json", "-o", hostile_lesson,
        "--question", "neighbors?actor=alpha&depth=2")
    driver.get("file://" + hostile_lesson + "?view=neighbors&a=alpha&depth=2")
    answered()
    check("lesson: hostile name as text", text("summary").splitlines()[0],
          "Neighbourhood of <script>window.__pwned = 'name'</script>, depth 2")
    check("lesson: nothing ran", driver.execute_script("return window.__pwned === undefined"),
          True)
finally:
    driver.quit()
    shutil.rmtree(profile, ignore_errors=True)

if failures:
    print("%d failed" % len(failures))
    sys.exit(1)
print("all passed")
