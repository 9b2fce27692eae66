//! Source files as text: UTF-8 unless `vendor.toml` declares another
//! encoding (Chinese documents are still often GB18030/GBK), a byte order
//! mark dropped, and every line end (CRLF, lone CR) made `\n`, so that the
//! parsers count lines as an editor does. Control characters and
//! noncharacters, which HTML and XML forbid and terminals obey, become
//! U+FFFD.

use std::fmt;

use encoding_rs::{DecoderResult, Encoding, GB18030, UTF_8};
use serde::{Deserialize, Deserializer};

/// An encoding a source declares: `encoding = "gb18030"`, by any of the
/// WHATWG labels (`gbk`, `gb2312`, `big5`, `shift_jis`, `utf-16le`, …).
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) struct Declared(&'static Encoding);

impl fmt::Debug for Declared {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.0.name())
    }
}

impl<'de> Deserialize<'de> for Declared {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Declared, D::Error> {
        let label = String::deserialize(deserializer)?;
        Encoding::for_label(label.trim().as_bytes())
            .filter(|e| *e != encoding_rs::REPLACEMENT)
            .map(Declared)
            .ok_or_else(|| {
                serde::de::Error::custom(format!(
                    "unknown encoding `{label}`; use a WHATWG label such as `utf-8` or `gb18030`"
                ))
            })
    }
}

/// Bytes that are not text in the expected encoding.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct DecodeError {
    /// 1-based line of the first byte that cannot be read.
    pub line: usize,
    pub message: String,
}

/// A source's text, and the first line where a character was replaced.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Decoded {
    pub text: String,
    pub replaced: Option<usize>,
}

/// The text of a source file's `bytes`, in the encoding its byte order mark
/// names, else the one declared, else UTF-8. A byte that cannot be read is
/// an error naming its line; only characters no page may hold are replaced.
pub(crate) fn decode(bytes: &[u8], declared: Option<Declared>) -> Result<Decoded, DecodeError> {
    let (encoding, bom) = match Encoding::for_bom(bytes) {
        Some((encoding, bom)) => (encoding, bom),
        None => (declared.map_or(UTF_8, |d| d.0), 0),
    };
    let body = &bytes[bom..];
    let text = if encoding == UTF_8 {
        match std::str::from_utf8(body) {
            Ok(text) => text.to_owned(),
            Err(err) => return Err(not_utf8(body, err.valid_up_to(), declared.is_some())),
        }
    } else {
        decode_strictly(encoding, body)?
    };
    let text = normalise_line_ends(text);
    let replaced = text
        .find(forbidden)
        .map(|at| 1 + text[..at].matches('\n').count());
    let text = match replaced {
        Some(_) => text.replace(forbidden, "\u{FFFD}"),
        None => text,
    };
    Ok(Decoded { text, replaced })
}

/// Control characters but tab and line feed (NUL, escape, DEL, C1), and
/// noncharacters (U+FFFE, U+FDD0…): HTML and XML forbid them, and a
/// terminal showing a diagnostic would obey an escape sequence.
fn forbidden(c: char) -> bool {
    let code = u32::from(c);
    (c.is_control() && !matches!(c, '\t' | '\n'))
        || (0xFDD0..=0xFDEF).contains(&code)
        || code & 0xFFFE == 0xFFFE
}

/// Decodes all of `bytes` as `encoding` or says where it cannot.
fn decode_strictly(encoding: &'static Encoding, bytes: &[u8]) -> Result<String, DecodeError> {
    let mut decoder = encoding.new_decoder_without_bom_handling();
    let capacity = decoder
        .max_utf8_buffer_length_without_replacement(bytes.len())
        .unwrap_or(bytes.len() * 3);
    let mut text = String::with_capacity(capacity);
    let (result, read) = decoder.decode_to_string_without_replacement(bytes, &mut text, true);
    match result {
        DecoderResult::InputEmpty => Ok(text),
        DecoderResult::Malformed(bad, after) => {
            let at = read - usize::from(bad) - usize::from(after);
            Err(DecodeError {
                line: line_of(bytes, at),
                message: format!(
                    "not valid {} (byte 0x{:02X} cannot be read); check the `encoding` in `vendor.toml`",
                    encoding.name(),
                    bytes[at]
                ),
            })
        }
        // The buffer was sized for the worst case.
        DecoderResult::OutputFull => Err(DecodeError {
            line: 1,
            message: format!("cannot decode the file as {}", encoding.name()),
        }),
    }
}

