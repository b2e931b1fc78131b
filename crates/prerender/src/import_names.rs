//! Short names for the functions the main module imports from its glue. wasm-bindgen names each
//! `__wbg_<what>_<16 hex digits>` and writes every name twice, in the module's import section
//! and as a key of the glue's imports object: some 200 names, 17 KB raw and 5 KB brotli of a
//! reader's first load. This names them `w0`, `w1`, … in both, and stops the build if any name
//! is not exactly once in the glue.

use crate::edits::replace_exactly;

/// Whether `name` is one wasm-bindgen gave an imported function: `__wbg_…_` and 16 hex digits.
fn is_hashed_import(name: &str) -> bool {
    let Some((stem, hash)) = name.rsplit_once('_') else {
        return false;
    };
    name.starts_with("__wbg_")
        && stem.len() > "__wbg_".len()
        && hash.len() == 16
        && hash.bytes().all(|b| b.is_ascii_hexdigit())
}

/// `wasm` and its `glue` with every hashed import name shortened.
pub fn shorten(wasm: &[u8], glue: &str) -> Result<(Vec<u8>, String), String> {
    let section = import_section(wasm)?;
    // Each name renamed, as its place in `wasm` (the byte after its length) and its new name.
    let mut renamed: Vec<(usize, &str, String)> = Vec::new();
    let mut glue = glue.to_string();
    for import in section.reader.into_imports() {
        let import = import.map_err(|e| format!("the main module's imports: {e}"))?;
        if !is_hashed_import(import.name) {
            continue;
        }
        let short = format!("w{:x}", renamed.len());
        glue = replace_exactly(&glue, import.name, &short, 1, "the glue's imports")?;
        let at = import.name.as_ptr() as usize - wasm.as_ptr() as usize;
        renamed.push((at, import.name, short));
    }
    if renamed.is_empty() {
        return Err(
            "the main module imports no `__wbg_…` function: has wasm-bindgen changed?".into(),
        );
    }
    // The section's body again, each renamed name (with its length before it) replaced.
    let mut body = Vec::with_capacity(section.body.len());
    let mut copied = section.body.start;
    for (at, name, short) in &renamed {
        let length = leb128(name.len());
        let start = at - length.len();
        if wasm[start..*at] != length[..] {
            return Err(format!(
                "the main module's import {name}: no length before it"
            ));
        }
        body.extend_from_slice(&wasm[copied..start]);
        body.extend(leb128(short.len()));
        body.extend_from_slice(short.as_bytes());
        copied = at + name.len();
    }
    body.extend_from_slice(&wasm[copied..section.body.end]);
    let mut out = wasm[..section.start].to_vec();
    out.push(IMPORT_SECTION_ID);
    out.extend(leb128(body.len()));
    out.extend(body);
    out.extend_from_slice(&wasm[section.body.end..]);
    Ok((out, glue))
}

const IMPORT_SECTION_ID: u8 = 2;

/// Where the import section is: its first byte, its body, and a reader of it.
struct ImportSection<'a> {
    start: usize,
    body: std::ops::Range<usize>,
    reader: wasmparser::ImportSectionReader<'a>,
}

fn import_section(wasm: &[u8]) -> Result<ImportSection<'_>, String> {
    for payload in wasmparser::Parser::new(0).parse_all(wasm) {
        let payload = payload.map_err(|e| format!("the main module: {e}"))?;
        if let wasmparser::Payload::ImportSection(reader) = payload {
            let range = reader.range();
            let body = range.start as usize..range.end as usize;
            let start = body.start - leb128(body.len()).len() - 1;
            if wasm[start] != IMPORT_SECTION_ID {
                return Err("the main module's import section: no header before it".into());
            }
            return Ok(ImportSection {
                start,
                body,
                reader,
            });
        }
    }
    Err("the main module has no import section".into())
}

/// `value` in unsigned LEB128, as wasm writes lengths: the section's own, and each name's.
/// (wasm-ld writes each in its shortest form, which is what this finds back.)
fn leb128(mut value: usize) -> Vec<u8> {
    let mut bytes = Vec::new();
    loop {
        let byte = (value & 0x7f) as u8;
        value >>= 7;
        if value == 0 {
            bytes.push(byte);
            return bytes;
        }
        bytes.push(byte | 0x80);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A module importing two of wasm-bindgen's functions and one of the lazy loader's, and the
    /// glue's imports object for them.
    fn module() -> (Vec<u8>, String) {
        let wat_like = |imports: &[(&str, &str)]| {
            let mut body = leb128(imports.len());
            for (module, name) in imports {
                body.extend(leb128(module.len()));
                body.extend_from_slice(module.as_bytes());
                body.extend(leb128(name.len()));
                body.extend_from_slice(name.as_bytes());
                body.extend([0x00, 0x00]); // a function of type 0
            }
            let mut wasm = b"\0asm\x01\0\0\0".to_vec();
            // One type: () -> ().
            wasm.extend([0x01, 0x04, 0x01, 0x60, 0x00, 0x00]);
            wasm.push(IMPORT_SECTION_ID);
            wasm.extend(leb128(body.len()));
            wasm.extend(body);
            wasm
        };
        let wasm = wat_like(&[
            ("./app_bg.js", "__wbg_Error_208446807d0d1e30"),
            ("./app-lazy.js", "__wasm_split_load_faq"),
            ("./app_bg.js", "__wbg___wbindgen_is_null_c22311b1cc228e3a"),
        ]);
        let glue = "const imports = {\n    __wbg_Error_208446807d0d1e30: function(a) {},\n    \
                    __wbg___wbindgen_is_null_c22311b1cc228e3a: function(a) {},\n};\n"
            .to_string();
        (wasm, glue)
    }

    fn import_names(wasm: &[u8]) -> Vec<String> {
        let section = import_section(wasm).unwrap();
        section
            .reader
            .into_imports()
            .map(|import| import.unwrap().name.to_string())
            .collect()
    }

    #[test]
    fn both_copies_of_each_name_are_shortened_and_the_module_still_reads() {
        let (wasm, glue) = module();
        let (short_wasm, short_glue) = shorten(&wasm, &glue).unwrap();
        assert_eq!(
            import_names(&short_wasm),
            ["w0", "__wasm_split_load_faq", "w1"]
        );
        assert_eq!(
            short_glue,
            "const imports = {\n    w0: function(a) {},\n    w1: function(a) {},\n};\n"
        );
        assert!(short_wasm.len() < wasm.len());
        wasmparser::Validator::new()
            .validate_all(&short_wasm)
            .unwrap();
    }

    #[test]
    fn a_name_the_glue_does_not_hold_once_stops_the_build() {
        let (wasm, glue) = module();
        let twice = glue.replace("};", "    again: __wbg_Error_208446807d0d1e30,\n};");
        assert!(shorten(&wasm, &twice).unwrap_err().contains("expected 1"));
        let none = glue.replace("__wbg_Error_208446807d0d1e30", "error");
        assert!(shorten(&wasm, &none).unwrap_err().contains("found 0"));
    }

    #[test]
    fn only_wasm_bindgens_hashed_names_are_taken() {
        assert!(is_hashed_import("__wbg_Error_208446807d0d1e30"));
        assert!(is_hashed_import(
            "__wbg___wbindgen_debug_string_f249a2a76caa9a55"
        ));
        assert!(!is_hashed_import("__wbindgen_init_externref_table"));
        assert!(!is_hashed_import("__wbg_Error_2084468"));
        assert!(!is_hashed_import("__wbg__208446807d0d1e30"));
    }
}
