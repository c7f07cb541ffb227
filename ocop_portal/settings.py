"""The only settings module of the OCOP portal.

Every value that differs between a laptop, CI and production comes from an environment variable.
Defaults are the safe production ones; `make run` turns on DEBUG for the local demo.
"""

import datetime
import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent


def envbool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    if value.lower() in {"1", "true", "yes", "on"}:
        return True
    if value.lower() in {"0", "false", "no", "off"}:
        return False
    raise ImproperlyConfigured(
        f"{name} must be one of 1/0, true/false, yes/no, on/off; got {value!r}"
    )


def envint(name: str, default: int) -> int:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    try:
        return int(value)
    except ValueError:
        raise ImproperlyConfigured(f"{name} must be an integer; got {value!r}") from None


def envlist(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = envbool("DEBUG", False)
# No test switch here: the test run sets its own variables ([tool.pytest_env] in pyproject.toml).

SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured("Set SECRET_KEY (or DEBUG=1 for local development).")
    SECRET_KEY = "insecure-development-key-never-use-in-production"

ALLOWED_HOSTS = envlist("ALLOWED_HOSTS", "127.0.0.1,localhost" if DEBUG else "")
CSRF_TRUSTED_ORIGINS = envlist("CSRF_TRUSTED_ORIGINS")
# System checks to leave out, e.g. evaluations.W001 (this year's announced days off not recorded)
# where a check of the code must not depend on the day it runs.
SILENCED_SYSTEM_CHECKS = envlist("SILENCED_SYSTEM_CHECKS")

INSTALLED_APPS = [
    "ocop_portal.apps.PortalAdminConfig",  # django.contrib.admin, with the portal's site
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "crispy_forms",
    "crispy_bootstrap5",
    "django_htmx",
    "axes",
    "csp",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "accounts",
    "criteria",
    "regions",
    "producers",
    "products",
    "dossiers",
    "councils",
    "certificates",
    "evaluations",
    "catalogue",
    "programme",
    "reports",
    "duties",
    "outbox",
    "privacy",
    "privacy_duties",
    "once",
    "demo",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "ocop_portal.middleware.refuse_null_bytes",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.auth.middleware.LoginRequiredMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # After sign-in: approvers, the provincial office and administrators (and anyone who opted
    # in) reach nothing but the two-factor pages until their session holds a verified device.
    "accounts.two_factor.middleware.TwoFactorMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "csp.middleware.CSPMiddleware",
    # Last, as django-axes asks: it turns a locked-out sign-in into the lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "ocop_portal.urls"
WSGI_APPLICATION = "ocop_portal.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "ocop_portal.context_processors.portal",
                "privacy.context_processors.consent",
            ],
            "builtins": ["ocop_portal.template_filters"],
        },
    },
    {
        # For the few hot templates whose loops cost too much in Django's (ocop_portal.jinja_env):
        # found only under templates/jinja2/, so no Django template is ever taken for one.
        "BACKEND": "django.template.backends.jinja2.Jinja2",
        "DIRS": [BASE_DIR / "templates" / "jinja2"],
        "APP_DIRS": False,
        "OPTIONS": {"environment": "ocop_portal.jinja_env.environment", "autoescape": True},
    },
]

# SQLite is the zero-setup default for trying the portal out; production and CI use PostgreSQL.
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=envint("CONN_MAX_AGE", 60),
        conn_health_checks=True,
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Several app servers share one Redis for the cache and sessions (deploy/README.md). Sessions are
# "cached_db": read from Redis, written through to PostgreSQL, so a Redis restart or eviction
# signs nobody out. Without REDIS_URL (one process, `make run`), a local-memory cache and
# database sessions.
REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "ocop_portal.redis_cache.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "ocop",
        }
    }
    SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    SESSION_ENGINE = "django.contrib.sessions.backends.db"

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    # Counts failed sign-ins and refuses further attempts for a while (brute-force protection).
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = envint("AXES_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = datetime.timedelta(minutes=envint("AXES_COOLOFF_MINUTES", 30))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_USERNAME_FORM_FIELD = "username"  # the sign-in form's field, holding the email
AXES_LOCKOUT_TEMPLATE = "accounts/locked_out.html"
# Behind nginx every request comes from 127.0.0.1: the client's address is read from
# X-Forwarded-For, trusting exactly TRUSTED_PROXY_COUNT proxies (1 with deploy/nginx.conf; 0 when
# nothing is in front). One function serves axes and every other limit (ocop_portal.limits).
TRUSTED_PROXY_COUNT = envint("TRUSTED_PROXY_COUNT", envint("AXES_PROXY_COUNT", 0))
AXES_CLIENT_IP_CALLABLE = "ocop_portal.limits.client_ip"
AXES_IPWARE_PROXY_COUNT = TRUSTED_PROXY_COUNT  # read by axes only if django-ipware is installed
AXES_VERBOSE = False

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "start"  # accounts.landing: each role lands on its own work
LOGOUT_REDIRECT_URL = "home"
# Two-factor sign-in (accounts/two_factor): the name authenticator apps show for the portal.
OTP_TOTP_ISSUER = os.environ.get("OTP_TOTP_ISSUER", "Cổng OCOP")
PASSWORD_RESET_TIMEOUT = 60 * 60 * 24 * 3  # also bounds the sign-up confirmation link

LANGUAGE_CODE = "vi"
LANGUAGES = [("vi", _("Vietnamese")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Asia/Ho_Chi_Minh"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "var" / "static"))
STATICFILES_DIRS = [BASE_DIR / "static"]
# Uploaded photos and evidence documents live outside the web root; views serve them after a
# permission check, so MEDIA_URL is never routed by the web server.
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "var" / "media"))
MEDIA_URL = "/media-not-served/"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "ocop_portal.static_storage.StaticFilesStorage"
        )
    },
}
# USE_S3=1 keeps uploads in an S3-compatible bucket (django-storages; `pip install ".[s3]"`) so
# every app server sees them. The bucket stays private and URLs unsigned: nobody downloads from
# the bucket directly, the permission-checked views stream the files.
if envbool("USE_S3", False):
    if not os.environ.get("AWS_STORAGE_BUCKET_NAME"):
        raise ImproperlyConfigured("USE_S3=1 needs AWS_STORAGE_BUCKET_NAME.")
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": os.environ["AWS_STORAGE_BUCKET_NAME"],
            "endpoint_url": os.environ.get("AWS_S3_ENDPOINT_URL") or None,
            "region_name": os.environ.get("AWS_S3_REGION_NAME") or None,
            # Empty keys: boto3 looks for credentials itself (instance role, ~/.aws).
            "access_key": os.environ.get("AWS_ACCESS_KEY_ID") or None,
            "secret_key": os.environ.get("AWS_SECRET_ACCESS_KEY") or None,
            "default_acl": "private",
            "querystring_auth": False,
            "file_overwrite": False,
        },
    }
