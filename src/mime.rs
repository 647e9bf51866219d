//! MIME types of the file kinds inference endpoints take, guessed from the extension.

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
