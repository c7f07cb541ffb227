"""Form widgets rendered without a template per option.

Django renders every <option> of a select through its own template include: about 30 µs each,
so the filter bars of the dossier lists (rounds, states, criteria sets, communes: a hundred
options and more) cost a third of those pages. ``QuickSelect`` writes the same markup, byte for
byte, from Python.
"""

from django import forms
from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe


def _attributes(attrs: dict) -> str:
    """django/forms/widgets/attrs.html: False leaves the attribute out, True writes its name."""
    return "".join(
        f" {name}" if value is True else f' {name}="{conditional_escape(str(value))}"'
        for name, value in attrs.items()
        if value is not False
    )


class QuickSelect(forms.Select):
    def render(self, name, value, attrs=None, renderer=None):
        # Select.get_context's work without its dict per option (ChoiceWidget.optgroups).
        attrs = self.build_attrs(self.attrs, attrs)
        if self.allow_multiple_selected:
            attrs["multiple"] = True
        values = set(self.format_value(value))
        parts = [f'<select name="{conditional_escape(name)}"{_attributes(attrs)}>']
        has_selected = False
        for option_value, option_label in self.choices:
            group_name, options = None, [(option_value, option_label)]
            if isinstance(option_label, (list, tuple)):
                group_name, options = option_value, option_label
                parts.append(f'\n  <optgroup label="{conditional_escape(group_name)}">')
            for subvalue, sublabel in options:
                subvalue = "" if subvalue is None else str(subvalue)
                selected = (not has_selected or self.allow_multiple_selected) and subvalue in values
                has_selected |= selected
                parts.append(
                    f'\n  <option value="{conditional_escape(subvalue)}"'
                    f"{' selected' if selected else ''}>{conditional_escape(sublabel)}</option>\n"
                )
            if group_name is not None:
                parts.append("\n  </optgroup>")
        parts.append("\n</select>")
        return mark_safe("".join(parts))
