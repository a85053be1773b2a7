//! Writing the file (ISO 32000-1, 7.5): streams as indirect objects, every other object packed
//! into compressed object streams (7.5.7), and a compressed cross-reference stream (7.5.8)
//! with the PNG "Up" predictor, which turns its rows of small, steadily rising numbers into
//! near-zeros that deflate to almost nothing.
//!
//! The document is consumed as it is written, so a long guide's objects are freed one by one
//! instead of being copied into a second structure first.

use std::io::Write;

use lopdf::{Dictionary, Document, Object, ObjectId};

use super::syntax::write_object;

/// Raw bytes of objects after which an object stream is closed and a new one begun. The full
/// guide's objects fit in one (a shared deflate window compresses them best); a long guide's
/// are split so that a reader never inflates more than this to reach one object.
const OBJECT_STREAM_BYTES: usize = 1 << 20;

/// Where an object is found: the cross-reference stream's row for it.
#[derive(Clone, Copy)]
enum Entry {
    /// At this byte offset of the file.
    Offset(usize),
    /// The `index`th object of object stream `stream`.
    Packed { stream: u32, index: u32 },
}

/// Writes `doc` as a PDF file, with its objects and those `later` makes (see [`Later`])
/// renumbered densely from 1 in the order of their ids. `compress` deflates the object and cross-reference streams; one it cannot is
/// written uncompressed.
pub(super) fn save(
    mut doc: Document,
    later: &impl Later,
    id: &Object,
    compress: &mut impl FnMut(&[u8]) -> Option<Vec<u8>>,
) -> Vec<u8> {
    let objects = std::mem::take(&mut doc.objects);
    // The file's number of each object: its place among all the ids, from 1.
    let mut ids: Vec<ObjectId> = objects.keys().copied().chain(later.ids()).collect();
    ids.sort_unstable();
    ids.dedup();
    let mut objects = objects.into_iter().peekable();
    let number = |id: ObjectId| -> u32 {
        ids.binary_search(&id)
            .map_or(0, |i| u32::try_from(i + 1).unwrap_or(0))
    };
    let count = ids.len();

    let mut out = Vec::with_capacity(count * 24);
    out.extend_from_slice(b"%PDF-");
    out.extend_from_slice(doc.version.as_bytes());
    // A comment of bytes above 127 marks the file as binary (7.5.2).
    out.extend_from_slice(b"\n%\xE2\xE3\xCF\xD3\n");

    let mut entries: Vec<Entry> = Vec::with_capacity(count + count / 1000 + 2);
    entries.resize(count + 1, Entry::Offset(0));
    let mut packed = Packer::default();
    for &old in &ids {
        let n = number(old) as usize;
        let object = match objects.next_if(|(id, _)| *id == old) {
            Some((_, object)) => object,
            None => later.object(old),
        };
        match object {
            Object::Stream(stream) => {
                entries[n] = Entry::Offset(out.len());
                let _ = writeln!(out, "{n} 0 obj");
                write_stream(&stream.dict, &stream.content, &mut out, &number);
                out.extend_from_slice(b"\nendobj\n");
            }
            object => {
                let index = packed.add(n as u32, &object, &number);
                entries[n] = Entry::Packed {
                    stream: 0,
                    index: index as u32,
                };
                if packed.body.len() >= OBJECT_STREAM_BYTES {
                    packed.flush(&mut entries, &mut out, compress);
                }
            }
        }
    }
    packed.flush(&mut entries, &mut out, compress);

    // The cross-reference stream, last, is its own row.
    let xref_number = entries.len();
    let xref_offset = out.len();
    entries.push(Entry::Offset(xref_offset));
    let size = entries.len();
    let widest_offset = entries
        .iter()
        .map(|e| match e {
            Entry::Offset(o) => *o,
            Entry::Packed { stream, .. } => *stream as usize,
        })
        .max()
        .unwrap_or(0);
    let w1 = bytes_for(widest_offset);
    // Two bytes at least: the free head's generation is 65535.
    let w2 = bytes_for(
        entries
            .iter()
            .map(|e| match e {
                Entry::Packed { index, .. } => *index as usize,
                Entry::Offset(_) => 0,
            })
            .max()
            .unwrap_or(0),
    )
    .max(2);
    let columns = 1 + w1 + w2;
    let mut rows = Vec::with_capacity(size * columns);
    for (n, entry) in entries.iter().enumerate() {
        let (kind, a, b) = match *entry {
            _ if n == 0 => (0u8, 0usize, 0xFFFFusize),
            Entry::Offset(offset) => (1, offset, 0),
            Entry::Packed { stream, index } => (2, stream as usize, index as usize),
        };
        let at = rows.len();
        rows.resize(at + columns, 0);
        rows[at] = kind;
        put(&mut rows[at + 1..at + 1 + w1], a);
        put(&mut rows[at + 1 + w1..at + columns], b);
    }
    // PNG filter type 2, "Up", on each row: each byte less the one above it.
    let mut predicted = Vec::with_capacity(size * (columns + 1));
    for (i, row) in rows.chunks(columns).enumerate() {
        predicted.push(2);
        match i.checked_sub(1) {
            Some(above) => {
                let above = &rows[above * columns..i * columns];
                predicted.extend(row.iter().zip(above).map(|(r, p)| r.wrapping_sub(*p)));
            }
            None => predicted.extend_from_slice(row),
        }
    }
    let mut dict = Dictionary::new();
    dict.set("Type", Object::Name(b"XRef".to_vec()));
    dict.set("Size", Object::Integer(size as i64));
    dict.set(
        "W",
        Object::Array(vec![
            Object::Integer(1),
            Object::Integer(w1 as i64),
            Object::Integer(w2 as i64),
        ]),
    );
    for key in [b"Root".as_slice(), b"Info"] {
        if let Ok(value) = doc.trailer.get(key) {
            dict.set(key, value.clone());
        }
    }
    dict.set("ID", id.clone());
    let data = match compress(&predicted) {
        Some(packed) => {
            dict.set("Filter", Object::Name(b"FlateDecode".to_vec()));
            let mut parms = Dictionary::new();
            parms.set("Predictor", Object::Integer(12));
            parms.set("Columns", Object::Integer(columns as i64));
            dict.set("DecodeParms", Object::Dictionary(parms));
            packed
        }
        None => rows,
    };
    let _ = writeln!(out, "{xref_number} 0 obj");
    write_stream(&dict, &data, &mut out, &number);
    let _ = write!(out, "\nendobj\nstartxref\n{xref_offset}\n%%EOF\n");
    out
}

