//! Any text as a Markdown page: scanning and linting never panic, and when `update`
//! succeeds its text scans again, a second update changes nothing, and every byte
//! outside the regions is the old one.

#![no_main]

use std::path::Path;

use inference_snippets::docs;
use libfuzzer_sys::fuzz_target;

/// The text between regions: before the first, between each two, after the last.
fn outside<'a>(text: &'a str, regions: &[docs::Region]) -> Vec<&'a str> {
    let mut pieces = Vec::new();
    let mut copied = 0;
    for region in regions {
        pieces.push(&text[copied..region.content.start]);
        copied = region.content.end;
    }
    pieces.push(&text[copied..]);
    pieces
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let scanned = docs::scan(text, "fuzz.md");
    let _ = docs::lint(text, "page.md");
    let base_dir = Path::new("/nonexistent-dir");
    let Ok(updated) = docs::update(text, "fuzz.md", base_dir) else {
        return;
    };
    let old_regions = scanned.expect("update succeeded, so scan does");
    let new_regions = docs::scan(&updated.text, "fuzz.md").unwrap_or_else(|err| {
        panic!(
            "the updated page does not scan: {err}\n--- updated\n{}",
            updated.text
        )
    });
    assert_eq!(
        old_regions.len(),
        new_regions.len(),
        "the update changed the number of regions\n--- updated\n{}",
        updated.text
    );
    assert_eq!(
        outside(text, &old_regions),
        outside(&updated.text, &new_regions),
        "the update changed bytes outside the regions\n--- updated\n{}",
        updated.text
    );
    let again = docs::update(&updated.text, "fuzz.md", base_dir).unwrap_or_else(|err| {
        panic!(
            "the updated page does not update: {err}\n--- updated\n{}",
            updated.text
        )
    });
    assert!(
        again.drifts.is_empty(),
        "a second update drifts: {:?}\n--- updated\n{}",
        again.drifts,
        updated.text
    );
    assert_eq!(again.text, updated.text, "a second update changed the text");
});
