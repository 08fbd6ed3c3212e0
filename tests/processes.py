"""What tests use to keep no process behind: a process's forked children and the kill of its whole group."""

from __future__ import annotations

import os
import signal
import subprocess
from pathlib import Path


def children(pid: int) -> list[int]:
    """The pids a process has forked (Linux /proc)."""
    found: list[int] = []
    for task in Path(f"/proc/{pid}/task").glob("*"):
        try:
            found += [int(p) for p in (task / "children").read_text().split()]
        except OSError:
            continue
    return found


def kill_group(proc: subprocess.Popen) -> None:
    """Kill what is left of the process's session (start it with start_new_session=True): Streamlit under
    `manage.py web`, or any child a test's process forked."""
    try:
        os.killpg(proc.pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        pass


def stop_all(procs: list[subprocess.Popen], grace_s: float) -> None:
    """SIGTERM every process still running, wait grace_s for each (then SIGKILL), and kill what their groups left."""
    for proc in procs:
        if proc.poll() is None:
            proc.send_signal(signal.SIGTERM)
    for proc in procs:
        try:
            proc.wait(grace_s)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(5)
    for proc in procs:
        kill_group(proc)
