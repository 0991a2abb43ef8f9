"""Forms of the campaign pages: every input goes through one of these."""

from .campaign import CampaignForm
from .children import ChildChecklistForm
from .issues import DraftForm, PriorityIssueForm
from .targets import ContactForm, EntryPointForm, OutreachForm, TargetForm, TargetPickForm
from .tasks import TaskForm

__all__ = [
    "CampaignForm",
    "ChildChecklistForm",
    "ContactForm",
    "DraftForm",
    "EntryPointForm",
    "OutreachForm",
    "PriorityIssueForm",
    "TargetForm",
    "TargetPickForm",
    "TaskForm",
]
