//! Reading and writing content streams: the operand and operator syntax of ISO 32000-1, 7.2
//! and 7.8.2.
//!
//! lopdf reads content with a general parser that took a fifth of the post-processing's time
//! on genpdf's pages; the pages only ever hold numbers, names, strings, arrays, the occasional
//! dictionary and operators, which this reads and writes directly into lopdf's own types.

use std::io::Write;

use lopdf::content::Operation;
use lopdf::{Dictionary, Object, StringFormat};

/// A byte that ends a token (white space or a delimiter).
fn ends_token(b: u8) -> bool {
    matches!(
        b,
        b'\0'
            | b'\t'
            | b'\n'
            | b'\x0c'
            | b'\r'
            | b' '
            | b'('
            | b')'
            | b'<'
            | b'>'
            | b'['
            | b']'
            | b'{'
            | b'}'
            | b'/'
            | b'%'
    )
}

struct Reader<'a> {
    data: &'a [u8],
    at: usize,
    /// Something was not well formed.
    bad: bool,
}

impl Reader<'_> {
    fn skip_space(&mut self) {
        while let Some(&b) = self.data.get(self.at) {
            match b {
                b'\0' | b'\t' | b'\n' | b'\x0c' | b'\r' | b' ' => self.at += 1,
                b'%' => {
                    while self
                        .data
                        .get(self.at)
                        .is_some_and(|&b| b != b'\n' && b != b'\r')
                    {
                        self.at += 1;
                    }
                }
                _ => break,
            }
        }
    }

    fn token(&mut self) -> &[u8] {
        let start = self.at;
        while self.data.get(self.at).is_some_and(|&b| !ends_token(b)) {
            self.at += 1;
        }
        &self.data[start..self.at]
    }

    fn literal(&mut self) -> Option<Vec<u8>> {
        // After the opening parenthesis.
        let mut out = Vec::new();
        let mut depth = 0usize;
        loop {
            let b = *self.data.get(self.at)?;
            self.at += 1;
            match b {
                b'(' => {
                    depth += 1;
                    out.push(b);
                }
                b')' if depth == 0 => return Some(out),
                b')' => {
                    depth -= 1;
                    out.push(b);
                }
                b'\\' => {
                    let e = *self.data.get(self.at)?;
                    self.at += 1;
                    match e {
                        b'n' => out.push(b'\n'),
                        b'r' => out.push(b'\r'),
                        b't' => out.push(b'\t'),
                        b'b' => out.push(b'\x08'),
                        b'f' => out.push(b'\x0c'),
                        b'0'..=b'7' => {
                            let mut value = u32::from(e - b'0');
                            for _ in 0..2 {
                                match self.data.get(self.at) {
                                    Some(&d @ b'0'..=b'7') => {
                                        value = value * 8 + u32::from(d - b'0');
                                        self.at += 1;
                                    }
                                    _ => break,
                                }
                            }
                            out.push(value as u8);
                        }
                        // A backslash at a line end continues the string on the next line.
                        b'\r' => {
                            if self.data.get(self.at) == Some(&b'\n') {
                                self.at += 1;
                            }
                        }
                        b'\n' => {}
                        other => out.push(other),
                    }
                }
                other => out.push(other),
            }
        }
    }

    fn hex(&mut self) -> Option<Vec<u8>> {
        // After the opening angle bracket.
        let mut digits = Vec::new();
        loop {
            let b = *self.data.get(self.at)?;
            self.at += 1;
            match b {
                b'>' => break,
                b if b.is_ascii_hexdigit() => digits.push(b),
                b if b.is_ascii_whitespace() => {}
                _ => return None,
            }
        }
        if digits.len() % 2 == 1 {
            digits.push(b'0');
        }
        let value = |d: u8| (d as char).to_digit(16).unwrap_or(0) as u8;
        Some(
            digits
                .chunks(2)
                .map(|p| value(p[0]) * 16 + value(p[1]))
                .collect(),
        )
    }

    /// One object, or `Err(token)` when the next token is an operator; `None` at the end, or
    /// when something is not well formed (then `bad` is set).
    fn object(&mut self) -> Option<Result<Object, Vec<u8>>> {
        self.skip_space();
        let b = *self.data.get(self.at)?;
        let next = self.parse(b);
        if next.is_none() {
            self.bad = true;
        }
        next
    }

    /// An object or an operator that starts with `b`; `None` if it is not well formed.
    fn parse(&mut self, b: u8) -> Option<Result<Object, Vec<u8>>> {
        Some(match b {
            b'/' => {
                self.at += 1;
                Ok(Object::Name(self.token().to_vec()))
            }
            b'(' => {
                self.at += 1;
                Ok(Object::String(self.literal()?, StringFormat::Literal))
            }
            b'<' if self.data.get(self.at + 1) == Some(&b'<') => {
                self.at += 2;
                let mut dict = Dictionary::new();
                loop {
                    self.skip_space();
                    if self.data.get(self.at..self.at + 2) == Some(b">>") {
                        self.at += 2;
                        break;
                    }
                    let Ok(Object::Name(key)) = self.object()? else {
                        return None;
                    };
                    let value = self.object()?.ok()?;
                    dict.set(key, value);
                }
                Ok(Object::Dictionary(dict))
            }
            b'<' => {
                self.at += 1;
                Ok(Object::String(self.hex()?, StringFormat::Hexadecimal))
            }
            b'[' => {
                self.at += 1;
                let mut items = Vec::new();
                loop {
                    self.skip_space();
                    if self.data.get(self.at) == Some(&b']') {
                        self.at += 1;
                        break;
                    }
                    items.push(self.object()?.ok()?);
                }
                Ok(Object::Array(items))
            }
            b'+' | b'-' | b'.' | b'0'..=b'9' => {
                let token = std::str::from_utf8(self.token()).ok()?;
                if token.contains('.') {
                    let real: f32 = token.parse().ok()?;
                    // `-inf.` or a number too large for the file: not a PDF number.
                    if !real.is_finite() {
                        return None;
                    }
                    Ok(Object::Real(real))
                } else {
                    Ok(Object::Integer(token.parse().ok()?))
                }
            }
            _ => {
                let token = self.token();
                if token.is_empty() {
                    // A delimiter out of place.
                    return None;
                }
                match token {
                    b"true" => Ok(Object::Boolean(true)),
                    b"false" => Ok(Object::Boolean(false)),
                    b"null" => Ok(Object::Null),
                    // What a writer prints for a number that is not one: never an operator.
                    t if t.eq_ignore_ascii_case(b"nan")
                        || t.eq_ignore_ascii_case(b"inf")
                        || t.eq_ignore_ascii_case(b"infinity") =>
                    {
                        return None;
                    }
                    other => Err(other.to_vec()),
                }
            }
        })
    }
}

