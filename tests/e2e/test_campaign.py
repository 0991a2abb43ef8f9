"""A campaign in a real browser: plan, priority issue, two targets from the finder, an e-mail
logged and the follow-up call a week later on the dashboard."""

from __future__ import annotations

from datetime import date, timedelta

from .conftest import sign_in_as_owner

EMAIL = "campaigner@example.org"
PASSWORD = "e2e campaign password 2027"


def campaign_nav(page):
    return page.get_by_role("navigation", name="Campaign")


def test_campaign_plan_targets_and_follow_up(page, app):
    ws = sign_in_as_owner(page, app, EMAIL, PASSWORD, "Coalition Togo")

    # Create the campaign: Togo, 54th session, review on 19 January 2027.
    page.goto(f"/w/{ws}/campaigns/new/")
    page.get_by_label("State under Review").select_option(label="Togo")
    page.get_by_label("Working Group session").select_option(value="54")
    page.get_by_label("Review date").fill("2027-01-19")
    page.get_by_role("button", name="Save").click()
    page.wait_for_url("**/timeline/")
    assert page.locator("tr.step").count() == 18
    questions = page.locator("#step-advance_questions").inner_text()
    assert "2027-01-05" in questions
    assert "2027-01-19" in page.locator("#step-review").inner_text()
    assert "2031-07-19" in page.locator("#step-next_review").inner_text()

    # A priority issue, so the finder knows what to rank.
    campaign_nav(page).get_by_role("link", name="Issues and drafts").click()
    page.get_by_label("Title").fill("Child marriage")
    page.get_by_label("Issue in UPR Info's taxonomy").select_option(label="Rights of the Child")
    page.get_by_role("button", name="Add issue").click()
    page.wait_for_url("**/issues/")

    # Two target States from the finder.
    campaign_nav(page).get_by_role("link", name="Target States").click()
    boxes = page.locator("tr.candidate input[type=checkbox]")
    assert boxes.count() >= 2
    names = [page.locator("tr.candidate").nth(i).locator("label").inner_text() for i in (0, 1)]
    boxes.nth(0).check()
    boxes.nth(1).check()
    page.get_by_role("button", name="Add the ticked States").click()
    page.wait_for_url("**/targets/")
    targets = page.locator("table.targets tbody tr")
    assert targets.count() == 2
    assert sorted(targets.locator("td:first-child").all_inner_texts()) == sorted(names)

    # Log the advocacy paper sent by e-mail to the first one.
    page.get_by_role("link", name=names[0], exact=True).first.click()
    form = page.locator("form.outreach-form")
    form.locator("select[name=kind]").select_option(value="brief_sent")
    today = date.fromisoformat(form.get_by_label("Date").input_value())
    form.get_by_label("What they said").fill("Sent to the human rights officer by e-mail.")
    form.get_by_role("button", name="Log").click()
    assert "Advocacy paper sent" in page.locator("table.outreach").inner_text()

    # The follow-up call, a week later, is on the dashboard.
    campaign_nav(page).get_by_role("link", name="Dashboard").click()
    due = (today + timedelta(days=7)).isoformat()
    call = page.locator("ul.tasks li", has_text=f"Follow-up call: {names[0]}")
    assert call.count() == 1
    assert due in call.inner_text()

    # On a phone the menus keep one line each, so the page's own title is on the first screen,
    # and a menu link out of sight scrolls into view when reached with the keyboard.
    page.set_viewport_size({"width": 390, "height": 844})
    page.reload()
    title = page.locator("h1").bounding_box()
    assert title and title["y"] + title["height"] < 844 / 2
    for nav in ("header.site nav", "nav.workspace-nav", "nav.campaign-nav"):
        box = page.locator(nav).bounding_box()
        line = page.locator(nav).locator("a").first.bounding_box()
        assert box and line and box["height"] < 2 * line["height"] + 16, nav
    last = campaign_nav(page).locator("a").last
    assert not _in_view(last.bounding_box(), 390)
    last.focus()
    assert _in_view(last.bounding_box(), 390)


def _in_view(box, width: int) -> bool:
    return bool(box) and box["x"] >= 0 and box["x"] + box["width"] <= width
