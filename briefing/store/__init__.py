"""The workspace store: the only package that writes SQL or touches sqlite-utils."""

from briefing.store.opening import open_workspace
from briefing.store.workspace import Workspace

__all__ = ["Workspace", "open_workspace"]
