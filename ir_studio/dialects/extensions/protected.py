# ruff: noqa: E501
"""The xDSL names the extension layer relies on, with what they looked like in xDSL 0.74.

`tests/core/test_xdsl_canary.py` resolves each name in a process that imports xDSL
without applying the patch table, and fails naming the symbol when one is gone or its
signature changed: an xDSL upgrade then breaks loudly, at the row to revisit, instead of
silently. Two tables:

* `PATCHED`: every name a row of `patches.PATCHES` changes. The recorded value is the
  pristine signature; `absent` for a member the layer adds (xDSL growing one of that
  name must be looked at); for `#operands`/`#results`/`#properties`/... of an op's IRDL
  definition, the names the definition holds.
* `PRIVATE`: private xDSL APIs the layer calls (parser internals, `Dialect._interfaces`,
  ...) and public ones it uses in unusual ways.

Regenerate after an intended xDSL upgrade with `python -m
ir_studio.dialects.extensions.protected` (prints both tables) and review the diff.
"""

from __future__ import annotations

import importlib
import inspect
from typing import Any

ABSENT = "absent"

PATCHED: dict[str, str] = {
    'xdsl.ir.affine.affine_expr.AffineExpr.__floordiv__': "(self, other: 'AffineExpr | int') -> 'AffineExpr'",
    'xdsl.ir.affine.affine_expr.AffineExpr.__mod__': "(self, other: 'AffineExpr | int') -> 'AffineExpr'",
    'xdsl.ir.affine.affine_expr.AffineExpr.__mul__': "(self, other: 'AffineExpr | int') -> 'AffineExpr'",
    'xdsl.ir.affine.affine_expr.AffineExpr.__rmul__': "(self, other: 'AffineExpr | int') -> 'AffineExpr'",
    'xdsl.ir.affine.affine_expr.AffineExpr.ceil_div': "(self, other: 'AffineExpr | int') -> 'AffineExpr'",
    'xdsl.parser.attribute_parser.AttrParser._parse_location': "(self) -> 'LocationAttr'",
    'xdsl.dialects.memref.AllocaScopeOp.parse': "(cls, parser: 'Parser') -> 'Self'",
    'xdsl.dialects.memref.AllocaScopeOp.print': "(self, printer: 'Printer')",
    'xdsl.dialects.memref.AllocaScopeReturnOp.parse': "(cls, parser: 'Parser') -> 'Self'",
    'xdsl.dialects.memref.AllocaScopeReturnOp.print': "(self, printer: 'Printer')",
    'xdsl.dialects.memref.AtomicRMWOp.parse': "(cls, parser: 'Parser') -> 'Self'",
    'xdsl.dialects.memref.AtomicRMWOp.print': "(self, printer: 'Printer')",
    'xdsl.dialects.memref.CastOp.parse': "(cls, parser: 'Parser') -> 'Self'",
    'xdsl.dialects.memref.CastOp.print': "(self, printer: 'Printer')",
    'xdsl.dialects.memref.CastOp.verify_': "(self: 'IRDLOperation')",
    'xdsl.dialects.memref.CopyOp.parse': "(cls, parser: 'Parser') -> 'Self'",
    'xdsl.dialects.memref.CopyOp.print': "(self, printer: 'Printer')",
    'xdsl.dialects.memref.CopyOp.#operands': 'destination,source',
    'xdsl.dialects.memref.CopyOp.verify_': "(self: 'IRDLOperation')",
    'xdsl.dialects.memref.ExtractAlignedPointerAsIndexOp.parse': "(cls, parser: 'Parser') -> 'Self'",
    'xdsl.dialects.memref.ExtractAlignedPointerAsIndexOp.print': "(self, printer: 'Printer')",
    'xdsl.dialects.memref.MemorySpaceCastOp.parse': "(cls, parser: 'Parser') -> 'Self'",
    'xdsl.dialects.memref.MemorySpaceCastOp.print': "(self, printer: 'Printer')",
    'xdsl.dialects.memref.RankOp.parse': "(cls, parser: 'Parser') -> 'Self'",
    'xdsl.dialects.memref.RankOp.print': "(self, printer: 'Printer')",
    'xdsl.dialects.memref.GlobalOp.parse': "(cls, parser: 'Parser') -> 'Self'",
    'xdsl.dialects.memref.GlobalOp.print': "(self, printer: 'Printer')",
    'xdsl.dialects.memref.DmaStartOp.create': "(cls: 'type[Self]', *, operands: 'Sequence[SSAValue]' = (), result_types: 'Sequence[Attribute]' = (), properties: 'Mapping[str, Attribute]' = {}, attributes: 'Mapping[str, Attribute]' = {}, location: 'LocationAttr | None' = None, successors: 'Sequence[Block]' = (), regions: 'Sequence[Region]' = ()) -> 'Self'",
    'xdsl.dialects.memref.DmaStartOp.parse': "(cls, parser: 'Parser') -> 'Self'",
    'xdsl.dialects.memref.DmaStartOp.print': "(self, printer: 'Printer')",
    'xdsl.dialects.memref.DmaStartOp.stride_info': 'absent',
    'xdsl.dialects.memref.DmaStartOp.#operands': 'dest,dest_indices,num_elements,src,src_indices,tag,tag_indices',
    'xdsl.dialects.memref.DmaStartOp.verify_': "(self: 'IRDLOperation')",
    'xdsl.dialects.memref.DmaWaitOp.parse': "(cls, parser: 'Parser') -> 'Self'",
    'xdsl.dialects.memref.DmaWaitOp.print': "(self, printer: 'Printer')",
    'xdsl.dialects.memref.DmaWaitOp.verify_': "(self: 'IRDLOperation')",
    'xdsl.dialects.memref.RankOp.#operands': 'source',
    'xdsl.dialects.gpu.BarrierOp.parse': "(cls, parser: 'Parser') -> 'Self'",
    'xdsl.dialects.gpu.BarrierOp.print': "(self, printer: 'Printer')",
    'xdsl.dialects.gpu.BlockDimOp.#properties': 'dimension',
    'xdsl.dialects.gpu.BlockDimOp.parse': "(cls, parser: 'Parser') -> 'Self'",
    'xdsl.dialects.gpu.BlockDimOp.print': "(self, printer: 'Printer')",
    'xdsl.dialects.gpu.BlockIdOp.#properties': 'dimension',
    'xdsl.dialects.gpu.BlockIdOp.parse': "(cls, parser: 'Parser') -> 'Self'",
    'xdsl.dialects.gpu.BlockIdOp.print': "(self, printer: 'Printer')",
    'xdsl.dialects.gpu.FuncOp.parse': "(cls, parser: 'Parser') -> 'Self'",
    'xdsl.dialects.gpu.FuncOp.print': "(self, printer: 'Printer')",
    'xdsl.dialects.gpu.FuncOp.verify_': "(self: 'IRDLOperation')",
    'xdsl.dialects.gpu.GlobalIdOp.#properties': 'dimension',
    'xdsl.dialects.gpu.GlobalIdOp.parse': "(cls, parser: 'Parser') -> 'Self'",
    'xdsl.dialects.gpu.GlobalIdOp.print': "(self, printer: 'Printer')",
    'xdsl.dialects.gpu.GridDimOp.#properties': 'dimension',
    'xdsl.dialects.gpu.GridDimOp.parse': "(cls, parser: 'Parser') -> 'Self'",
    'xdsl.dialects.gpu.GridDimOp.print': "(self, printer: 'Printer')",
    'xdsl.dialects.gpu.LaneIdOp.#properties': '',
    'xdsl.dialects.gpu.LaneIdOp.parse': "(cls, parser: 'Parser') -> 'Self'",
    'xdsl.dialects.gpu.LaneIdOp.print': "(self, printer: 'Printer')",
    'xdsl.dialects.gpu.LaunchFuncOp.parse': "(cls, parser: 'Parser') -> 'Self'",
    'xdsl.dialects.gpu.LaunchFuncOp.print': "(self, printer: 'Printer')",
    'xdsl.dialects.gpu.LaunchOp.parse': "(cls, parser: 'Parser') -> 'Self'",
    'xdsl.dialects.gpu.LaunchOp.print': "(self, printer: 'Printer')",
    'xdsl.dialects.gpu.LaunchOp.verify_': "(self: 'IRDLOperation')",
    'xdsl.dialects.gpu.ModuleOp.parse': "(cls, parser: 'Parser') -> 'Self'",
    'xdsl.dialects.gpu.ModuleOp.print': "(self, printer: 'Printer')",
    'xdsl.dialects.gpu.NumSubgroupsOp.#properties': '',
    'xdsl.dialects.gpu.NumSubgroupsOp.parse': "(cls, parser: 'Parser') -> 'Self'",
    'xdsl.dialects.gpu.NumSubgroupsOp.print': "(self, printer: 'Printer')",
    'xdsl.dialects.gpu.ReturnOp.parse': "(cls, parser: 'Parser') -> 'Self'",
    'xdsl.dialects.gpu.ReturnOp.print': "(self, printer: 'Printer')",
    'xdsl.dialects.gpu.SubgroupIdOp.#properties': '',
    'xdsl.dialects.gpu.SubgroupIdOp.parse': "(cls, parser: 'Parser') -> 'Self'",
    'xdsl.dialects.gpu.SubgroupIdOp.print': "(self, printer: 'Printer')",
    'xdsl.dialects.gpu.SubgroupSizeOp.#properties': '',
    'xdsl.dialects.gpu.SubgroupSizeOp.parse': "(cls, parser: 'Parser') -> 'Self'",
    'xdsl.dialects.gpu.SubgroupSizeOp.print': "(self, printer: 'Printer')",
    'xdsl.dialects.gpu.TerminatorOp.parse': "(cls, parser: 'Parser') -> 'Self'",
    'xdsl.dialects.gpu.TerminatorOp.print': "(self, printer: 'Printer')",
    'xdsl.dialects.gpu.ThreadIdOp.#properties': 'dimension',
    'xdsl.dialects.gpu.ThreadIdOp.parse': "(cls, parser: 'Parser') -> 'Self'",
    'xdsl.dialects.gpu.ThreadIdOp.print': "(self, printer: 'Printer')",
    'xdsl.dialects.gpu.YieldOp.parse': "(cls, parser: 'Parser') -> 'Self'",
    'xdsl.dialects.gpu.YieldOp.print': "(self, printer: 'Printer')",
    'xdsl.dialects.gpu.AllocOp.parse': "(cls, parser: 'Parser') -> 'Self'",
    'xdsl.dialects.gpu.AllocOp.print': "(self, printer: 'Printer')",
    'xdsl.dialects.gpu.DeallocOp.create': "(cls: 'type[Self]', *, operands: 'Sequence[SSAValue]' = (), result_types: 'Sequence[Attribute]' = (), properties: 'Mapping[str, Attribute]' = {}, attributes: 'Mapping[str, Attribute]' = {}, location: 'LocationAttr | None' = None, successors: 'Sequence[Block]' = (), regions: 'Sequence[Region]' = ()) -> 'Self'",
    'xdsl.dialects.gpu.DeallocOp.parse': "(cls, parser: 'Parser') -> 'Self'",
    'xdsl.dialects.gpu.DeallocOp.print': "(self, printer: 'Printer')",
    'xdsl.dialects.gpu.MemcpyOp.create': "(cls: 'type[Self]', *, operands: 'Sequence[SSAValue]' = (), result_types: 'Sequence[Attribute]' = (), properties: 'Mapping[str, Attribute]' = {}, attributes: 'Mapping[str, Attribute]' = {}, location: 'LocationAttr | None' = None, successors: 'Sequence[Block]' = (), regions: 'Sequence[Region]' = ()) -> 'Self'",
    'xdsl.dialects.gpu.MemcpyOp.parse': "(cls, parser: 'Parser') -> 'Self'",
    'xdsl.dialects.gpu.MemcpyOp.print': "(self, printer: 'Printer')",
    'xdsl.dialects.gpu.WaitOp.parse': "(cls, parser: 'Parser') -> 'Self'",
    'xdsl.dialects.gpu.WaitOp.print': "(self, printer: 'Printer')",
    'xdsl.dialects.affine.IfOp.parse': "(cls, parser: 'Parser') -> 'Self'",
    'xdsl.dialects.affine.IfOp.print': "(self, printer: 'Printer')",
    'xdsl.dialects.affine.ParallelOp.parse': "(cls, parser: 'Parser') -> 'Self'",
    'xdsl.dialects.affine.ParallelOp.print': "(self, printer: 'Printer')",
    'xdsl.dialects.scf.IfOp.parse': "(cls, parser: 'Parser') -> 'Self'",
    'xdsl.dialects.scf.ParallelOp.parse': "(cls, parser: 'Parser') -> 'Self'",
    'xdsl.dialects.scf.ParallelOp.print': "(self, printer: 'Printer')",
    'xdsl.dialects.scf.WhileOp.parse': "(cls, parser: 'Parser') -> 'Self'",
    'xdsl.dialects.arith.ExtFOp.parse': "(cls: 'type[IRDLOperationInvT]', parser: 'Parser') -> 'IRDLOperationInvT'",
    'xdsl.dialects.arith.ExtFOp.print': "(self: 'IRDLOperation', printer: 'Printer')",
    'xdsl.dialects.arith.TruncFOp.parse': "(cls: 'type[IRDLOperationInvT]', parser: 'Parser') -> 'IRDLOperationInvT'",
    'xdsl.dialects.arith.TruncFOp.print': "(self: 'IRDLOperation', printer: 'Printer')",
    'xdsl.dialects.scf.ForOp.#properties': '',
    'xdsl.dialects.scf.ForOp.parse': "(cls, parser: 'Parser') -> 'Self'",
    'xdsl.dialects.scf.ForOp.print': "(self, printer: 'Printer')",
    'xdsl.dialects.affine.ParallelOp.#properties': 'lowerBoundsGroups,lowerBoundsMap,reductions,steps,upperBoundsGroups,upperBoundsMap',
    'xdsl.dialects.affine.ParallelOp.verify_': "(self: 'IRDLOperation')",
    'xdsl.dialects.scf.ReduceOp.parse': "(cls: 'type[IRDLOperationInvT]', parser: 'Parser') -> 'IRDLOperationInvT'",
    'xdsl.dialects.scf.ReduceOp.print': "(self: 'IRDLOperation', printer: 'Printer')",
    'xdsl.parser.affine_parser.AffineParser._get_parse_optional_ssa_value': "(self) -> 'tuple[Callable[[], AffineExpr | None], dict[str, int], list[Span]]'",
    'xdsl.dialects.affine.ForOp.parse': "(cls, parser: 'Parser') -> 'Self'",
    'xdsl.dialects.arith.CmpfOp.parse': "(cls, parser: 'Parser')",
    'xdsl.dialects.arith.CmpfOp.#results': 'result',
    'xdsl.dialects.arith.CmpfOp.verify_': "(self: 'IRDLOperation')",
    'xdsl.dialects.arith.CmpiOp.parse': "(cls, parser: 'Parser')",
    'xdsl.dialects.arith.CmpiOp.#results': 'result',
    'xdsl.dialects.arith.CmpiOp.verify_': "(self: 'IRDLOperation')",
    'xdsl.dialects.arith.ExtFOp.#operands': 'input',
    'xdsl.dialects.arith.ExtFOp.#results': 'result',
    'xdsl.dialects.arith.ExtFOp.verify_': "(self: 'IRDLOperation')",
    'xdsl.dialects.arith.ExtSIOp.#operands': 'input',
    'xdsl.dialects.arith.ExtSIOp.#results': 'result',
    'xdsl.dialects.arith.ExtSIOp.verify_': "(self: 'IRDLOperation')",
    'xdsl.dialects.arith.ExtUIOp.#operands': 'input',
    'xdsl.dialects.arith.ExtUIOp.#results': 'result',
    'xdsl.dialects.arith.ExtUIOp.verify_': "(self: 'IRDLOperation')",
    'xdsl.dialects.arith.FPToSIOp.#operands': 'input',
    'xdsl.dialects.arith.FPToSIOp.#results': 'result',
    'xdsl.dialects.arith.FPToSIOp.verify_': "(self: 'IRDLOperation')",
    'xdsl.dialects.arith.FPToUIOp.#operands': 'input',
    'xdsl.dialects.arith.FPToUIOp.#results': 'result',
    'xdsl.dialects.arith.FPToUIOp.verify_': "(self: 'IRDLOperation')",
    'xdsl.dialects.arith.IndexCastOp.#operands': 'input',
    'xdsl.dialects.arith.IndexCastOp.#results': 'result',
    'xdsl.dialects.arith.IndexCastOp.verify_': "(self: 'IRDLOperation')",
    'xdsl.dialects.arith.SIToFPOp.#operands': 'input',
    'xdsl.dialects.arith.SIToFPOp.#results': 'result',
    'xdsl.dialects.arith.SIToFPOp.verify_': "(self: 'IRDLOperation')",
    'xdsl.dialects.arith.SelectOp.parse': "(cls: 'type[IRDLOperationInvT]', parser: 'Parser') -> 'IRDLOperationInvT'",
    'xdsl.dialects.arith.SelectOp.print': "(self: 'IRDLOperation', printer: 'Printer')",
    'xdsl.dialects.arith.SelectOp.#operands': 'cond,lhs,rhs',
    'xdsl.dialects.arith.SelectOp.verify_': "(self: 'IRDLOperation')",
    'xdsl.dialects.arith.TruncFOp.#operands': 'input',
    'xdsl.dialects.arith.TruncFOp.#results': 'result',
    'xdsl.dialects.arith.TruncFOp.verify_': "(self: 'IRDLOperation')",
    'xdsl.dialects.arith.TruncIOp.#operands': 'input',
    'xdsl.dialects.arith.TruncIOp.#results': 'result',
    'xdsl.dialects.arith.TruncIOp.verify_': "(self: 'IRDLOperation')",
    'xdsl.dialects.arith.UIToFPOp.#operands': 'input',
    'xdsl.dialects.arith.UIToFPOp.#results': 'result',
    'xdsl.dialects.arith.UIToFPOp.verify_': "(self: 'IRDLOperation')",
    'xdsl.dialects.vector.BitcastOp.verify_': "(self: 'IRDLOperation')",
    'xdsl.dialects.vector.LoadOp.verify_': "(self: 'IRDLOperation')",
    'xdsl.dialects.vector.StoreOp.verify_': "(self: 'IRDLOperation')",
    'xdsl.dialects.tensor.PadOp.verify_': "(self: 'IRDLOperation')",
    'xdsl.dialects.tensor.ReshapeOp.#operands': 'shape,source',
    'xdsl.dialects.tensor.ReshapeOp.#results': 'result',
    'xdsl.dialects.tensor.ReshapeOp.verify_': "(self: 'IRDLOperation')",
    'xdsl.dialects.cf.ConditionalBranchOp.#properties': 'operandSegmentSizes',
    'xdsl.dialects.cf.ConditionalBranchOp.parse': "(cls: 'type[IRDLOperationInvT]', parser: 'Parser') -> 'IRDLOperationInvT'",
    'xdsl.dialects.cf.ConditionalBranchOp.print': "(self: 'IRDLOperation', printer: 'Printer')",
    'xdsl.dialects.llvm.GEPOp.#operands': 'ptr,ssa_indices',
    'xdsl.dialects.llvm.GEPOp.#results': 'result',
    'xdsl.dialects.llvm.ICmpOp.#operands': 'lhs,rhs',
    'xdsl.dialects.llvm.SelectOp.#operands': 'cond,lhs,rhs',
    'xdsl.dialects.llvm.TruncOp.#properties': 'overflowFlags',
    'xdsl.dialects.llvm.TruncOp.print': "(self, printer: 'Printer')",
    'xdsl.dialects.llvm.GlobalOp.print': "(self, printer: 'Printer') -> 'None'",
    'xdsl.dialects.llvm.GEPOp.parse': "(cls, parser: 'Parser') -> 'GEPOp'",
    'xdsl.dialects.llvm.GEPOp.print': "(self, printer: 'Printer') -> 'None'",
    'xdsl.dialects.llvm.LoadOp.#properties': 'alignment,ordering',
    'xdsl.dialects.llvm.LoadOp.parse': "(cls, parser: 'Parser') -> 'LoadOp'",
    'xdsl.dialects.llvm.LoadOp.print': "(self, printer: 'Printer') -> 'None'",
    'xdsl.dialects.llvm.CondBrOp.#properties': 'operandSegmentSizes',
    'xdsl.dialects.llvm.CondBrOp.parse': "(cls: 'type[IRDLOperationInvT]', parser: 'Parser') -> 'IRDLOperationInvT'",
    'xdsl.dialects.llvm.CondBrOp.print': "(self: 'IRDLOperation', printer: 'Printer')",
    'xdsl.dialects.llvm.LLVMStructType.parse_parameters': "(cls, parser: 'AttrParser') -> 'tuple[StringAttr, ArrayAttr]'",
    'xdsl.dialects.llvm.LLVMStructType.print_parameters': "(self, printer: 'Printer') -> 'None'",
    'xdsl.dialects.llvm.is_compatible_type': "(type_attr: 'Attribute') -> 'bool'",
    'xdsl.dialects.llvm.AllocaOp.#properties': 'alignment,elem_type',
    'xdsl.dialects.llvm.AllocaOp.parse': "(cls, parser: 'Parser') -> 'AllocaOp'",
    'xdsl.dialects.llvm.AllocaOp.print': "(self, printer: 'Printer') -> 'None'",
    'xdsl.dialects.llvm.StoreOp.#properties': 'alignment,nontemporal,ordering,volatile_',
    'xdsl.dialects.llvm.StoreOp.parse': "(cls, parser: 'Parser') -> 'StoreOp'",
    'xdsl.dialects.llvm.StoreOp.print': "(self, printer: 'Printer') -> 'None'",
    'xdsl.dialects.llvm.ZeroOp.#results': 'res',
    'xdsl.dialects.linalg.ops.MatmulOp.body_arg_types': "(operands: 'Sequence[SSAValue]') -> 'Sequence[AnyFloat | IntegerType]'",
    'xdsl.dialects.linalg.ops.MatmulOp.get_hidden_region': "(cls, inputs: 'Sequence[SSAValue]', outputs: 'Sequence[SSAValue]') -> 'Region'",
    'xdsl.dialects.linalg.ops.MatmulOp.parse': "(cls, parser: 'Parser')",
    'xdsl.dialects.linalg.ops.MatmulOp.print': "(self, printer: 'Printer')",
    'xdsl.dialects.linalg.ops.GenericOp.parse': "(cls, parser: 'Parser') -> 'Self'",
    'xdsl.dialects.linalg.ops.IndexOp.#traits': 'HasParent',
    'xdsl.dialects.linalg.ops.ReduceOp.parse': "(cls, parser: 'Parser') -> 'Self'",
    'xdsl.dialects.bufferization.MaterializeInDestinationOp.#operands': 'dest,source',
    'xdsl.dialects.bufferization.MaterializeInDestinationOp.#results': 'result',
    'xdsl.dialects.bufferization.MaterializeInDestinationOp.verify_': "(self: 'IRDLOperation')",
    'xdsl.dialects.bufferization.ToBufferOp.#operands': 'tensor',
    'xdsl.dialects.bufferization.ToBufferOp.verify_': "(self: 'IRDLOperation')",
    'xdsl.dialects.bufferization.ToTensorOp.#results': 'tensor',
    'xdsl.dialects.bufferization.ToTensorOp.verify_': "(self: 'IRDLOperation')",
    'xdsl.dialects.dlti.DLTIEntryMap.parse_parameters': "(cls, parser: 'AttrParser') -> 'tuple[ArrayAttr[DataLayoutEntryAttr]]'",
    'xdsl.dialects.transform.GetParentOp.#options': '',
    'xdsl.dialects.transform.GetParentOp.#properties': 'allow_empty_results,deduplicate,isolated_from_above,nth_parent,op_name',
    'xdsl.dialects.transform.GetParentOp.parse': "(cls, parser: 'Parser') -> 'Self'",
    'xdsl.dialects.transform.GetParentOp.print': "(self, printer: 'Printer')",
    'xdsl.dialects.transform.MatchOperationNameOp.parse': "(cls, parser: 'Parser') -> 'Self'",
    'xdsl.dialects.transform.MatchOperationNameOp.print': "(self, printer: 'Printer')",
    'xdsl.dialects.transform.ParamConstantOp.parse': "(cls, parser: 'Parser') -> 'Self'",
    'xdsl.dialects.transform.ParamConstantOp.print': "(self, printer: 'Printer')",
    'xdsl.dialects.transform.SequenceOp.parse': "(cls, parser: 'Parser') -> 'Self'",
    'xdsl.dialects.transform.SequenceOp.print': "(self, printer: 'Printer')",
    'xdsl.dialects.transform.SequenceOp.results_': 'absent',
    'xdsl.dialects.transform.SequenceOp.#results': '',
    'xdsl.dialects.transform.SplitHandleOp.#options': '',
    'xdsl.dialects.transform.SplitHandleOp.#properties': 'fail_on_payload_too_small,overflow_result,pass_through_empty_handle',
    'xdsl.dialects.transform.SplitHandleOp.parse': "(cls, parser: 'Parser') -> 'Self'",
    'xdsl.dialects.transform.SplitHandleOp.print': "(self, printer: 'Printer')",
    'xdsl.dialects.transform.YieldOp.parse': "(cls: 'type[IRDLOperationInvT]', parser: 'Parser') -> 'IRDLOperationInvT'",
    'xdsl.dialects.transform.YieldOp.print': "(self: 'IRDLOperation', printer: 'Printer')",
    'xdsl.dialects.transform.CastOp.parse': "(cls, parser: 'Parser') -> 'Self'",
    'xdsl.dialects.transform.CastOp.print': "(self, printer: 'Printer')",
    'xdsl.dialects.transform.GetConsumersOfResultOp.parse': "(cls, parser: 'Parser') -> 'Self'",
    'xdsl.dialects.transform.GetConsumersOfResultOp.print': "(self, printer: 'Printer')",
    'xdsl.dialects.transform.GetDefiningOp.parse': "(cls, parser: 'Parser') -> 'Self'",
    'xdsl.dialects.transform.GetDefiningOp.print': "(self, printer: 'Printer')",
    'xdsl.dialects.transform.GetProducerOfOperandOp.parse': "(cls, parser: 'Parser') -> 'Self'",
    'xdsl.dialects.transform.GetProducerOfOperandOp.print': "(self, printer: 'Printer')",
    'xdsl.dialects.transform.GetTypeOp.parse': "(cls, parser: 'Parser') -> 'Self'",
    'xdsl.dialects.transform.GetTypeOp.print': "(self, printer: 'Printer')",
    'xdsl.dialects.transform.IncludeOp.parse': "(cls, parser: 'Parser') -> 'Self'",
    'xdsl.dialects.transform.IncludeOp.print': "(self, printer: 'Printer')",
    'xdsl.dialects.transform.MatchOperationEmptyOp.parse': "(cls, parser: 'Parser') -> 'Self'",
    'xdsl.dialects.transform.MatchOperationEmptyOp.print': "(self, printer: 'Printer')",
    'xdsl.dialects.transform.MergeHandlesOp.parse': "(cls, parser: 'Parser') -> 'Self'",
    'xdsl.dialects.transform.MergeHandlesOp.print': "(self, printer: 'Printer')",
    'xdsl.dialects.transform.SelectOp.parse': "(cls, parser: 'Parser') -> 'Self'",
    'xdsl.dialects.transform.SelectOp.print': "(self, printer: 'Printer')",
    'xdsl.irdl.operations.OpDef.verify': "(self, op: 'Operation')",
    'xdsl.pattern_rewriter.PatternRewriter.handle_operation_insertion': "(self, op: 'Operation') -> 'None'",
    'xdsl.dialects.func.parse_func_op_like': '(parser: xdsl.parser.core.Parser, *, reserved_attr_names: collections.abc.Sequence[str], allow_variadic: bool = False) -> tuple[str, collections.abc.Sequence[xdsl.ir.core.Attribute], collections.abc.Sequence[xdsl.ir.core.Attribute], xdsl.ir.core.Region, xdsl.dialects.builtin.DictionaryAttr | None, xdsl.dialects.builtin.ArrayAttr[xdsl.dialects.builtin.DictionaryAttr] | None, xdsl.dialects.builtin.ArrayAttr[xdsl.dialects.builtin.DictionaryAttr] | None] | tuple[str, collections.abc.Sequence[xdsl.ir.core.Attribute], collections.abc.Sequence[xdsl.ir.core.Attribute], xdsl.ir.core.Region, xdsl.dialects.builtin.DictionaryAttr | None, xdsl.dialects.builtin.ArrayAttr[xdsl.dialects.builtin.DictionaryAttr] | None, xdsl.dialects.builtin.ArrayAttr[xdsl.dialects.builtin.DictionaryAttr] | None, bool]',
    'xdsl.dialects.func.print_func_op_like': '(printer: xdsl.printer.Printer, sym_name: xdsl.dialects.builtin.StringAttr, function_type: xdsl.dialects.builtin.FunctionType, body: xdsl.ir.core.Region, attributes: dict[str, xdsl.ir.core.Attribute], *, arg_attrs: xdsl.dialects.builtin.ArrayAttr[xdsl.dialects.builtin.DictionaryAttr] | None = None, res_attrs: xdsl.dialects.builtin.ArrayAttr[xdsl.dialects.builtin.DictionaryAttr] | None = None, reserved_attr_names: collections.abc.Sequence[str], is_variadic: bool = False, print_empty_outputs: bool = True)',
    'xdsl.dialects.llvm.parse_func_op_like': '(parser: xdsl.parser.core.Parser, *, reserved_attr_names: collections.abc.Sequence[str], allow_variadic: bool = False) -> tuple[str, collections.abc.Sequence[xdsl.ir.core.Attribute], collections.abc.Sequence[xdsl.ir.core.Attribute], xdsl.ir.core.Region, xdsl.dialects.builtin.DictionaryAttr | None, xdsl.dialects.builtin.ArrayAttr[xdsl.dialects.builtin.DictionaryAttr] | None, xdsl.dialects.builtin.ArrayAttr[xdsl.dialects.builtin.DictionaryAttr] | None] | tuple[str, collections.abc.Sequence[xdsl.ir.core.Attribute], collections.abc.Sequence[xdsl.ir.core.Attribute], xdsl.ir.core.Region, xdsl.dialects.builtin.DictionaryAttr | None, xdsl.dialects.builtin.ArrayAttr[xdsl.dialects.builtin.DictionaryAttr] | None, xdsl.dialects.builtin.ArrayAttr[xdsl.dialects.builtin.DictionaryAttr] | None, bool]',
    'xdsl.dialects.llvm.print_func_op_like': '(printer: xdsl.printer.Printer, sym_name: xdsl.dialects.builtin.StringAttr, function_type: xdsl.dialects.builtin.FunctionType, body: xdsl.ir.core.Region, attributes: dict[str, xdsl.ir.core.Attribute], *, arg_attrs: xdsl.dialects.builtin.ArrayAttr[xdsl.dialects.builtin.DictionaryAttr] | None = None, res_attrs: xdsl.dialects.builtin.ArrayAttr[xdsl.dialects.builtin.DictionaryAttr] | None = None, reserved_attr_names: collections.abc.Sequence[str], is_variadic: bool = False, print_empty_outputs: bool = True)',
    'xdsl.dialects.llvm.FuncOp.#properties': 'CConv,arg_attrs,frame_pointer,function_type,linkage,no_inline,no_unwind,optimize_none,passthrough,res_attrs,sym_name,sym_visibility,target_cpu,target_features,tune_cpu,unnamed_addr,visibility_',
    'xdsl.dialects.llvm.GlobalOp.#properties': 'addr_space,alignment,constant,dso_local,global_type,linkage,section,sym_name,thread_local_,unnamed_addr,value,visibility_',
    'xdsl.dialects.llvm.GlobalOp.parse': "(cls, parser: 'Parser') -> 'GlobalOp'",
    'xdsl.dialects.llvm.ConstantOp.#properties': 'value',
}

