"""The language registry: one `Language` per kind of file, chosen once, by the editor's
language id or the file's suffix. Nothing downstream looks at suffixes.

    language_for("prog.ll").load(name, text)   # CLI, TUI
    language_for(uri, language_id).analyse(...) # the language server's store
"""

from __future__ import annotations

from ir_studio.languages.base import Analysis, Index, Language, Program
from ir_studio.languages.llvm_ir import LLVMIRLanguage
from ir_studio.languages.mlir import MLIRLanguage
from ir_studio.languages.toy import ToyLanguage
from ir_studio.languages.tpu import TPULanguage

__all__ = ["Analysis", "Index", "Language", "Program", "all_languages", "get",
           "language_for"]

_LANGUAGES: dict[str, Language] = {
    language.id: language
    for language in (MLIRLanguage(), ToyLanguage(), LLVMIRLanguage(), TPULanguage())
}
_EDITOR_IDS = {"mlir": "mlir", "toy": "toy", "llvm": "llvm", "llvm-ir": "llvm", "ll": "llvm"}
"""Language ids editors send in didOpen, mapped to ours."""
DEFAULT = "mlir"


def get(language_id: str) -> Language:
    return _LANGUAGES[language_id]


def all_languages() -> list[Language]:
    return list(_LANGUAGES.values())


def language_for(name: str | None, language_id: str | None = None) -> Language:
    """The language of a file name, path or URI (the editor's language id wins when it
    names one we know); MLIR when neither says."""
    if language_id is not None and language_id in _EDITOR_IDS:
        return _LANGUAGES[_EDITOR_IDS[language_id]]
    if name:
        base = name.rsplit("/", 1)[-1].lower()
        for language in _LANGUAGES.values():
            if any(base.endswith(suffix) for suffix in language.suffixes):
                return language
    return _LANGUAGES[DEFAULT]
