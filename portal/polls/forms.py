from django import forms
from django.utils.translation import gettext_lazy as _

CHOOSE_AN_ANSWER = _("Choose one of the answers.")


class VoteForm(forms.Form):
    """One answer of one poll. An answer of another poll, an unknown one or none at all
    is the same mistake for the visitor: they must choose one of the answers shown.

    The template prints the message inside the answers' fieldset (which it describes), so
    AccessibleErrorsMixin is not used: it ties a message to one input, not to a group of
    radio buttons."""

    choice = forms.ModelChoiceField(
        queryset=None,
        widget=forms.RadioSelect,
        empty_label=None,
        error_messages={"required": CHOOSE_AN_ANSWER, "invalid_choice": CHOOSE_AN_ANSWER},
    )
    next = forms.CharField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, poll, **kwargs):
        kwargs.setdefault("auto_id", f"poll-{poll.pk}-%s")
        super().__init__(*args, **kwargs)
        self.poll = poll
        self.fields["choice"].queryset = poll.choices.all()
        self.fields["choice"].label = poll.question

    def clean_choice(self):
        # A radio group sends one value; two (a forged POST) are not a vote for the last.
        if len(self.data.getlist("choice")) != 1:
            raise forms.ValidationError(CHOOSE_AN_ANSWER)
        return self.cleaned_data["choice"]
