"""The embedded PostgreSQL's bookkeeping: dead handles are forgotten, DATA_DIR is where the data lives."""

import json
import os
import subprocess
import sys

from website.compat.embedded_postgres import HANDLES_FILE, prune_dead_handles
from website.database.embedded import data_dir_from_environment


def test_handles_of_exited_processes_are_forgotten(tmp_path):
    exited = subprocess.Popen([sys.executable, "-c", "pass"])
    exited.wait()
    alive = os.getpid()
    (tmp_path / HANDLES_FILE).write_text(json.dumps([exited.pid, alive]))
    prune_dead_handles(tmp_path)
    assert json.loads((tmp_path / HANDLES_FILE).read_text()) == [alive]


def test_an_unreadable_handles_file_is_dropped(tmp_path):
    (tmp_path / HANDLES_FILE).write_text("not json")
    prune_dead_handles(tmp_path)
    assert not (tmp_path / HANDLES_FILE).exists()


def test_data_dir_follows_the_environment(monkeypatch, tmp_path):
    monkeypatch.setenv("DATA_DIR", str(tmp_path))
    assert data_dir_from_environment() == tmp_path
    monkeypatch.delenv("DATA_DIR")
    assert data_dir_from_environment().name == ".data"


def test_stop_with_no_server_in_data_dir_does_nothing(tmp_path):
    result = subprocess.run(
        [sys.executable, "-m", "website.database.embedded", "stop"],
        env={**os.environ, "DATA_DIR": str(tmp_path)},
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    assert not (tmp_path / "postgres").exists()
