//! What a sheet carries to prove itself (issue 20): the order, its revision and
//! fingerprint, and where the register recorded it — the sequence number of the sheet's
//! own record and the chain head just before it. Printed on every page as text and as a
//! QR code, and kept in the PDF's metadata, so `register verify-sheet` can ask the register
//! about the PDF, a scan or a photo of the paper.
//!
//! The form, one line in the QR code's alphanumeric alphabet (capitals, digits, ` $%*+-./:`,
//! so the code stays small with large modules): `NKACT-DOSE/1/ORDER_ID/REVISION/FINGERPRINT/SEQ/HEAD`,
//! where HEAD is the chain hash in capitals, SEQ and HEAD are empty on a sheet that no register
//! recorded, and any other character of the order ID is written `%XX` (its UTF-8 bytes).

/// Where the register recorded the sheet: its record's sequence number and the chain's hash
/// just before it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Anchor {
    pub seq: i64,
    pub head: String,
    /// The register was reached over an unencrypted network link (printed on the sheet;
    /// not part of the seal's code).
    pub unencrypted_link: bool,
}

/// A sheet's seal, as printed and as read back.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Seal {
    pub order_id: String,
    pub revision: u32,
    pub fingerprint: String,
    pub anchor: Option<Anchor>,
}

const TAG: &str = "NKACT-DOSE";
const FORM: &str = "1";
/// The longest seal read back (a QR code or a PDF holds nothing longer from us).
const MAX_LEN: usize = 400;

impl Seal {
    pub fn of(order: &super::Order) -> Seal {
        Seal {
            order_id: order.order_id.clone(),
            revision: order.revision,
            fingerprint: order.fingerprint(),
            anchor: order.anchor.clone(),
        }
    }

    /// The one-line form.
    pub fn text(&self) -> String {
        let (seq, head) = match &self.anchor {
            Some(a) => (a.seq.to_string(), a.head.clone()),
            None => (String::new(), String::new()),
        };
        format!(
            "{TAG}/{FORM}/{}/{}/{}/{seq}/{}",
            escape(&self.order_id),
            self.revision,
            escape(&self.fingerprint),
            head.to_uppercase()
        )
    }

    /// Reads a seal from its one-line form; `None` for anything else.
    pub fn parse(text: &str) -> Option<Seal> {
        let text = text.trim();
        if text.len() > MAX_LEN || !text.is_ascii() || text.chars().any(|c| c.is_ascii_control()) {
            return None;
        }
        let parts: Vec<&str> = text.split('/').collect();
        let [tag, form, order_id, revision, fingerprint, seq, head] = parts.as_slice() else { return None };
        if *tag != TAG || *form != FORM || order_id.is_empty() {
            return None;
        }
        let revision = revision.parse().ok().filter(|r| *r >= 1)?;
        let anchor = match (seq.is_empty(), head.is_empty()) {
            (true, true) => None,
            (false, false) => Some(Anchor {
                seq: seq.parse().ok().filter(|s| *s >= 1)?,
                head: head.to_ascii_lowercase(),
                unencrypted_link: false,
            }),
            _ => return None,
        };
        Some(Seal { order_id: unescape(order_id)?, revision, fingerprint: unescape(fingerprint)?, anchor })
    }

    /// Finds a seal in the bytes of a PDF this program wrote: its metadata holds the line,
    /// as a UTF-16 hex string (`<FEFF…>`, as printpdf writes it) or as plain text.
    pub fn find_in(bytes: &[u8]) -> Option<Seal> {
        let marker = b"<FEFF";
        let mut from = 0;
        while let Some(at) =
            bytes.get(from..)?.windows(marker.len()).position(|w| w.eq_ignore_ascii_case(marker))
        {
            let start = from + at + marker.len();
            let hex: Vec<u8> = bytes[start..]
                .iter()
                .take(MAX_LEN * 4 + 1)
                .take_while(|b| b.is_ascii_hexdigit())
                .copied()
                .collect();
            let units: Vec<u16> = hex
                .chunks_exact(4)
                .filter_map(|c| u16::from_str_radix(std::str::from_utf8(c).ok()?, 16).ok())
                .collect();
            if let Some(seal) = String::from_utf16(&units).ok().as_deref().and_then(Seal::parse) {
                return Some(seal);
            }
            from = start;
        }
        let tag = format!("{TAG}/{FORM}/");
        let at = bytes.windows(tag.len()).position(|w| w == tag.as_bytes())?;
        let rest = &bytes[at..];
        let end = rest
            .iter()
            .position(|b| !(b.is_ascii_alphanumeric() || b" $%*+-./:".contains(b)))
            .unwrap_or(rest.len());
        Seal::parse(std::str::from_utf8(&rest[..end.min(MAX_LEN)]).ok()?)
    }
}

