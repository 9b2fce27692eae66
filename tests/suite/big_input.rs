//! A 50 MB source, generated at test time (too big to commit): a table of
//! 2,000 codes, then 50 MB of what makes parsers slow when a step is
//! super-linear — tens of thousands of code blocks, prose lines that start
//! like a code list, `<table>` and `<tr>` in comments, nested and unclosed
//! tables, and one line of a megabyte. It must build in a time linear in
//! its size, with the table's codes and nothing else.

use std::fmt::Write;
use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

const CODES: usize = 2000;
const SIZE: usize = 50 << 20;

fn write_big_source(path: &Path) {
    let mut text = String::with_capacity(SIZE + (2 << 20));
    text.push_str("# Error codes\n\n| Code | Name | Message |\n|---|---|---|\n");
    for i in 0..CODES {
        let _ = writeln!(
            text,
            "| {} | Name{i} | Failure number {i} of the service |",
            100_000 + i
        );
    }
    // One code block holds an entry, so code blocks are what the code-list
    // reader trusts and every numbered prose line is checked against them.
    text.push_str("\n```\n9999 the only code in a code block\n```\n\n");
    text.push_str(&"<table><tr><td>".repeat(5_000));
    text.push_str("\n\n");
    let mut section = 0;
    while text.len() < SIZE {
        let _ = write!(
            text,
            "## Section {section}\n\n{} requests per second are allowed before throttling starts\n\n\
             Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor \
             incididunt ut labore et dolore magna aliqua.\n\n\
             ```\nsome code without any error code in it\n```\n\n\
             <!-- a comment with <table> and <tr> in it -->\n\n",
            1000 + section % 5000
        );
        section += 1;
    }
    text.push_str(&"x".repeat(1 << 20));
    text.push('\n');
    std::fs::write(path, text).unwrap();
}

#[test]
#[ignore = "a minute unoptimised: .ci/run runs it with --release"]
fn a_50_mb_source_builds_in_linear_time() {
    let dir = tempfile::tempdir().unwrap();
    let vendor = dir.path().join("input/acme");
    std::fs::create_dir_all(&vendor).unwrap();
    std::fs::write(
        vendor.join("vendor.toml"),
        "name = { en = \"Acme\", zh = \"极致\" }\n[[sources]]\nfile = \"codes.md\"\nlang = \"en\"\n",
    )
    .unwrap();
    write_big_source(&vendor.join("codes.md"));
    let started = Instant::now();
    let output = Command::new(env!("CARGO_BIN_EXE_errdocs"))
        .current_dir(dir.path())
        .arg("build")
        .output()
        .unwrap();
    let took = started.elapsed();
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(
        stdout.starts_with(&format!("built 1 vendor, {CODES} codes,")),
        "{stdout}"
    );
    // A release build takes about 4 s on a loaded 2-CPU machine (a debug
    // one about a minute); one quadratic step took minutes.
    let limit = if cfg!(debug_assertions) { 180 } else { 30 };
    assert!(took < Duration::from_secs(limit), "took {took:?}");
    eprintln!("50 MB source built in {took:?}");
}