# The most pixels an uploaded image may have (photos, evidence scans, label reports): read from
# the image's header before decoding. Pillow's own limit (PIL.Image.MAX_IMAGE_PIXELS) is set to
# the same value at start-up (products.apps). 25 Mpx is a 6000 x 4000 camera photo.
MAX_IMAGE_PIXELS = envint("MAX_IMAGE_PIXELS", 25_000_000)

# Issued PDFs (certificates, notices, minutes, proposals, decisions) are signed (PAdES) with the
# province's organisation certificate: a PKCS#12 file and its passphrase, never in the repository
# (deploy/README.md). In development `make run` creates a demo certificate under var/signing/.
# Without one, documents are issued unsigned and `check --deploy` warns (certificates.signing).
DEMO_SIGNING_PKCS12 = BASE_DIR / "var" / "signing" / "demo-signing.p12"
DEMO_SIGNING_PASSPHRASE = "ocop-demo-signing"
SIGNING_PKCS12_PATH = os.environ.get("SIGNING_PKCS12_PATH", "") or (
    str(DEMO_SIGNING_PKCS12) if DEBUG and DEMO_SIGNING_PKCS12.exists() else ""
)
SIGNING_PKCS12_PASSPHRASE = os.environ.get("SIGNING_PKCS12_PASSPHRASE", "") or (
    DEMO_SIGNING_PASSPHRASE if str(DEMO_SIGNING_PKCS12) == SIGNING_PKCS12_PATH else ""
)

FILE_UPLOAD_MAX_MEMORY_SIZE = 2 * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 12 * 1024 * 1024

EMAIL_BACKEND = os.environ.get(
    "EMAIL_BACKEND",
    "django.core.mail.backends.console.EmailBackend"
    if DEBUG
    else "django.core.mail.backends.smtp.EmailBackend",
)
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = envint("EMAIL_PORT", 25)
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = envbool("EMAIL_USE_TLS", False)
EMAIL_TIMEOUT = envint("EMAIL_TIMEOUT", 10)
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "OCOP <no-reply@ocop.localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"

# The province this installation serves (2025 code; 33 = Hưng Yên).
OCOP_PROVINCE_CODE = envint("OCOP_PROVINCE_CODE", 33)
SITE_URL = os.environ.get("SITE_URL", "http://127.0.0.1:8000").rstrip("/")

# Production hardening: on unless DEBUG. Each can be turned off behind a TLS-terminating proxy.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = envbool("SECURE_SSL_REDIRECT", not DEBUG)
SESSION_COOKIE_SECURE = envbool("SESSION_COOKIE_SECURE", not DEBUG)
CSRF_COOKIE_SECURE = envbool("CSRF_COOKIE_SECURE", not DEBUG)
SECURE_HSTS_SECONDS = envint("SECURE_HSTS_SECONDS", 0 if DEBUG else 31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = envbool("SECURE_HSTS_INCLUDE_SUBDOMAINS", not DEBUG)
SECURE_HSTS_PRELOAD = envbool("SECURE_HSTS_PRELOAD", not DEBUG)
SECURE_REFERRER_POLICY = "same-origin"
SESSION_COOKIE_HTTPONLY = True
# Nobody frames the portal; the inline document view alone allows the portal's own dossier page
# (xframe_options_sameorigin + csp_replace on that view).
X_FRAME_OPTIONS = "DENY"

# No inline scripts or styles anywhere: every behaviour lives in static files.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'", "data:"],
        "object-src": ["'none'"],  # no plugins; PDFs are shown in an iframe (frame-src)
        "frame-src": ["'self'"],
        "frame-ancestors": ["'none'"],
        "form-action": ["'self'"],
        "base-uri": ["'self'"],
    }
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
}
