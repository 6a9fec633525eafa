"""Stand-ins for the window's modal dialogs: a real ``exec()`` would wait for a person."""

from PySide6.QtWidgets import QDialog


class AcceptedEvidence:
    """The evidence dialog (or another that gives ``values()``), filled in and accepted: the
    passage supports the claim."""

    def __init__(self, *args, **kwargs):
        pass

    def exec(self):
        return QDialog.DialogCode.Accepted

    def values(self):
        return "supports", None
