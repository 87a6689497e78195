"""Ch4 `toy-inline`: inline every `toy.generic_call`, then drop unused private functions.

Where an argument's type differs from the callee's parameter type (a ranked tensor
passed for `tensor<*xf64>`), a `toy.cast` is inserted, as the tutorial's
`materializeCallConversion` does. Recursion cannot be inlined; it is reported at the
call that closes the cycle instead of looping.
"""

from __future__ import annotations

from dataclasses import dataclass

from xdsl.context import Context
from xdsl.dialects.builtin import ModuleOp
from xdsl.ir import Block, SSAValue
from xdsl.passes import ModulePass
from xdsl.rewriter import InsertPoint, Rewriter

from ir_studio.pass_failure import PassFailure
from ir_studio.toy import dialect as toy


def _functions(module: ModuleOp) -> dict[str, toy.FuncOp]:
    return {op.sym_name.data: op for op in module.body.block.ops if isinstance(op, toy.FuncOp)}


def _calls(func: toy.FuncOp) -> list[toy.GenericCallOp]:
    return [op for op in func.walk() if isinstance(op, toy.GenericCallOp)]


def _check_no_recursion(funcs: dict[str, toy.FuncOp]) -> None:
    state: dict[str, int] = {}  # 1 = on the stack, 2 = done

    def visit(name: str) -> None:
        state[name] = 1
        for call in _calls(funcs[name]):
            callee = call.callee.string_value()
            if callee not in funcs:
                raise PassFailure(f"call to undefined function '{callee}'", call)
            if state.get(callee) == 1:
                raise PassFailure(f"recursive call to '{callee}' cannot be inlined", call)
            if callee not in state:
                visit(callee)
        state[name] = 2

    for name in funcs:
        if name not in state:
            visit(name)


def inline_call(call: toy.GenericCallOp, callee: toy.FuncOp) -> None:
    """Replace one call by a copy of the callee's body."""
    if len(callee.body.blocks) != 1:
        raise PassFailure(
            f"cannot inline '{callee.sym_name.data}': it has more than one block", call
        )
    body: Block = callee.body.clone().blocks.first  # pyright: ignore[reportAssignmentType]  # checked above: the callee has one block
    params = callee.function_type.inputs.data
    if len(params) != len(call.inputs):
        raise PassFailure(
            f"'{callee.sym_name.data}' takes {len(params)} arguments, "
            f"the call passes {len(call.inputs)}",
            call,
        )
    for arg, operand, param_type in zip(body.args, call.inputs, params, strict=True):
        value: SSAValue = operand
        if operand.type != param_type:
            cast = toy.CastOp(operand, param_type)
            cast.location = call.location
            Rewriter.insert_op(cast, InsertPoint.before(call))
            value = cast.res
        arg.replace_all_uses_with(value)
    terminator = body.last_op
    assert isinstance(terminator, toy.ReturnOp)
    returned = terminator.input
    Rewriter.erase_op(terminator)
    for op in list(body.ops):
        op.detach()
        Rewriter.insert_op(op, InsertPoint.before(call))
    if call.res:
        assert returned is not None
        call.res[0].replace_all_uses_with(returned)
    Rewriter.erase_op(call)


@dataclass(frozen=True)
class ToyInline(ModulePass):
    """Inline all toy.generic_call ops and remove the private functions left unused."""

    name = "toy-inline"

    def apply(self, ctx: Context, op: ModuleOp) -> None:
        funcs = _functions(op)
        _check_no_recursion(funcs)
        changed = True
        while changed:
            changed = False
            for func in funcs.values():
                for call in _calls(func):
                    inline_call(call, funcs[call.callee.string_value()])
                    changed = True
        for func in funcs.values():
            if func.sym_visibility is not None and func.sym_visibility.data == "private":
                Rewriter.erase_op(func)
