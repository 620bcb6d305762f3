from django import forms


class TokenForm(forms.Form):
    name = forms.CharField(
        max_length=100, label="Name", help_text="What the token is for, e.g. “analysis notebook”."
    )
