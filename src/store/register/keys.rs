//! Signing keys: each person's Ed25519 key, whose private half the register holds only
//! sealed (XChaCha20-Poly1305) under a key derived from the person's secret (Argon2id), and
//! whose public half an administrator's signed record enrols in the chain.
//!
//! The hash chain shows *that* a record changed; a signature shows *who* may have made it.
//! Holding the database account lets someone write rows and recompute hashes, but not sign
//! as a person whose secret they do not know: `verify` checks every signature against the
//! keys the chain enrolled.
//!
//! A key opened at sign-in is kept in this process's keyring (per register and person) for
//! the steps that person signs until they sign out; it never leaves memory unsealed.

use std::collections::HashMap;
use std::path::Path;
use std::sync::{Mutex, OnceLock};

use argon2::password_hash::rand_core::{OsRng, RngCore};
use chacha20poly1305::aead::{Aead, KeyInit};
use ed25519_dalek::{Signature, Signer as _, SigningKey, Verifier, VerifyingKey};

/// The form of a sealed private key (the salt, the nonce and the ciphertext follow, in hex).
const SEALED_FORM: &str = "x1";

/// What a signature covers: the record's chain link (its hash is over the record's content,
/// its table and the hash before it, so over every earlier record too) and its place.
fn message(seq: i64, tbl: &str, hash: &str) -> String {
    format!("nkact-dose signature 1\n{seq}\n{tbl}\n{hash}")
}

/// A new signing key from the operating system's random source.
pub(in crate::store) fn new_key() -> SigningKey {
    let mut bytes = [0u8; 32];
    OsRng.fill_bytes(&mut bytes);
    SigningKey::from_bytes(&bytes)
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn unhex(text: &str) -> Option<Vec<u8>> {
    if !text.len().is_multiple_of(2) || !text.is_ascii() {
        return None;
    }
    (0..text.len()).step_by(2).map(|i| u8::from_str_radix(text.get(i..i + 2)?, 16).ok()).collect()
}

fn derive(secret: &str, salt: &[u8]) -> Option<[u8; 32]> {
    let mut out = [0u8; 32];
    argon2::Argon2::default().hash_password_into(secret.as_bytes(), salt, &mut out).ok()?;
    Some(out)
}

/// The private half sealed under `secret`.
pub(in crate::store) fn seal(key: &SigningKey, secret: &str) -> Result<String, String> {
    let mut salt = [0u8; 16];
    let mut nonce = [0u8; 24];
    OsRng.fill_bytes(&mut salt);
    OsRng.fill_bytes(&mut nonce);
    let derived = derive(secret, &salt).ok_or("the key could not be derived")?;
    let cipher = chacha20poly1305::XChaCha20Poly1305::new(&derived.into());
    let sealed = cipher
        .encrypt(&nonce.into(), key.to_bytes().as_slice())
        .map_err(|_| "the key could not be sealed".to_owned())?;
    Ok(format!("{SEALED_FORM}:{}:{}:{}", hex(&salt), hex(&nonce), hex(&sealed)))
}

/// The private half, opened with `secret`; `None` for a wrong secret or a damaged seal.
pub(in crate::store) fn unseal(sealed: &str, secret: &str) -> Option<SigningKey> {
    let mut parts = sealed.split(':');
    if parts.next()? != SEALED_FORM {
        return None;
    }
    let salt = unhex(parts.next()?)?;
    let nonce: [u8; 24] = unhex(parts.next()?)?.try_into().ok()?;
    let body = unhex(parts.next()?)?;
    let derived = derive(secret, &salt)?;
    let cipher = chacha20poly1305::XChaCha20Poly1305::new(&derived.into());
    let plain = cipher.decrypt(&nonce.into(), body.as_slice()).ok()?;
    let bytes: [u8; 32] = plain.as_slice().try_into().ok()?;
    Some(SigningKey::from_bytes(&bytes))
}

/// The public half as the chain stores it.
pub(in crate::store) fn public_hex(key: &SigningKey) -> String {
    hex(key.verifying_key().as_bytes())
}

pub(in crate::store) fn public_of(text: &str) -> Option<VerifyingKey> {
    let bytes: [u8; 32] = unhex(text)?.try_into().ok()?;
    VerifyingKey::from_bytes(&bytes).ok()
}

/// A key's fingerprint as people compare it: the first 16 bytes of the SHA-256 of the
/// public key, in groups of four hex digits.
pub fn fingerprint_of_public(public_hex: &str) -> String {
    use sha2::{Digest, Sha256};
    let digest = Sha256::digest(unhex(public_hex).unwrap_or_default());
    let text = hex(digest.get(..16).unwrap_or_default()).to_uppercase();
    text.as_bytes().chunks(4).map(|c| String::from_utf8_lossy(c).into_owned()).collect::<Vec<_>>().join("-")
}

/// The signature of a chain link.
pub(in crate::store) fn sign(key: &SigningKey, seq: i64, tbl: &str, hash: &str) -> String {
    sign_text(key, &message(seq, tbl, hash))
}

/// Whether `signature` is `public`'s over this chain link.
pub(in crate::store) fn signature_ok(
    public: &VerifyingKey,
    seq: i64,
    tbl: &str,
    hash: &str,
    signature: &str,
) -> bool {
    text_signature_ok(public, &message(seq, tbl, hash), signature)
}

/// Signs any text (a checkpoint) with a key.
pub(in crate::store) fn sign_text(key: &SigningKey, text: &str) -> String {
    hex(&key.sign(text.as_bytes()).to_bytes())
}

pub(in crate::store) fn text_signature_ok(public: &VerifyingKey, text: &str, signature: &str) -> bool {
    let Some(bytes) = unhex(signature).and_then(|b| <[u8; 64]>::try_from(b).ok()) else { return false };
    public.verify(text.as_bytes(), &Signature::from_bytes(&bytes)).is_ok()
}

/// Who signs a record, with the key they opened here.
pub(in crate::store) struct Signer {
    pub key: SigningKey,
    pub name: String,
}

type Keyring = HashMap<(String, String), SigningKey>;

fn keyring() -> std::sync::MutexGuard<'static, Keyring> {
    static KEYRING: OnceLock<Mutex<Keyring>> = OnceLock::new();
    KEYRING.get_or_init(|| Mutex::new(HashMap::new())).lock().unwrap_or_else(|e| e.into_inner())
}

fn ring_key(location: &Path, name: &str) -> (String, String) {
    (location.to_string_lossy().into_owned(), super::name_key(name))
}

/// Keeps a person's opened key for the steps they sign in this process.
pub(in crate::store) fn remember(location: &Path, name: &str, key: SigningKey) {
    keyring().insert(ring_key(location, name), key);
}

/// The opened key of a person signed in to this register in this process.
pub(in crate::store) fn signer(location: &Path, name: &str) -> Option<SigningKey> {
    keyring().get(&ring_key(location, name)).cloned()
}

/// Forgets a person's opened key (they signed out).
pub fn forget(location: &Path, name: &str) {
    keyring().remove(&ring_key(location, name));
}
