//! The build step after Trunk (`explainer-prerender`, Trunk's `post_build` hook) refuses a
//! malformed content file: it exits non-zero, names the file, the place and the problem, and
//! touches nothing in the folder Trunk staged, so Trunk keeps the last good `dist/`.

use std::collections::BTreeMap;
use std::path::Path;
use std::process::Command;

use explainer_browser_tests::{dist_dir, repo_dir, scratch_dir};

/// Every file in `dir` (not recursing: a build is flat) with its bytes.
fn files_in(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.is_file())
        .map(|path| {
            let name = path.file_name().unwrap().to_string_lossy().to_string();
            (name, std::fs::read(&path).unwrap())
        })
        .collect()
}

#[test]
fn a_malformed_content_file_fails_the_build_with_its_place_and_leaves_the_bundle_alone() {
    let work = scratch_dir("build");
    // A copy of the last good bundle, standing in for Trunk's staging folder.
    let staging = work.join("staging");
    std::fs::create_dir_all(&staging).unwrap();
    for (name, bytes) in files_in(&dist_dir()) {
        std::fs::write(staging.join(name), bytes).unwrap();
    }
    let before = files_in(&staging);

    // The shipped content, with one FAQ answer missing.
    let shipped = std::fs::read_to_string(repo_dir().join("public/content/en.json")).unwrap();
    let mut doc: serde_json::Value = serde_json::from_str(&shipped).unwrap();
    doc["faq"][1]
        .as_object_mut()
        .expect("the content has a second FAQ entry")
        .remove("answer");
    let content_dir = work.join("content");
    std::fs::create_dir_all(&content_dir).unwrap();
    let file = content_dir.join("en.json");
    std::fs::write(&file, serde_json::to_string_pretty(&doc).unwrap()).unwrap();

    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let output = Command::new(cargo)
        .args(["run", "--quiet", "--package", "explainer-prerender"])
        .current_dir(repo_dir())
        .env("TRUNK_STAGING_DIR", &staging)
        .env("TRUNK_PUBLIC_URL", "/")
        .env("TRUNK_PROFILE", "release")
        .env("EXPLAINER_CONTENT", &content_dir)
        .output()
        .expect("run cargo");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(!output.status.success(), "the build went on: {stderr}");
    assert!(
        stderr.contains(&format!("{}: faq[1].answer: missing", file.display())),
        "the message names the file, the place and the problem: {stderr}"
    );
    assert!(stderr.contains("nothing was built"), "{stderr}");

    let after = files_in(&staging);
    assert_eq!(
        before.keys().collect::<Vec<_>>(),
        after.keys().collect::<Vec<_>>(),
        "no file was added or removed"
    );
    for (name, bytes) in &before {
        assert!(after[name] == *bytes, "{name} was changed");
    }
    std::fs::remove_dir_all(&work).unwrap();
}
