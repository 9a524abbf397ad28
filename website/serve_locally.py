"""``make serve``: the production settings under gunicorn on 127.0.0.1, for trying the site as it will run.

Production settings need a secret key and allowed hosts; for this local trial a key is
generated once into ``.data/secret-key`` and the hosts are the loopback ones. Plain http on
127.0.0.1 means HTTPS redirects and secure-only cookies are switched off here (and only here).
"""

import argparse
import os
import secrets
import subprocess
import sys
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent


def local_secret_key(data_dir: Path) -> str:
    path = data_dir / "secret-key"
    if not path.exists():
        data_dir.mkdir(parents=True, exist_ok=True)
        path.write_text(secrets.token_urlsafe(50))
        path.chmod(0o600)
    return path.read_text().strip()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", default="8000")
    parser.add_argument("--workers", help="gunicorn workers (default: website.gunicorn_config's)")
    args = parser.parse_args()

    env = dict(os.environ)
    env.setdefault("DJANGO_SETTINGS_MODULE", "website.settings.production")
    env.setdefault("SECRET_KEY", local_secret_key(Path(env.get("DATA_DIR", BASE_DIR / ".data"))))
    env.setdefault("ALLOWED_HOSTS", "127.0.0.1,localhost")
    env.setdefault("SECURE_SSL_REDIRECT", "false")
    env.setdefault("SECURE_COOKIES", "false")
    env.setdefault("SECURE_HSTS_SECONDS", "0")
    env.setdefault("WAGTAILADMIN_BASE_URL", f"http://{args.host}:{args.port}")

    python = sys.executable
    subprocess.run(
        [python, "manage.py", "collectstatic", "--noinput", "--verbosity", "0"],
        cwd=BASE_DIR,
        env=env,
        check=True,
    )
    print(f"Serving with production settings on http://{args.host}:{args.port}/ (Ctrl-C stops)", flush=True)
    gunicorn = [
        python,
        "-m",
        "gunicorn",
        "--config",
        "python:website.gunicorn_config",
        "--bind",
        f"{args.host}:{args.port}",
    ]
    if args.workers:
        gunicorn += ["--workers", args.workers]
    # gunicorn takes this process's place, so signals (Ctrl-C, a supervisor's SIGTERM, SIGHUP to reload) reach
    # its master directly and nothing is left running when it stops.
    os.chdir(BASE_DIR)
    os.execve(python, gunicorn, env)


if __name__ == "__main__":
    main()