/// Objects that are made only as the file is written, so that they never all exist at once.
pub(in crate::pdf) trait Later {
    /// Their ids, none of them in the document.
    fn ids(&self) -> impl Iterator<Item = ObjectId>;
    /// The object with this id.
    fn object(&self, id: ObjectId) -> Object;
}

/// The objects of the object stream being filled.
#[derive(Default)]
struct Packer {
    /// Each object's number and offset in `body`.
    index: Vec<(u32, usize)>,
    body: Vec<u8>,
}

impl Packer {
    /// Adds an object and returns its place in the stream.
    fn add(&mut self, n: u32, object: &Object, number: &impl Fn(ObjectId) -> u32) -> usize {
        if !self.body.is_empty() {
            self.body.push(b'\n');
        }
        self.index.push((n, self.body.len()));
        write_object(object, &mut self.body, number);
        self.index.len() - 1
    }

    /// Writes the stream, if it holds anything, and points its objects' rows at it.
    fn flush(
        &mut self,
        entries: &mut Vec<Entry>,
        out: &mut Vec<u8>,
        compress: &mut impl FnMut(&[u8]) -> Option<Vec<u8>>,
    ) {
        if self.index.is_empty() {
            return;
        }
        let n = entries.len() as u32;
        entries.push(Entry::Offset(out.len()));
        let mut data = Vec::with_capacity(self.index.len() * 10 + self.body.len());
        for (number, offset) in &self.index {
            let _ = write!(data, "{number} {offset} ");
            if let Some(Entry::Packed { stream, .. }) = entries.get_mut(*number as usize) {
                *stream = n;
            }
        }
        let first = data.len();
        data.append(&mut self.body);
        let mut dict = Dictionary::new();
        dict.set("Type", Object::Name(b"ObjStm".to_vec()));
        dict.set("N", Object::Integer(self.index.len() as i64));
        dict.set("First", Object::Integer(first as i64));
        let data = deflated(&mut dict, data, compress);
        let _ = writeln!(out, "{n} 0 obj");
        write_stream(&dict, &data, out, &|_| 0);
        out.extend_from_slice(b"\nendobj\n");
        self.index.clear();
    }
}

/// `data` compressed, with the filter named in `dict`; or as it is, if it cannot be.
fn deflated(
    dict: &mut Dictionary,
    data: Vec<u8>,
    compress: &mut impl FnMut(&[u8]) -> Option<Vec<u8>>,
) -> Vec<u8> {
    match compress(&data) {
        Some(packed) => {
            dict.set("Filter", Object::Name(b"FlateDecode".to_vec()));
            packed
        }
        None => data,
    }
}

/// A stream's dictionary, with its true `/Length`, and its data.
fn write_stream(
    dict: &Dictionary,
    data: &[u8],
    out: &mut Vec<u8>,
    number: &impl Fn(ObjectId) -> u32,
) {
    let mut dict = dict.clone();
    dict.set("Length", Object::Integer(data.len() as i64));
    write_object(&Object::Dictionary(dict), out, number);
    out.extend_from_slice(b"\nstream\n");
    out.extend_from_slice(data);
    out.extend_from_slice(b"\nendstream");
}

