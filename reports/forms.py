from django import forms
from django.utils.translation import gettext_lazy as _

MAX_IMPORT_BYTES = 5 * 1024 * 1024
MAX_PAGE_SIZE = 100
DEFAULT_PAGE_SIZE = 50


class OpenDataFilterForm(forms.Form):
    """The open-data listing's query parameters (also the catalogue CSV's, minus paging)."""

    q = forms.CharField(required=False, max_length=100)
    stars = forms.TypedChoiceField(
        required=False, coerce=int, empty_value=None, choices=[(3, "3"), (4, "4"), (5, "5")]
    )
    set = forms.IntegerField(required=False, min_value=1, max_value=26)
    commune = forms.IntegerField(required=False, min_value=1)
    former_district = forms.IntegerField(required=False, min_value=1)
    page = forms.IntegerField(required=False, min_value=1)
    page_size = forms.IntegerField(required=False, min_value=1, max_value=MAX_PAGE_SIZE)


class ImportUploadForm(forms.Form):
    file = forms.FileField(
        label=_("Spreadsheet (.xlsx)"),
        help_text=_("Fill in the template; one row per certificate. At most 5 MB."),
        widget=forms.ClearableFileInput(attrs={"accept": ".xlsx"}),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_IMPORT_BYTES:
            raise forms.ValidationError(_("The file is larger than 5 MB. Split it into parts."))
        if not upload.name.lower().endswith(".xlsx"):
            raise forms.ValidationError(
                _("Upload an Excel workbook (.xlsx). Save older .xls files as .xlsx first.")
            )
        return upload
