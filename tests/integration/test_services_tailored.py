"""services.tailored: a candidate's resume with the reviewed texts in place, DOCX or text, one file or a ZIP."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from sqlalchemy import select

from core.documents import read_document
from core.errors import InputError, NotFound
from core.factory import build_context, load_local
from core.ingest import split_bullets
from core.llm.offline import OfflineProvider
from db.models import JobItem
from services import jobs, results, review, tailored
from services.dispatch import DbQueue
from workers import runtime as worker_runtime
from workers.tasks import process_item

ROOT = Path(__file__).resolve().parents[2]
RESUME = (ROOT / "samples" / "resume.txt").read_text()
JD = (ROOT / "samples" / "jd.txt").read_text()


@pytest.fixture
def finished(session, engine, db_settings, make_user):
    """A completed two-candidate job of alice on the sample pair (offline engine)."""
    matcher, extractor = load_local()
    ctx = build_context(db_settings, provider=OfflineProvider(matcher=matcher, extractor=extractor))
    worker_runtime.set_runtime(worker_runtime.Runtime(settings=db_settings, engine=engine, ctx=ctx, queue=DbQueue()))
    alice = make_user("alice", team="red")
    job_id = jobs.submit_job(
        session, principal=alice, pairs=[{"resume": RESUME, "jd": JD, "ref": ref} for ref in ("Jordan R", "c/2")]
    )["job_id"]
    for item_id in session.scalars(select(JobItem.id).where(JobItem.job_id == job_id)):
        assert process_item(item_id) == "completed"
    session.commit()
    yield alice, job_id
    worker_runtime.set_runtime(None)


def test_one_candidate_docx_has_reviewed_texts_in_the_original_structure(session, finished):
    alice, job_id = finished
    item = results.job_results(session, principal=alice, job_id=job_id)["items"][0]
    bullets = item["result"]["bullets"]
    rewritten = next(b for b in bullets if b["rewrite"])
    review.set_review(
        session, principal=alice, item_id=item["item_id"], bullet_index=rewritten["index"], decision="accept"
    )
    review.set_review(
        session,
        principal=alice,
        item_id=item["item_id"],
        bullet_index=1,
        decision="edit",
        text="Designed a Kafka pipeline for 2.5M transactions a day.",
    )
    name, data = tailored.tailored_resume(session, principal=alice, job_id=job_id, item_id=item["item_id"], fmt="docx")
    assert name == "Jordan-R.docx"
    doc = read_document(data, name)
    got = [b.text for b in split_bullets(doc.text)]
    assert len(got) == len(bullets)
    assert got[rewritten["index"]] == rewritten["rewrite"]
    assert got[1] == "Designed a Kafka pipeline for 2.5M transactions a day."
    untouched = [i for i in range(len(bullets)) if i not in (1, rewritten["index"])]
    assert [got[i] for i in untouched] == [bullets[i]["original"] for i in untouched]  # undecided: the original
    summary = item["result"].get("summary")
    if summary and summary["accepted"]:
        assert summary["rewrite"] in doc.text  # the tailored summary the checks accepted stands in the document
    assert [b.text for b in doc.blocks if b.kind == "heading"] == [
        "SUMMARY",
        "EXPERIENCE",
        "PROJECTS",
        "EDUCATION",
        "SKILLS",
    ]


def test_a_zip_holds_one_file_per_candidate_and_other_users_see_nothing(session, finished, make_user):
    alice, job_id = finished
    data = tailored.tailored_zip(session, principal=alice, job_id=job_id, fmt="txt")
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        assert sorted(z.namelist()) == ["Jordan-R.txt", "c-2.txt"]
        text = z.read("c-2.txt").decode()
    assert text.startswith("Jordan Rivera\n") and "EXPERIENCE" in text
    bob = make_user("bob", team="blue")
    with pytest.raises(NotFound):
        tailored.tailored_zip(session, principal=bob, job_id=job_id)
    with pytest.raises(InputError):
        tailored.tailored_zip(session, principal=alice, job_id=job_id, fmt="pdf")
