"""The commands of a workspace file's backups: ``briefing backup`` (``--to``, ``--list``) and
``briefing restore``."""

from __future__ import annotations

from briefing.cli_output import EXIT_OK
from briefing.terminal import echo


def add_backup_parsers(commands, workspace_option) -> None:
    backup = commands.add_parser("backup", help="copy the workspace into its backup folder, or to a file")
    workspace_option(backup)
    which = backup.add_mutually_exclusive_group()  # --list copies nothing: a --to with it was ignored
    which.add_argument("--to", metavar="FILE", help="write the copy to FILE (a new file) instead")
    which.add_argument("--list", action="store_true", help="list the backups, newest first, and copy nothing")

    restore = commands.add_parser("restore", help="replace the workspace's content with a backup's")
    workspace_option(restore)
    restore.add_argument("backup", metavar="BACKUP", help="a backup file (see 'briefing backup --list')")


def run_backup(ws, to: str | None) -> int:
    from briefing.store.backup import back_up

    if ws.backend != "sqlite":
        from briefing.pipeline import workspace_path

        workspace_path(ws.conninfo)  # says in one line where a server's backups come from

    echo(f"backed up {ws.name} to {back_up(ws, to)}")
    return EXIT_OK


def run_list_backups(workspace: str | None) -> int:
    from briefing.pipeline import workspace_path
    from briefing.store.backup_files import backup_folder, backup_kind, list_backups, list_set_aside

    path = workspace_path(workspace)
    backups = list_backups(path)
    if not backups:
        echo(f"no backups of {path.name} in {backup_folder(path)}")
    for backup in reversed(backups):
        echo(f"{backup}  {backup.stat().st_size / 1048576:.1f} MB  {backup_kind(backup, path)}")
    aside = list_set_aside(path)
    if aside:
        files = "file" if len(aside) == 1 else "files"
        names = ", ".join(a.name for a in aside)
        echo(f"also {len(aside)} damaged {files} a restore kept aside (not backups): {names}")
    return EXIT_OK


def run_restore(workspace: str | None, backup: str) -> int:
    from briefing.pipeline import workspace_path
    from briefing.store.restore import restore_backup

    path = workspace_path(workspace)
    existed = path.exists()
    kept = restore_backup(path, backup)
    if not existed:  # a workspace deleted, or a name mistyped: say which file the backup made
        echo(f"made {path} from {backup} (there was no workspace of that name)")
        return EXIT_OK
    echo(f"restored {path.name} from {backup}" + (f"; its previous state is kept in {kept}" if kept else ""))
    return EXIT_OK