/// The fewest bytes that hold `n`.
fn bytes_for(n: usize) -> usize {
    (usize::BITS - n.leading_zeros()).div_ceil(8).max(1) as usize
}

/// `n` big-endian in `field`.
fn put(field: &mut [u8], mut n: usize) {
    for byte in field.iter_mut().rev() {
        *byte = n as u8;
        n >>= 8;
    }
}

#[cfg(test)]
mod tests {
    use lopdf::{Stream, dictionary};

    use super::*;

    /// Two objects made later, with ids between and after the document's.
    struct Two;

    impl Later for Two {
        fn ids(&self) -> impl Iterator<Item = ObjectId> {
            [(5, 0), (40, 0)].into_iter()
        }

        fn object(&self, id: ObjectId) -> Object {
            Object::Dictionary(dictionary! { "Later" => Object::Integer(i64::from(id.0)) })
        }
    }

    fn document() -> Document {
        let mut doc = Document::with_version("1.7");
        doc.objects.insert(
            (3, 0),
            Object::Stream(Stream::new(dictionary! {}, b"0 0 m 10 10 l S".to_vec())),
        );
        doc.objects.insert(
            (9, 0),
            Object::Dictionary(dictionary! {
                "Type" => "Catalog",
                "Next" => Object::Reference((40, 0)),
                "Stream" => Object::Reference((3, 0)),
                "Text" => Object::string_literal("a (b) \\ c"),
                "Name" => Object::Name(b"A B#".to_vec()),
                "Numbers" => vec![Object::Real(1.5), Object::Real(2.0), Object::Integer(-3)],
            }),
        );
        doc.trailer.set("Root", Object::Reference((9, 0)));
        doc
    }

    fn deflate(data: &[u8]) -> Option<Vec<u8>> {
        let mut compressor = libdeflater::Compressor::new(libdeflater::CompressionLvl::default());
        let mut out = vec![0; compressor.zlib_compress_bound(data.len())];
        let n = compressor.zlib_compress(data, &mut out).ok()?;
        out.truncate(n);
        Some(out)
    }

    /// lopdf, which reads object and cross-reference streams (with their predictor), reads
    /// back what was written, renumbered 1, 2, 3… in the order of the old ids.
    #[test]
    fn reads_back_renumbered() {
        let id = Object::Array(vec![Object::string_literal("0123456789abcdef"); 2]);
        for compressed in [true, false] {
            let pdf = if compressed {
                save(document(), &Two, &id, &mut deflate)
            } else {
                save(document(), &Two, &id, &mut |_| None)
            };
            assert!(pdf.starts_with(b"%PDF-1.7\n%"));
            let back = Document::load_mem(&pdf).unwrap();
            // The stream (old 3) is 1, the later object (5) is 2, the catalog (9) is 3, the
            // later object (40) is 4.
            let stream = back.get_object((1, 0)).unwrap().as_stream().unwrap();
            assert_eq!(stream.content, b"0 0 m 10 10 l S");
            assert_eq!(
                back.get_dictionary((2, 0)).unwrap().get(b"Later").unwrap(),
                &Object::Integer(5)
            );
            let catalog = back.catalog().unwrap();
            assert_eq!(catalog.get(b"Next").unwrap(), &Object::Reference((4, 0)));
            assert_eq!(catalog.get(b"Stream").unwrap(), &Object::Reference((1, 0)));
            assert_eq!(
                catalog.get(b"Text").unwrap().as_str().unwrap(),
                b"a (b) \\ c"
            );
            assert_eq!(catalog.get(b"Name").unwrap().as_name().unwrap(), b"A B#");
            assert_eq!(
                format!("{:?}", catalog.get(b"Numbers").unwrap()),
                format!(
                    "{:?}",
                    Object::Array(vec![
                        Object::Real(1.5),
                        Object::Integer(2),
                        Object::Integer(-3)
                    ])
                )
            );
            assert_eq!(
                back.get_dictionary((4, 0)).unwrap().get(b"Later").unwrap(),
                &Object::Integer(40)
            );
            assert_eq!(back.trailer.get(b"ID").unwrap(), &id);
        }
    }

    #[test]
    fn field_widths() {
        assert_eq!(bytes_for(0), 1);
        assert_eq!(bytes_for(255), 1);
        assert_eq!(bytes_for(256), 2);
        assert_eq!(bytes_for(70_000), 3);
        let mut field = [0u8; 3];
        put(&mut field, 70_000);
        assert_eq!(field, [0x01, 0x11, 0x70]);
    }
}
