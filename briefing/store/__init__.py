"""The workspace store: the only package that writes SQL or touches sqlite-utils."""

from briefing.store.workspace import Workspace, open_workspace

__all__ = ["Workspace", "open_workspace"]