/// The operations of a content stream, or `None` if it is not well formed.
pub(super) fn read(data: &[u8]) -> Option<Vec<Operation>> {
    let mut reader = Reader {
        data,
        at: 0,
        bad: false,
    };
    let mut ops = Vec::new();
    let mut operands = Vec::new();
    while let Some(next) = reader.object() {
        match next {
            Ok(object) => operands.push(object),
            Err(operator) => {
                let operator = String::from_utf8(operator).ok()?;
                ops.push(Operation::new(&operator, std::mem::take(&mut operands)));
            }
        }
    }
    // Operands with no operator after them, or an unreadable token, end the stream early.
    reader.skip_space();
    (!reader.bad && operands.is_empty() && reader.at == data.len()).then_some(ops)
}

/// Writes one object in PDF syntax. `number` gives the number a reference is written with
/// (the file's own numbering); content streams hold no references.
pub(super) fn write_object(
    object: &Object,
    out: &mut Vec<u8>,
    number: &impl Fn(lopdf::ObjectId) -> u32,
) {
    match object {
        Object::Null => out.extend_from_slice(b"null"),
        Object::Boolean(b) => out.extend_from_slice(if *b { b"true" } else { b"false" }),
        Object::Integer(i) => {
            let _ = write!(out, "{i}");
        }
        // PDF has no infinities and no NaN; genpdf never makes them, but a number is written.
        Object::Real(r) if !r.is_finite() => out.push(b'0'),
        Object::Real(r) => {
            let _ = if r.fract() == 0.0 && r.abs() < 1e9 {
                write!(out, "{}", *r as i64)
            } else {
                write!(out, "{r}")
            };
        }
        Object::Name(name) => {
            out.push(b'/');
            for &b in name {
                if ends_token(b) || !(b'!'..=b'~').contains(&b) || b == b'#' {
                    let _ = write!(out, "#{b:02X}");
                } else {
                    out.push(b);
                }
            }
        }
        Object::String(bytes, StringFormat::Hexadecimal) => {
            out.push(b'<');
            for b in bytes {
                let _ = write!(out, "{b:02X}");
            }
            out.push(b'>');
        }
        Object::String(bytes, StringFormat::Literal) => {
            out.push(b'(');
            for &b in bytes {
                match b {
                    b'(' | b')' | b'\\' => {
                        out.push(b'\\');
                        out.push(b);
                    }
                    b'\r' => out.extend_from_slice(b"\\r"),
                    _ => out.push(b),
                }
            }
            out.push(b')');
        }
        Object::Array(items) => {
            out.push(b'[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(b' ');
                }
                write_object(item, out, number);
            }
            out.push(b']');
        }
        Object::Dictionary(dict) => {
            out.extend_from_slice(b"<<");
            for (key, value) in dict.iter() {
                write_object(&Object::Name(key.clone()), out, number);
                out.push(b' ');
                write_object(value, out, number);
            }
            out.extend_from_slice(b">>");
        }
        Object::Reference(id) => {
            let _ = write!(out, "{} 0 R", number(*id));
        }
        // A stream is written as an indirect object of its own (see `write::save`).
        Object::Stream(_) => out.extend_from_slice(b"null"),
    }
}