PRIVATE: dict[str, str] = {
    'xdsl.parser.Parser._current_token': 'property',
    'xdsl.parser.Parser._consume_token': '(self, expected_kind: Optional[~TokenKindT] = None) -> xdsl.utils.lexer.Token[~TokenKindT, ~ContentT]',
    'xdsl.parser.Parser._parse_token': '(self, expected_kind: ~TokenKindT, error_msg: str) -> xdsl.utils.lexer.Token[~TokenKindT, ~ContentT]',
    'xdsl.parser.Parser._parser_state': 'field',
    'xdsl.parser.affine_parser.AffineParser._get_parse_optional_ssa_value': "(self) -> 'tuple[Callable[[], AffineExpr | None], dict[str, int], list[Span]]'",
    'xdsl.parser.affine_parser.AffineParser._parse_affine_expr': "(self, parse_optional_bare_id: 'Callable[[], AffineExpr | None]') -> 'AffineExpr'",
    'xdsl.parser.attribute_parser.AttrParser._parse_location': "(self) -> 'LocationAttr'",
    'xdsl.ir.Dialect._interfaces': 'field',
    'xdsl.ir.core.OpTraits._traits': 'field',
    'xdsl.pattern_rewriter.PatternRewriter._current_operation': 'field',
    'xdsl.dialects.affine._print_affine_expr_of_ssa_ids': "(printer: 'Printer', expr: 'AffineExpr', operands: 'Sequence[SSAValue]', min_prec: 'int' = 0) -> 'None'",
    'xdsl.dialects.affine._print_affine_map_of_ssa_ids': "(printer: 'Printer', map: 'AffineMap', operands: 'Sequence[SSAValue]') -> 'None'",
    'xdsl.irdl.declarative_assembly_format.FormatProgram.from_str': "(input: 'str', op_def: 'OpDef') -> 'FormatProgram'",
    'xdsl.irdl.operations.OpDef.verify': "(self, op: 'Operation')",
    'xdsl.ir.Dialect.__init__': "(self, _name: 'str', _operations: 'list[type[Operation]]' = <factory>, _attributes: 'list[type[Attribute]]' = <factory>, _interfaces: 'list[DialectInterface]' = <factory>) -> None",
}


