"""Changes to xDSL's own llvm ops for what MLIR 22 writes: GEP no-wrap flags
(`getelementptr inbounds|nuw`) and branch weights on
`llvm.cond_br`. Each parses and prints MLIR's form and keeps the flag as a property."""

from __future__ import annotations

from typing import Any

from xdsl.dialects import llvm
from xdsl.dialects.builtin import IntegerAttr, UnitAttr, i32
from xdsl.parser import Parser
from xdsl.printer import Printer

# GEPNoWrapFlags: `inbounds` implies `nusw`.
_GEP_FLAGS = {"inbounds": 3, "nusw": 2, "nuw": 4}


def install_gep_flags() -> None:
    """`getelementptr inbounds|nuw %p[...]`: MLIR 22's no-wrap flags (xDSL reads only a
    bare `inbounds`)."""
    parse_rest = llvm.GEPOp.parse.__func__
    print_rest = llvm.GEPOp.print

    def parse(cls: type[llvm.GEPOp], parser: Parser) -> llvm.GEPOp:
        flags = 0
        while True:
            start = parser.pos
            word = None
            for name in _GEP_FLAGS:
                if parser.parse_optional_keyword(name) is not None:
                    word = name
                    break
            if word is None:
                if flags:
                    parser.raise_error("expected a no-wrap flag after '|'", start, start + 1)
                break
            flags |= _GEP_FLAGS[word]
            if parser.parse_optional_punctuation("|") is None:
                break
        op = parse_rest(cls, parser)
        op.properties["noWrapFlags"] = IntegerAttr(flags, i32)
        if flags & 1:
            op.properties["inbounds"] = UnitAttr()
        else:
            op.properties.pop("inbounds", None)
        return op

    def print_op(self: llvm.GEPOp, printer: Printer) -> None:
        flags = self.noWrapFlags.value.data
        if flags & 1 or self.inbounds is not None:
            words = ["inbounds"] + (["nuw"] if flags & 4 else [])
        else:
            words = [name for name, bit in (("nusw", 2), ("nuw", 4)) if flags & bit]
        if not words:
            print_rest(self, printer)
            return
        printer.print_string(" " + "|".join(words))
        saved = self.properties.pop("inbounds", None)
        try:
            print_rest(self, printer)
        finally:
            if saved is not None:
                self.properties["inbounds"] = saved

    llvm.GEPOp.parse = classmethod(parse)  # pyright: ignore[reportAttributeAccessIssue]  # installs upstream MLIR's syntax on xDSL's op class
    llvm.GEPOp.print = print_op


def base_unit() -> Any:
    from xdsl.dialects.builtin import UnitAttr
    from xdsl.irdl import base

    return base(UnitAttr)


def install_branch_weights() -> None:
    """`llvm.cond_br %c weights([1, 99]), ^a, ^b(%x : i32)`: xDSL's cond_br has no
    weights."""
    from ir_studio.dialects.extensions.cf.branch_weights import add_branch_weights

    add_branch_weights(llvm.CondBrOp)
