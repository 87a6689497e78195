"""The llvm constructs of issue 12's last gaps: exception handling (invoke, landingpad),
block addresses (blockaddress, blocktag, indirectbr), comdat groups, aliases, ifuncs,
constants of strings and structs, and argument attributes of function declarations.
Each prints in MLIR's custom form, mlir-opt accepts what ir-studio prints, the print
is a fixed point, names resolve in the index, and malformed variants give located
errors, never internal ones."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from xdsl.dialects.builtin import ArrayAttr

from ir_studio.document import build_document
from ir_studio.index import DocumentIndex
from ir_studio.printing import print_ir
from ir_studio.testing import span_of, text_at
from tests.differential.oracle import CORPUS

FILES = {
    "llvm_exception_handling.mlir": (
        "%r = llvm.invoke @may_throw(%x) to ^ok(%x : i32) unwind ^caught : (i32) -> i32",
        "llvm.invoke %fn(%arg) to ^done unwind ^caught : !llvm.ptr, (i32) -> ()",
        "llvm.invoke fastcc @log(%r) to ^end unwind ^caught : (i32) -> ()",
        "llvm.landingpad cleanup (catch %zero : !llvm.ptr) (catch %info : !llvm.ptr) : ",
        "llvm.resume %e : "),
    "llvm_invoke_vararg_bundles.mlir": (
        "llvm.invoke @printf_like(%code, %msg) to ^done unwind ^first vararg(!llvm.func<void "
        "(i32, ...)>) : (i32, !llvm.ptr) -> ()",
        '["deopt"(%one : i32), "funclet"()] : (i32) -> ()'),
    "llvm_block_addresses.mlir": (
        "llvm.blockaddress <function = @interpret, tag = <id = 2>> : !llvm.ptr",
        "llvm.indirectbr %start : !llvm.ptr, [\n      ^add(%op : i32),\n      ^halt\n    ]",
        "llvm.blocktag <id = 1>\n"),
    "llvm_comdat_alias_ifunc.mlir": (
        "llvm.comdat @__llvm_comdat {\n    llvm.comdat_selector @inline_var any\n",
        "llvm.comdat_selector @same samesize",
        "@inline_var(42 : i32) comdat(@__llvm_comdat::@inline_var) {",
        "llvm.func linkonce_odr @inline_fn() -> i32 vscale_range(1, 16) "
        "comdat(@__llvm_comdat::@unique) {",
        "llvm.mlir.alias external @var_alias : i32 {",
        "llvm.mlir.alias linkonce_odr hidden unnamed_addr @second_entry {dso_local} : ",
        "llvm.mlir.ifunc external @dispatch : !llvm.func<i32 ()>, !llvm.ptr @pick_impl\n",
        "@dispatch_local : !llvm.func<i32 ()>, !llvm.ptr @pick_impl {dso_local}",
        "llvm.dso_local_equivalent @inline_fn : !llvm.ptr"),
    "func_declaration_argument_attributes.mlir": (
        "func.func private @copy(!llvm.ptr {llvm.noalias, llvm.nonnull}, !llvm.ptr "
        "{llvm.noalias, llvm.readonly}, i64 {llvm.noundef}) -> (i32 {llvm.zeroext})",
        "func.func private @plain(i32, f32) -> i32\n",
        "func.func @caller(%dst: !llvm.ptr {llvm.noalias}, %n: i64 {llvm.noundef}) -> i32",
        "llvm.func @llvm_decl(!llvm.ptr {llvm.align = 16 : i64, llvm.dereferenceable = "
        "64 : i64}, i8 {llvm.signext}) -> (!llvm.ptr {llvm.noalias})",
        "llvm.func @llvm_variadic(!llvm.ptr {llvm.nonnull}, ...) -> i32"),
    "llvm_global_visibility_words.mlir": (
        "llvm.mlir.global external hidden @exported_hidden(1 : i32)",
        "llvm.mlir.global internal protected thread_local unnamed_addr constant @tls_const("
        "2 : i32) {addr_space = 0 : i32, dso_local} : i32"),
    "llvm_constant_strings_structs_arrays.mlir": (
        'llvm.mlir.constant("abc") : !llvm.array<3 x i8>',
        "llvm.mlir.constant([1 : i32, 2.500000e+00 : f64]) : !llvm.struct<(i32, f64)>",
        "llvm.mlir.constant(dense<7> : vector<[4]xi32>) : vector<[4]xi32>"),
}


def _printed(name: str) -> str:
    path = CORPUS / "valid" / name
    document = build_document(str(path), 0, path.read_text())
    assert document.diagnostics == (), [d.message for d in document.diagnostics]
    module = document.chunks[0].module
    assert module is not None
    return print_ir(module)


@pytest.mark.parametrize("name", sorted(FILES))
def test_custom_form_printed_and_a_fixed_point(name: str) -> None:
    printed = _printed(name)
    for fragment in FILES[name]:
        assert fragment in printed, f"{fragment!r} missing from:\n{printed}"
    assert '"llvm.' not in printed  # nothing fell back to the generic form
    again = build_document("again.mlir", 0, printed)
    assert again.diagnostics == (), [d.message for d in again.diagnostics]
    assert print_ir(again.chunks[0].module) == printed


@pytest.mark.oracle
@pytest.mark.parametrize("name", sorted(FILES))
def test_mlir_opt_accepts_the_print_and_its_generic_form_reads_back(
        mlir_opt: str, name: str, tmp_path: Path) -> None:
    out = tmp_path / name
    out.write_text(_printed(name))
    result = subprocess.run([mlir_opt, str(out), "-o", "/dev/null"], capture_output=True,
                            text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    generic = subprocess.run([mlir_opt, "--mlir-print-op-generic", str(CORPUS / "valid" / name)],
                             capture_output=True, text=True, timeout=60)
    assert generic.returncode == 0, generic.stderr
    document = build_document("generic.mlir", 0, generic.stdout)
    assert document.diagnostics == (), [d.message for d in document.diagnostics]


def test_declaration_argument_attributes_survive_a_round_trip() -> None:
    """xDSL dropped them: the declaration printed as `@f(i32) -> i32`."""
    text = "func.func private @f(i32 {llvm.noundef}, f32) -> (i32 {llvm.zeroext})\n"
    module = build_document("d.mlir", 0, text).chunks[0].module
    assert module is not None
    [function] = module.body.block.ops
    arg_attrs = function.properties["arg_attrs"]
    assert isinstance(arg_attrs, ArrayAttr)
    assert [sorted(group.data) for group in arg_attrs.data] == [["llvm.noundef"], []]
    assert "@f(i32 {llvm.noundef}, f32) -> (i32 {llvm.zeroext})" in print_ir(module)


def test_symbols_of_the_new_ops_resolve() -> None:
    text = (CORPUS / "valid" / "llvm_comdat_alias_ifunc.mlir").read_text()
    index = DocumentIndex(build_document("c.mlir", 0, text))
    resolver = span_of(text, "@pick_impl\n").start + 1
    assert [text_at(text, s) for s in index.definition(resolver)] == ["@pick_impl"]
    assert index.definition(resolver)[0].start == span_of(text, "@pick_impl()").start
    group = span_of(text, "@__llvm_comdat::@table").start + 1
    assert [s.start for s in index.definition(group)] == [span_of(text, "@__llvm_comdat {").start]
    # The selector, not the global of the same name outside the comdat.
    selector = span_of(text, "@__llvm_comdat::@inline_var").start + len("@__llvm_comdat::@")
    assert [s.start for s in index.definition(selector)] == [
        span_of(text, "@inline_var any").start]
    assert len(index.references(selector)) > 2  # references still list every same-named use
    called = span_of(text, "@dispatch()").start + 1
    assert [s.start for s in index.definition(called)] == [span_of(text, "@dispatch :").start]
    blocks = (CORPUS / "valid" / "llvm_block_addresses.mlir").read_text()
    index = DocumentIndex(build_document("b.mlir", 0, blocks))
    function = span_of(blocks, "@interpret, tag = <id = 2>").start + 1
    assert [s.start for s in index.definition(function)] == [
        span_of(blocks, "@interpret(").start]
    eh = (CORPUS / "valid" / "llvm_exception_handling.mlir").read_text()
    index = DocumentIndex(build_document("e.mlir", 0, eh))
    callee = span_of(eh, "@may_throw(%x)").start + 1
    assert [s.start for s in index.definition(callee)] == [span_of(eh, "@may_throw(i32)").start]


MALFORMED = [
    ("llvm.func @f(%x: i32) -> i32 {\n  %r = llvm.invoke @g(%x) to ^a unwnd ^b : (i32) -> i32\n"
     "^a:\n  llvm.return %r : i32\n^b:\n  llvm.return %x : i32\n}\n", "unwnd"),
    ("llvm.func @f(%x: i32) -> i32 {\n  %r = llvm.invoke @g(%x) to ^a unwind ^b : (i32, i32) "
     "-> i32\n^a:\n  llvm.return %r : i32\n^b:\n  llvm.return %x : i32\n}\n", "(i32, i32) -> i32"),
    ("llvm.func @f(%x: i32) {\n  llvm.invoke @g(%x) to ^a unwind ^b : (i32) -> !llvm.void\n"
     "^a:\n  llvm.return\n^b:\n  llvm.return\n}\n", "(i32) -> !llvm.void"),
    ("llvm.func @f() {\n  %e = llvm.landingpad (throw %x : i32) : i32\n  llvm.return\n}\n",
     "throw"),
    ("llvm.func @f() -> !llvm.ptr {\n  %a = llvm.blockaddress <function = @f, tag = <id = -1>>"
     " : !llvm.ptr\n  llvm.return %a : !llvm.ptr\n}\n", "-1"),
    ("llvm.func @f() -> !llvm.ptr {\n  %a = llvm.blockaddress <function = @f::@g, tag = <id = "
     "1>> : !llvm.ptr\n  llvm.return %a : !llvm.ptr\n}\n", "@f::@g"),
    ("llvm.func @f(%p: !llvm.ptr) {\n  llvm.indirectbr %p : !llvm.ptr, [^a(%p)]\n^a(%q: "
     "!llvm.ptr):\n  llvm.return\n}\n", ")"),
    ("llvm.comdat @c {\n  llvm.comdat_selector @s biggest\n}\n", "biggest"),
    ("llvm.mlir.global internal @g(1 : i32) comdat(1) : i32\n", "1"),
    ("llvm.mlir.ifunc external @i : !llvm.func<void ()>, !llvm.ptr resolver\n", "resolver"),
]


@pytest.mark.parametrize(("text", "token"), MALFORMED,
                         ids=["unwind_keyword", "signature_count", "void_result", "clause",
                              "tag_range", "nested_function", "successor_types",
                              "selection", "comdat_not_symbol", "resolver_not_symbol"])
def test_malformed_variants_are_located_errors(text: str, token: str) -> None:
    document = build_document("bad.mlir", 0, text)
    assert document.diagnostics, "no error"
    first = min(document.diagnostics, key=lambda d: d.span.start)
    assert first.category != "internal", first.message
    assert "internal error" not in first.message
    assert text_at(text, first.span).startswith(token) or first.span.start == text.index(
        token), (first.message, text_at(text, first.span))


@pytest.mark.parametrize("name", sorted(FILES))
def test_every_prefix_of_a_valid_file_checks_without_internal_errors(name: str) -> None:
    """Half-typed input, as an editor sees it while the user types."""
    text = (CORPUS / "valid" / name).read_text()
    for end in range(0, len(text), 7):
        document = build_document("p.mlir", 0, text[:end])
        internal = [d.message for d in document.diagnostics
                    if d.category == "internal" or "internal error" in d.message]
        assert internal == [], (end, internal)
