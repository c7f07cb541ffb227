"""The README's screenshots: each role's main page in the demo, at desktop width.

    .venv/bin/python scripts/screenshots.py [--out docs/screenshots]

Seeds a throw-away SQLite database with `seed_demo`, starts `runserver` on a free local port,
signs in as each demo role with Playwright driving Debian's Chromium (/usr/bin/chromium, or
CHROMIUM_PATH) and saves one PNG per role. Nothing outside the temporary directory and the
output folder is touched.
"""

import argparse
import io
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PASSWORD = "ocop-demo-2026"  # seed_demo's
VIEWPORT = {"width": 1366, "height": 900}
# (file name, demo account or None for a visitor, URL name, what the README says it shows)
SHOTS = [
    ("visitor-home", None, "home", "A visitor: the home page"),
    ("visitor-catalogue", None, "catalogue:list", "A visitor: the public catalogue"),
    ("producer", "chuthe02@ocop.demo", "evaluations:my-dossiers", "A producer: my dossiers"),
    ("local-officer", "tanhung@ocop.demo", "evaluations:queue", "A commune officer: the queue"),
    ("council-member", "uyvien1@ocop.demo", "evaluations:my-sheets", "A council member"),
    ("secretary", "thuky@ocop.demo", "evaluations:council-list", "The council's secretary"),
    ("approver", "lanhdao@ocop.demo", "start", "The approver: the approval screen"),
    ("provincial-office", "vanphong@ocop.demo", "reports:dashboard", "The provincial office"),
    ("administrator", "admin@ocop.demo", "admin:index", "The administrator"),
]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_until_up(url: str, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=2):
                return
        except OSError:
            time.sleep(0.5)
    raise SystemExit(f"the server did not answer at {url}")


def one_time_code(email: str) -> str | None:
    """The current TOTP of the user's device, read from the demo database, for a sign-in that
    asks for a second factor; None when the portal has no such devices (or the user none)."""
    try:
        from django_otp import devices_for_user
        from django_otp.oath import TOTP
    except ImportError:
        return None
    from accounts.models import User

    user = User.objects.filter(email=email).first()
    for device in devices_for_user(user, confirmed=None) if user else []:
        if hasattr(device, "bin_key") and hasattr(device, "step"):
            totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
            return f"{totp.token():0{device.digits}d}"
    return None


def sign_in(page, email: str) -> None:
    page.goto("/accounts/sign-in/")
    page.get_by_label("Email").fill(email)
    page.get_by_label("Mật khẩu").fill(PASSWORD)
    page.get_by_role("main").get_by_role("button", name="Đăng nhập").click()
    page.wait_for_load_state("networkidle")
    code_field = page.locator(
        "input:not([type=hidden])[autocomplete='one-time-code'],"
        " input:not([type=hidden])[name*='otp'], input:not([type=hidden])[name$='-token']"
    )
    if code_field.count():
        code = one_time_code(email)
        if code is None:
            raise SystemExit(f"{email}: the portal asks for a code and no device was found")
        code_field.first.fill(code)
        code_field.first.press("Enter")
        page.wait_for_load_state("networkidle")


def optimise(path: Path) -> None:
    """Screenshots are flat colours: a 256-colour palette keeps them small and legible."""
    from PIL import Image

    image = Image.open(path).convert("RGB")
    quantised = image.quantize(colors=256, method=Image.Quantize.MEDIANCUT)
    buffer = io.BytesIO()
    quantised.save(buffer, "PNG", optimize=True)
    path.write_bytes(buffer.getvalue())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default=str(ROOT / "docs" / "screenshots"))
    out = Path(parser.parse_args().out)
    out.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix="ocop-screens-"))
    env = {
        **os.environ,
        "DEBUG": "1",
        "DATABASE_URL": f"sqlite:///{work / 'demo.sqlite3'}",
        "MEDIA_ROOT": str(work / "media"),
        "DJANGO_ALLOW_ASYNC_UNSAFE": "true",  # ORM reads between Playwright's sync calls
    }
    manage = [sys.executable, str(ROOT / "manage.py")]
    for command in (["migrate", "--no-input", "-v0"], ["seed_demo", "-v0"]):
        subprocess.run(manage + command, env=env, check=True, cwd=ROOT, stdout=subprocess.DEVNULL)
    port = free_port()
    server = subprocess.Popen(
        [*manage, "runserver", f"127.0.0.1:{port}", "--noreload", "--insecure"],
        env=env,
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        base = f"http://127.0.0.1:{port}"
        wait_until_up(f"{base}/healthz")
        os.environ.update(env)
        sys.path.insert(0, str(ROOT))
        os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ocop_portal.settings")
        import django

        django.setup()
        shoot(base, out)
    finally:
        server.terminate()
        server.wait(timeout=10)
        shutil.rmtree(work, ignore_errors=True)


def shoot(base: str, out: Path) -> None:
    from django.urls import reverse
    from playwright.sync_api import sync_playwright

    chromium = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, args=["--no-sandbox"])
        for name, email, url_name, _caption in SHOTS:
            context = browser.new_context(viewport=VIEWPORT, locale="vi-VN", base_url=base)
            page = context.new_page()
            if email:
                sign_in(page, email)
            page.goto(reverse(url_name))
            page.wait_for_load_state("networkidle")
            path = out / f"{name}.png"
            page.screenshot(path=str(path))
            optimise(path)
            print(f"{path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}")
            context.close()
        browser.close()


if __name__ == "__main__":
    main()