def _resolve(name: str) -> tuple[Any, Any, str] | None:
    """(owner, value or None, member) for a dotted name: the longest importable module
    prefix, then attributes; None when the owner itself is gone."""
    parts = name.split(".")
    for cut in range(len(parts) - 1, 0, -1):
        try:
            obj: Any = importlib.import_module(".".join(parts[:cut]))
        except ImportError:
            continue
        for part in parts[cut:-1]:
            obj = getattr(obj, part, None)
            if obj is None:
                return None
        member = parts[-1]
        if member.startswith("#"):
            return obj, None, member
        return obj, inspect.getattr_static(obj, member, None), member
    return None


def _field_names(cls: Any, field: str) -> str:
    definition = cls.get_irdl_definition()
    value = getattr(definition, field)
    if field == "traits":
        return ",".join(sorted(type(t).__name__ for t in value))
    if field == "options":
        return ",".join(sorted(type(o).__name__ for o in value))
    names = value.keys() if isinstance(value, dict) else (n for n, _ in value)
    return ",".join(sorted(names))


def _instance_field(cls: Any, member: str) -> bool:
    """An attribute set on instances (a dataclass field or an annotated one)."""
    for klass in getattr(cls, "__mro__", ()):
        if member in getattr(klass, "__dataclass_fields__", {}):
            return True
        if member in getattr(klass, "__annotations__", {}):
            return True
    return False


def describe(name: str) -> str:
    """What `name` looks like in the running process (see the module docstring)."""
    found = _resolve(name)
    if found is None:
        return "missing owner"
    owner, value, member = found
    if member.startswith("#"):
        return _field_names(owner, member[1:])
    if value is None:
        return "field" if _instance_field(owner, member) else ABSENT
    if isinstance(value, classmethod | staticmethod):
        value = value.__func__
    if isinstance(value, property):
        return "property"
    if callable(value):
        try:
            return str(inspect.signature(value))
        except (TypeError, ValueError):
            return "callable"
    return type(value).__name__


if __name__ == "__main__":
    from ir_studio.dialects.extensions.patches import PATCHES

    for patch in PATCHES:
        for name in patch.names():
            print(f"    {name!r}: {describe(name)!r},")
