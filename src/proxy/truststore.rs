//! A Java truststore holding the run's CA, written in Rust: the JKS format, which Java
//! reads as a truststore of any default type (`keystore.type.compat`, on since Java
//! 9, lets the PKCS12 loader read JKS too). It is a list of entries and a SHA-1 of
//! the password and the content; a trusted certificate entry is its alias, a time and
//! the DER bytes. (Java 17 has no PEM keystore type: `trustStoreType=PEM` fails.)

use ring::digest;

/// The password the truststore's checksum is keyed with: Java's customary one.
pub(super) const PASSWORD: &str = "changeit";

const MAGIC: u32 = 0xFEED_FEED;
const VERSION: u32 = 2;
const TRUSTED_CERTIFICATE: u32 = 2;

/// A JKS truststore with one trusted certificate, `der`, under `alias` (ASCII).
pub(super) fn jks(alias: &str, der: &[u8], created_ms: u64) -> Vec<u8> {
    let mut out = Vec::with_capacity(der.len() + 128);
    out.extend_from_slice(&MAGIC.to_be_bytes());
    out.extend_from_slice(&VERSION.to_be_bytes());
    out.extend_from_slice(&1u32.to_be_bytes());
    out.extend_from_slice(&TRUSTED_CERTIFICATE.to_be_bytes());
    java_utf(&mut out, alias);
    out.extend_from_slice(&created_ms.to_be_bytes());
    java_utf(&mut out, "X.509");
    let length = u32::try_from(der.len()).unwrap_or(u32::MAX);
    out.extend_from_slice(&length.to_be_bytes());
    out.extend_from_slice(der);
    // Java's `JavaKeyStore.getPreKeyedHash`: the password's UTF-16 code units, big
    // endian, then a fixed phrase, then every byte above.
    let mut context = digest::Context::new(&digest::SHA1_FOR_LEGACY_USE_ONLY);
    for unit in PASSWORD.encode_utf16() {
        context.update(&unit.to_be_bytes());
    }
    context.update(b"Mighty Aphrodite");
    context.update(&out);
    out.extend_from_slice(context.finish().as_ref());
    out
}

/// `DataOutputStream.writeUTF` for ASCII text: a 16-bit length, then the bytes.
fn java_utf(out: &mut Vec<u8>, text: &str) {
    let length = u16::try_from(text.len()).unwrap_or(u16::MAX);
    out.extend_from_slice(&length.to_be_bytes());
    out.extend_from_slice(&text.as_bytes()[..usize::from(length)]);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_layout_is_magic_version_count_entry_then_a_sha1() {
        let store = jks("ca", b"DER", 7);
        assert_eq!(
            &store[..12],
            &[0xfe, 0xed, 0xfe, 0xed, 0, 0, 0, 2, 0, 0, 0, 1]
        );
        let entry = &store[12..store.len() - 20];
        let mut expected = vec![0, 0, 0, 2, 0, 2, b'c', b'a', 0, 0, 0, 0, 0, 0, 0, 7, 0, 5];
        expected.extend_from_slice(b"X.509");
        expected.extend_from_slice(&[0, 0, 0, 3]);
        expected.extend_from_slice(b"DER");
        assert_eq!(entry, expected.as_slice());
        assert_eq!(store.len(), 12 + expected.len() + 20);
    }
}
