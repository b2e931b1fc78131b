"""Trunk post-build step, release builds only: gives the wasm's imports short names.

wasm-bindgen names each import after its JS function plus a 16-digit hash
(`__wbg_getItem_49556a3e59cfb688`), and writes every name twice: in the wasm's import section and
as a key of the JS glue's import object. Hashes do not compress, so the names cost about 4 KB
of the brotli first load. This renames both sides to `a`, `b`, … `ba`, … in one pass, and stops
the build if any name is not found exactly once in the glue or the wasm no longer validates.
Runs before minify.py, which brings index.html's integrity hashes up to date for both files."""

import os
import re
import subprocess
import sys

staging = os.environ["TRUNK_STAGING_DIR"]


def fail(message):
    sys.exit(f"shorten_imports: {message}")


def read_leb(data, at):
    """An unsigned LEB128 number at `at`, and the offset after it."""
    value = shift = 0
    while True:
        byte = data[at]
        at += 1
        value |= (byte & 0x7F) << shift
        shift += 7
        if byte < 0x80:
            return value, at


def leb(value):
    out = bytearray()
    while True:
        byte, value = value & 0x7F, value >> 7
        out.append(byte | (0x80 if value else 0))
        if not value:
            return bytes(out)


def skip_limits(data, at):
    flags, at = read_leb(data, at)
    if flags & ~0x03:
        fail(f"limits with flags {flags:#x} are not supported")
    _, at = read_leb(data, at)
    if flags & 0x01:
        _, at = read_leb(data, at)
    return at


def skip_import_description(data, at):
    """The offset after one import's kind and description (function, table, memory or global)."""
    kind = data[at]
    at += 1
    if kind == 0:
        return read_leb(data, at)[1]
    if kind == 1:
        return skip_limits(data, at + 1)
    if kind == 2:
        return skip_limits(data, at)
    if kind == 3:
        return at + 2
    fail(f"import kind {kind} is not supported")


def short_name(n):
    """`a`…`z`, then `ba`, `bb`… (never clashing; each a valid object key)."""
    letters = ""
    while True:
        letters = chr(ord("a") + n % 26) + letters
        n //= 26
        if not n:
            return letters


def rename_imports(wasm, module, names):
    """The wasm with each import from `module` renamed; fills `names` with old -> new."""
    out = bytearray(wasm[:8])
    at = 8
    while at < len(wasm):
        section = wasm[at]
        size, start = read_leb(wasm, at + 1)
        body = wasm[start : start + size]
        if section == 2:
            count, i = read_leb(body, 0)
            new_body = bytearray(leb(count))
            for _ in range(count):
                length, i = read_leb(body, i)
                from_module = body[i : i + length]
                i += length
                length, i = read_leb(body, i)
                field = body[i : i + length].decode()
                i += length
                end = skip_import_description(body, i)
                if from_module.decode() == module:
                    names[field] = short_name(len(names))
                    field = names[field]
                new_body += leb(len(from_module)) + from_module
                new_body += leb(len(field)) + field.encode() + body[i:end]
                i = end
            body = bytes(new_body)
        out += bytes([section]) + leb(len(body)) + body
        at = start + size
    return bytes(out)


for glue_name in os.listdir(staging):
    wasm_name = glue_name[: -len(".js")] + "_bg.wasm"
    if not glue_name.endswith(".js") or not os.path.isfile(os.path.join(staging, wasm_name)):
        continue
    glue_path, wasm_path = os.path.join(staging, glue_name), os.path.join(staging, wasm_name)
    glue = open(glue_path, encoding="utf-8").read()
    # The module the wasm imports from, as the glue's import object names it.
    modules = set(re.findall(r'"(\./[^"]+_bg\.js)"', glue))
    if len(modules) != 1:
        fail(f"{glue_name} names {len(modules)} import modules, not one")
    names = {}
    wasm = rename_imports(open(wasm_path, "rb").read(), modules.pop(), names)
    if not names:
        fail(f"{wasm_name} imports nothing from its glue; has wasm-bindgen changed?")
    for old, new in names.items():
        key = re.compile(rf"(?<![\w$]){re.escape(old)}(?=\s*:)")
        glue, found = key.subn(new, glue)
        if found != 1:
            fail(f"import {old} is named {found} times in {glue_name}, not once")
    open(wasm_path, "wb").write(wasm)
    open(glue_path, "w", encoding="utf-8").write(glue)
    check = "process.exit(WebAssembly.validate(require('fs').readFileSync(process.argv[1])) ? 0 : 1)"
    if subprocess.run(["node", "-e", check, wasm_path]).returncode != 0:
        fail(f"{wasm_name} does not validate after renaming")
