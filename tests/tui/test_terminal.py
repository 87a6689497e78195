"""The app in a real terminal (tmux): it starts, steps through passes and quits; on the
full-size ChatGLM2-6B decode block the timeline fills the pane and its axis has units."""

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
DECODE = Path(
    str(resources.files("ir_studio.sample_ir").joinpath("tpu", "chatglm2_6b_block_decode.mlir"))
)


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


def test_timeline_of_the_chatglm2_decode_block_in_tmux() -> None:
    if shutil.which("tmux") is None:
        pytest.skip("tmux is not installed (apt-get install tmux; .ci/run installs it)")
    session = f"irstudio-{uuid.uuid4().hex[:8]}"
    command = f"env -u COLUMNS -u LINES {sys.executable} -P -m ir_studio {DECODE}; echo EXITED-$?; sleep 30"
    _tmux("new-session", "-d", "-s", session, "-x", "160", "-y", "48", command)
    try:
        _wait_for(session, "tpu-w8a16")
        _tmux("send-keys", "-t", session, "t")
        _wait_for(session, "instructions · GDMA")
        screen = _wait_for(session, "│GDMA  █")
        lines = screen.splitlines()
        gdma = next(line for line in lines if "│GDMA  " in line)
        pane = gdma[gdma.index("│") + 1 :]
        lane = pane[len("GDMA  ") :]
        assert sum(c != " " for c in lane) > 0.8 * len(pane), gdma
        axis = lines[lines.index(gdma) - 2]
        assert "┊0.0 ms" in axis
        assert "┊3.0 ms" in axis
        _tmux("send-keys", "-t", session, "+")
        _tmux("send-keys", "-t", session, "+")
        _wait_for(session, "┊1.5 ms")  # zoomed around the middle: finer ticks
        _tmux("send-keys", "-t", session, "q")
        _wait_for(session, "EXITED-0")
    finally:
        _tmux("kill-session", "-t", session)