fn not_utf8(bytes: &[u8], at: usize, declared_utf8: bool) -> DecodeError {
    let byte = bytes[at];
    let line = line_of(bytes, at);
    let message = if !declared_utf8
        && GB18030
            .decode_without_bom_handling_and_without_replacement(bytes)
            .is_some()
    {
        format!(
            "not UTF-8 (byte 0x{byte:02X}), but the whole file reads as GB18030 (GBK), as \
             Chinese documents often are: add `encoding = \"gb18030\"` to this source in \
             `vendor.toml`, or convert the file to UTF-8"
        )
    } else {
        format!(
            "not UTF-8 (byte 0x{byte:02X}); convert the file to UTF-8, or declare its \
             `encoding` for this source in `vendor.toml`"
        )
    };
    DecodeError { line, message }
}

fn line_of(bytes: &[u8], at: usize) -> usize {
    let before = &bytes[..at];
    let lf = before.iter().filter(|&&b| b == b'\n').count();
    // A lone CR ends a line too, as after decoding.
    let lone_cr = before
        .windows(2)
        .filter(|w| w[0] == b'\r' && w[1] != b'\n')
        .count()
        + usize::from(before.last() == Some(&b'\r'));
    lf + lone_cr + 1
}

/// CRLF and lone CR become LF; text without CR is returned as it is.
fn normalise_line_ends(text: String) -> String {
    if !text.contains('\r') {
        return text;
    }
    text.replace("\r\n", "\n").replace('\r', "\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn gb18030(text: &str) -> Vec<u8> {
        GB18030.encode(text).0.into_owned()
    }

    fn declared(label: &str) -> Option<Declared> {
        Encoding::for_label(label.as_bytes()).map(Declared)
    }

    fn text(bytes: &[u8], declared: Option<Declared>) -> String {
        decode(bytes, declared).unwrap().text
    }

    #[test]
    fn utf8_with_a_byte_order_mark_loses_the_mark() {
        assert_eq!(text(b"\xEF\xBB\xBF| Code |", None), "| Code |");
    }

    #[test]
    fn every_line_end_becomes_lf() {
        assert_eq!(text(b"a\r\nb\rc\nd\r", None), "a\nb\nc\nd\n");
    }

    #[test]
    fn characters_no_page_may_hold_are_replaced_and_their_line_told() {
        let decoded = decode(
            "ok\ttab\nfine\r\nnul\0 esc\x1b[31m del\x7f c1\u{9b} \u{FFFE} \u{10FFFF} \u{FDD0}\n"
                .as_bytes(),
            None,
        )
        .unwrap();
        assert_eq!(decoded.replaced, Some(3));
        assert_eq!(
            decoded.text,
            "ok\ttab\nfine\nnul\u{FFFD} esc\u{FFFD}[31m del\u{FFFD} c1\u{FFFD} \u{FFFD} \u{FFFD} \u{FFFD}\n"
        );
        assert_eq!(decode(b"plain\n", None).unwrap().replaced, None);
    }

    #[test]
    fn gb18030_is_read_when_declared() {
        let bytes = gb18030("| 错误码 | 描述 |\r\n| 1001 | 参数非法 |\r\n");
        assert_eq!(
            text(&bytes, declared("gbk")),
            "| 错误码 | 描述 |\n| 1001 | 参数非法 |\n"
        );
    }

    #[test]
    fn undeclared_gb18030_is_named_with_its_line_and_the_fix() {
        let bytes = gb18030("# Codes\n\n| 错误码 | 描述 |\n");
        let err = decode(&bytes, None).unwrap_err();
        assert_eq!(err.line, 3);
        assert!(err.message.contains("encoding = \"gb18030\""), "{err:?}");
    }

    #[test]
    fn bytes_in_no_known_encoding_are_named_with_their_line() {
        let err = decode(b"one\rtwo\r\nthree caf\xE9 \xFF\n", None).unwrap_err();
        assert_eq!(err.line, 3);
        assert!(err.message.starts_with("not UTF-8 (byte 0xE9)"), "{err:?}");
        assert!(!err.message.contains("GB18030"), "{err:?}");
        let err = decode(b"ok\n\x80\x80\xFF", declared("gb18030")).unwrap_err();
        assert_eq!(err.line, 2);
        assert!(err.message.starts_with("not valid gb18030"), "{err:?}");
    }

    #[test]
    fn a_utf16_file_with_its_mark_is_read() {
        let mut bytes = vec![0xFF, 0xFE];
        bytes.extend("E1 x\r\n".encode_utf16().flat_map(u16::to_le_bytes));
        assert_eq!(text(&bytes, None), "E1 x\n");
    }
}
