from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProductsConfig(AppConfig):
    name = "products"
    verbose_name = _("Products")

    def ready(self):
        from django.conf import settings
        from PIL import Image

        from . import changes  # noqa: F401  (listens to producers' profile changes)

        # Pillow refuses (raises) above twice this and warns above it, in every process that
        # opens an image (web and job workers alike); products.validators refuses above it.
        Image.MAX_IMAGE_PIXELS = settings.MAX_IMAGE_PIXELS
