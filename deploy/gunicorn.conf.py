"""Gunicorn settings for the OCOP portal: `gunicorn -c deploy/gunicorn.conf.py ocop_portal.wsgi`.

Every value can be changed from the environment (GUNICORN_*), e.g. in /etc/ocop-portal.env.
"""

import multiprocessing
import os


def _int(name: str, default: int) -> int:
    value = os.environ.get(name, "")
    return int(value) if value else default


# systemd: nginx on the same host talks to 127.0.0.1:8001. Containers: GUNICORN_BIND=0.0.0.0:8000.
bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8001")
workers = _int("GUNICORN_WORKERS", 2 * multiprocessing.cpu_count() + 1)
threads = _int("GUNICORN_THREADS", 1)
# A request that takes longer is killed; slow work (PDFs, exports, email) belongs in a job.
timeout = _int("GUNICORN_TIMEOUT", 30)
graceful_timeout = _int("GUNICORN_GRACEFUL_TIMEOUT", 30)
keepalive = _int("GUNICORN_KEEPALIVE", 5)

# Recycle each worker after about a thousand requests (jitter: not all at once) so that slow
# memory growth (image and PDF libraries) never builds up.
max_requests = _int("GUNICORN_MAX_REQUESTS", 1000)
max_requests_jitter = _int("GUNICORN_MAX_REQUESTS_JITTER", 100)

# Load Django once in the master, then fork: less memory, and a broken settings file stops the
# start instead of every worker failing one by one.
preload_app = True

# Trust X-Forwarded-* only from the proxy in front (nginx on the same host by default).
forwarded_allow_ips = os.environ.get("GUNICORN_FORWARDED_ALLOW_IPS", "127.0.0.1")

# "-" is standard output (journald under systemd); an empty value turns the access log off.
accesslog = os.environ.get("GUNICORN_ACCESS_LOG", "-") or None
errorlog = os.environ.get("GUNICORN_ERROR_LOG", "-")
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "info")
# Client address as nginx saw it, request, status, size, duration in microseconds, user agent.
access_log_format = (
    '%({x-forwarded-for}i)s %(h)s %(l)s %(u)s %(t)s "%(r)s" %(s)s %(b)s %(D)sus "%(a)s"'
)


def post_fork(server, worker):
    # preload_app imported Django in the master: make sure no database connection opened there is
    # shared by the forked workers.
    from django.db import connections

    connections.close_all()


def when_ready(server):
    # In the master, after preload_app and before the first fork: each worker starts with the
    # templates compiled and the score sheets' text built (ocop_portal.warmup).
    import gc

    from ocop_portal.warmup import warm

    warm()
    # What the master built lives as long as the workers: kept out of the garbage collector's
    # scans (each full scan paused a worker for about 60 ms every forty requests), and the
    # pages of memory it sits in stay shared after the fork instead of being copied.
    gc.collect()
    gc.freeze()
