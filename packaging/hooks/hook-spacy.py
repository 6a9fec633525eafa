"""spaCy for the bundle: its submodules and data, without tests or Cython sources (replaces the contrib hook)."""

from PyInstaller.utils.hooks import collect_data_files, collect_submodules

datas = collect_data_files("spacy", excludes=["**/tests/**", "**/*.pyx", "**/*.pxd", "**/*.pxi", "**/*.cpp", "**/*.h"])
hiddenimports = collect_submodules("spacy", filter=lambda name: ".tests" not in name)