/// Characters written as they are: the QR alphanumeric alphabet but for the separator and `%`.
fn plain(c: char) -> bool {
    c.is_ascii_uppercase() || c.is_ascii_digit() || " $*+-.:".contains(c)
}

fn escape(text: &str) -> String {
    let mut out = String::new();
    for c in text.chars() {
        if plain(c) {
            out.push(c);
        } else {
            let mut buf = [0u8; 4];
            for b in c.encode_utf8(&mut buf).bytes() {
                out.push_str(&format!("%{b:02X}"));
            }
        }
    }
    out
}

fn unescape(text: &str) -> Option<String> {
    let mut bytes = Vec::new();
    let mut it = text.bytes();
    while let Some(b) = it.next() {
        if b == b'%' {
            let hex = [it.next()?, it.next()?];
            bytes.push(u8::from_str_radix(std::str::from_utf8(&hex).ok()?, 16).ok()?);
        } else if plain(char::from(b)) {
            bytes.push(b);
        } else {
            return None;
        }
    }
    String::from_utf8(bytes).ok()
}

/// What the register says of a sheet (`register verify-sheet`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SheetStatus {
    /// Recorded as record `seq`, and its revision is the order's latest.
    Current { seq: i64 },
    /// A later revision of the order replaced it.
    Superseded { seq: i64, by: u32 },
    /// Recorded as a reprint (record `seq`) of the order's current revision.
    Reprint { seq: i64 },
    /// The register holds no record of this sheet (printed without a register, or its
    /// recording was undone).
    NeverRecorded,
    /// The register changed after the sheet was printed: the chain it was recorded in is no
    /// longer the one it saw, or a record fails its link (the records named).
    ChangedAfter { breaks: Vec<(i64, String)> },
    /// The sheet was recorded in another register.
    OtherRegister,
}

/// What a checkpoint or a sheet says of the register's chain (`register verify --against`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AnchorCheck {
    /// The register still holds the chain the file saw, up to record `seq`.
    Holds { seq: i64 },
    /// The register ends at record `ends_at`, before record `seq` the file saw: records were removed.
    Truncated { seq: i64, ends_at: i64 },
    /// Record `seq` is not the one the file saw: the register was rewritten.
    Rewritten { seq: i64 },
    /// A checkpoint not signed by a key the register enrolled for the person it names.
    BadSignature,
    /// Neither a checkpoint nor a sheet of this program.
    NotAnAnchor,
}

/// A checkpoint's form: the head of the chain, signed by the person who took it.
pub const CHECKPOINT_FORM: &str = "nkact-dose checkpoint 1";

/// A checkpoint as written to its file.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Checkpoint {
    pub form: String,
    /// The register, as named when the checkpoint was taken (without a password).
    pub register: String,
    pub seq: i64,
    pub head: String,
    /// The fingerprint of the register's first administrator key, if it has one.
    pub root: Option<String>,
    pub by: String,
    /// When, in UTC (ISO 8601 with Z).
    pub at: String,
    pub signature: String,
}

impl Checkpoint {
    /// The text the signature covers.
    pub fn signed_text(&self) -> String {
        format!(
            "{}\n{}\n{}\n{}\n{}\n{}",
            CHECKPOINT_FORM,
            self.seq,
            self.head,
            self.root.as_deref().unwrap_or(""),
            self.by,
            self.at
        )
    }
}
