"""The app in a real terminal (tmux): it starts, steps through passes and quits."""

from __future__ import annotations

import shutil
import subprocess
import sys
import time
import uuid
from importlib import resources
from pathlib import Path

import pytest

SAMPLE = Path(str(resources.files("ir_studio.sample_ir").joinpath("toy", "ch6_llvm.toy")))


def _tmux(*args: str) -> str:
    return subprocess.run(["tmux", *args], capture_output=True, text=True, timeout=30).stdout


def _wait_for(session: str, text: str, timeout: float = 60) -> str:
    deadline = time.monotonic() + timeout
    screen = ""
    while time.monotonic() < deadline:
        screen = _tmux("capture-pane", "-p", "-t", session)
        if text in screen:
            return screen
        time.sleep(0.2)
    raise AssertionError(f"{text!r} never appeared; the screen was:\n{screen}")


def test_start_step_and_quit_in_tmux() -> None:
    if shutil.which("tmux") is None:
        pytest.skip("tmux is not installed (apt-get install tmux; .ci/run installs it)")
    session = f"irstudio-{uuid.uuid4().hex[:8]}"
    command = f"{sys.executable} -P -m ir_studio {SAMPLE}; echo EXITED-$?; sleep 30"
    _tmux("new-session", "-d", "-s", session, "-x", "160", "-y", "48", command)
    try:
        _wait_for(session, "toy-inline")
        _tmux("send-keys", "-t", session, "n")
        _wait_for(session, "step 1: toy-inline")
        _tmux("send-keys", "-t", session, "n")
        _wait_for(session, "step 2: canonicalize")
        _tmux("send-keys", "-t", session, "q")
        _wait_for(session, "EXITED-0")
    finally:
        _tmux("kill-session", "-t", session)