/// Whether every number in these operations is finite: PDF has no NaN and no infinity, and a
/// page that would need one (a chart scaled by zero) is an error, never a silent `0`.
pub(super) fn all_finite(ops: &[Operation]) -> bool {
    fn finite(object: &Object) -> bool {
        match object {
            Object::Real(r) => r.is_finite(),
            Object::Array(items) => items.iter().all(finite),
            Object::Dictionary(dict) => dict.iter().all(|(_, v)| finite(v)),
            _ => true,
        }
    }
    ops.iter().all(|op| op.operands.iter().all(finite))
}

/// A content stream of these operations, an operation a line.
pub(super) fn write(ops: &[Operation]) -> Vec<u8> {
    let mut out = Vec::with_capacity(ops.len() * 16);
    for op in ops {
        for operand in &op.operands {
            write_object(operand, &mut out, &|_| 0);
            out.push(b' ');
        }
        out.extend_from_slice(op.operator.as_bytes());
        out.push(b'\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_what_it_writes_and_what_lopdf_reads() {
        let stream = b"q 0.78 0.78 0.78 RG\n/Artifact <</Type /Layout>> BDC 56.69 49.77 m 555.31 \
            49.77 l S EMC Q\nBT 14.372 TL 62.83 729.8 Td /F1 10 Tf [(a\\(b\\)\\\\c\\r) -18 <00410042> \
            (\\101\\n)] TJ T* (x) ' ET % a comment\n/P <</MCID 3 /ActualText <FEFF00AD>>> BDC EMC";
        let ours = read(stream).expect("well formed");
        let lopdf = lopdf::content::Content::decode(stream).unwrap().operations;
        assert_eq!(ours.len(), lopdf.len());
        for (a, b) in ours.iter().zip(&lopdf) {
            assert_eq!(a.operator, b.operator);
            assert_eq!(format!("{:?}", a.operands), format!("{:?}", b.operands));
        }
        let again = read(&write(&ours)).unwrap();
        assert_eq!(format!("{again:?}"), format!("{ours:?}"));
        let lopdf_again = lopdf::content::Content::decode(&write(&ours))
            .unwrap()
            .operations;
        assert_eq!(format!("{lopdf_again:?}"), format!("{ours:?}"));
    }

    #[test]
    fn a_number_that_is_not_one_is_refused() {
        for stream in [
            "NaN 0 m",
            "0 nan l",
            "1 Inf Td",
            "-inf. 0 m",
            "1e40.0 0 m",
            "0 0 m NaN",
        ] {
            assert!(read(stream.as_bytes()).is_none(), "{stream}");
        }
        let drawn = read(b"0 0 m 10.5 20 l S").unwrap();
        assert!(all_finite(&drawn));
        let mut broken = drawn.clone();
        broken[1].operands[0] = Object::Real(f32::NAN);
        assert!(!all_finite(&broken));
        broken[1].operands[0] = Object::Array(vec![Object::Real(f32::INFINITY)]);
        assert!(!all_finite(&broken));
    }

    #[test]
    fn refuses_what_is_not_content() {
        assert!(read(b"1 2").is_none());
        assert!(read(b"(unclosed Tj").is_none());
        assert!(read(b"[1 2 TJ").is_none());
        assert!(read(b"<zz> Tj").is_none());
        assert!(read(b"> Tj").is_none());
    }
}
