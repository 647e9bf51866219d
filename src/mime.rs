//! MIME types of the file kinds inference endpoints take and give, guessed from the
//! extension, and the extension a file of a MIME type is saved with.

/// Extensions whose MIME type is not in doubt. Anything else must be named by the user.
const TYPES: &[(&str, &str)] = &[
    ("flac", "audio/flac"),
    ("wav", "audio/wav"),
    ("mp3", "audio/mpeg"),
    ("ogg", "audio/ogg"),
    ("opus", "audio/opus"),
    ("m4a", "audio/mp4"),
    ("webm", "audio/webm"),
    ("jpg", "image/jpeg"),
    ("jpeg", "image/jpeg"),
    ("png", "image/png"),
    ("gif", "image/gif"),
    ("webp", "image/webp"),
    ("mp4", "video/mp4"),
    ("bmp", "image/bmp"),
    ("tif", "image/tiff"),
    ("tiff", "image/tiff"),
    ("json", "application/json"),
    ("txt", "text/plain"),
    ("pdf", "application/pdf"),
];

/// The MIME type for the extension of `path`, when it is a well-known one.
///
/// # Example
/// ```
/// assert_eq!(inference_snippets::guess_mime("sample1.FLAC"), Some("audio/flac"));
/// assert_eq!(inference_snippets::guess_mime("weights.bin"), None);
/// ```
pub fn guess(path: &str) -> Option<&'static str> {
    let name = path.rsplit(['/', '\\']).next().unwrap_or(path);
    let (_, extension) = name.rsplit_once('.')?;
    TYPES
        .iter()
        .find(|(known, _)| known.eq_ignore_ascii_case(extension))
        .map(|(_, mime)| *mime)
}

/// The extension a file of MIME type `mime` is saved with (`image/jpeg` → `jpg`), when
/// it is a well-known one; parameters (`;q=1`) and letter case do not count.
pub(crate) fn extension(mime: &str) -> Option<&'static str> {
    let mime = mime.split(';').next().unwrap_or_default().trim();
    // Older names servers still send for the same formats.
    let mime = match mime.to_ascii_lowercase().as_str() {
        "audio/x-flac" => "audio/flac",
        "audio/x-wav" | "audio/wave" => "audio/wav",
        "audio/mp3" => "audio/mpeg",
        _ => mime,
    };
    TYPES
        .iter()
        .find(|(_, known)| known.eq_ignore_ascii_case(mime))
        .map(|(extension, _)| *extension)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn extensions_of_types() {
        assert_eq!(extension("image/jpeg"), Some("jpg"));
        assert_eq!(extension("Audio/X-FLAC"), Some("flac"));
        assert_eq!(extension("video/mp4; codecs=avc1"), Some("mp4"));
        assert_eq!(extension("image/*"), None);
    }
}
