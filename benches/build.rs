//! `cargo bench --bench build`: builds generated inputs of 1,000, 10,000 and
//! 100,000 codes with the release `errdocs` binary and sets each build
//! against the write floor, the time plain `std::fs` takes to write the same
//! files from memory, measured in the same run on the same filesystem.
//!
//! Prints a Markdown table and appends it to `bench/results.md`.
//!
//! - `ERRDOCS_BENCH_SIZES=1000,10000` picks the sizes (codes).
//! - `ERRDOCS_BENCH_ROUNDS=3` is how many times build and floor are each
//!   measured per size (medians are reported).
//! - `ERRDOCS_BENCH_BUDGET=240` stops a size's rounds early once the next
//!   round would pass this many seconds.
//! - `ERRDOCS_BENCH_KEEP=1` keeps the work directory
//!   (`target/tmp/errdocs-bench/`) for inspection.
//! - `ERRDOCS_BENCH_MEMORY=DIR` is where the same builds and floors are
//!   measured again in memory (default `/dev/shm` when it is a tmpfs;
//!   `ERRDOCS_BENCH_MEMORY=0` skips that). Without the disk's drift, these
//!   times show how errdocs' own work grows with the number of codes.

#[allow(dead_code)]
#[path = "../examples/workload.rs"]
mod workload;

use std::collections::BTreeMap;
use std::error::Error;
use std::fmt::Write as _;
use std::fs;
use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

type Result<T> = std::result::Result<T, Box<dyn Error>>;

const CARGO_ERRDOCS: &str = env!("CARGO_BIN_EXE_errdocs");
const MANIFEST_DIR: &str = env!("CARGO_MANIFEST_DIR");
const WORK_DIR: &str = env!("CARGO_TARGET_TMPDIR");
const SEED: u64 = 1;

fn main() -> Result<()> {
    let sizes = env_list("ERRDOCS_BENCH_SIZES", &[1_000, 10_000, 100_000])?;
    let rounds = env_list("ERRDOCS_BENCH_ROUNDS", &[3])?[0].max(1);
    let budget = Duration::from_secs(env_list("ERRDOCS_BENCH_BUDGET", &[240])?[0] as u64);
    let keep = std::env::var_os("ERRDOCS_BENCH_KEEP").is_some_and(|v| v != "0");
    let memory = memory_dir()?;

    let work = Path::new(WORK_DIR).join("errdocs-bench");
    let trash = Trash::new(Path::new(WORK_DIR).join("errdocs-bench-trash"))?;
    trash.put(&work)?;
    fs::create_dir_all(&work)?;
    // A copy, so that a `cargo build` during the run cannot swap the binary
    // being measured.
    let bin = work.join("errdocs");
    fs::copy(CARGO_ERRDOCS, &bin)?;
    let started = Instant::now();
    let machine = Machine::probe(&work);
    let load_before = load_average();
    // The tree the binary was just built from; it may move during the run.
    let commit = commit();
    eprintln!("errdocs bench: {CARGO_ERRDOCS}");
    eprintln!(
        "work directory: {} ({})",
        work.display(),
        machine.filesystem
    );
    if let Some(memory) = &memory {
        eprintln!("in memory: {}", memory.display());
    }

    let seed = seed_site(&bin, &work, &trash)?;
    eprintln!("seed site: {:.3} s", seed.as_secs_f64());

    let mut results = Vec::new();
    for &codes in &sizes {
        results.push(measure(
            &bin,
            &work,
            &trash,
            memory.as_deref(),
            codes,
            rounds,
            budget,
        )?);
    }

    let load = format!("{load_before} before, {} after", load_average());
    let total = started.elapsed();
    if !keep {
        trash.put(&work)?;
    }
    eprintln!("removing every tree written…");
    let removing = trash.empty()?;
    let about = About {
        machine,
        memory: memory.clone(),
        commit,
        seed,
        total,
        removing,
        load,
    };
    let report = report(&about, &results);
    print!("{report}");
    append_results(&report)?;
    if let Some(memory) = &memory {
        remove(memory)?;
    }
    Ok(())
}

/// A fresh directory on a memory filesystem for the in-memory runs, or
/// `None` when `ERRDOCS_BENCH_MEMORY=0` or there is no tmpfs to use.
fn memory_dir() -> Result<Option<PathBuf>> {
    let parent = match std::env::var_os("ERRDOCS_BENCH_MEMORY") {
        Some(dir) if dir == "0" || dir.is_empty() => return Ok(None),
        Some(dir) => PathBuf::from(dir),
        None => {
            let shm = PathBuf::from("/dev/shm");
            if filesystem(&shm).is_none_or(|(kind, _)| kind != "tmpfs") {
                eprintln!("no tmpfs at /dev/shm: skipping the in-memory runs");
                return Ok(None);
            }
            shm
        }
    };
    let dir = parent.join(format!("errdocs-bench-{}", std::process::id()));
    remove(&dir)?;
    fs::create_dir_all(&dir).map_err(|err| format!("cannot create `{}`: {err}", dir.display()))?;
    Ok(Some(dir))
}

/// `name=1,2,3` from the environment, or `default`.
fn env_list(name: &str, default: &[usize]) -> Result<Vec<usize>> {
    let Ok(value) = std::env::var(name) else {
        return Ok(default.to_vec());
    };
    let list = value
        .split(',')
        .map(|v| v.trim().replace('_', "").parse::<usize>())
        .collect::<std::result::Result<Vec<_>, _>>()
        .map_err(|err| format!("{name}=`{value}`: {err}"))?;
    if list.is_empty() {
        return Err(format!("{name} is empty").into());
    }
    Ok(list)
}

/// The seed site (`input/`), built five times; the median wall time.
fn seed_site(bin: &Path, work: &Path, trash: &Trash) -> Result<Duration> {
    let out = work.join("seed");
    let mut times = Vec::new();
    for _ in 0..5 {
        trash.put(&out)?;
        sync();
        let run = errdocs(
            bin,
            &Path::new(MANIFEST_DIR).join("input"),
            &out.join("site"),
        )?;
        times.push(run.wall);
    }
    trash.put(&out)?;
    Ok(median(&times))
}

/// Where every tree the benchmark is done with on the disk goes until all
/// is measured. On ext4 without a journal (as on the machine this was
/// written on), finding a free inode for a new file skips, one by one and
/// from the start of its group, every inode freed in the last minute (five,
/// if its table block is not yet written back): `recently_deleted()` in
/// `fs/ext4/ialloc.c`. Removing a site's 500,000 files slowed the writes
/// after it by up to 7×, so nothing is removed until the end.
struct Trash {
    dir: PathBuf,
    count: std::cell::Cell<usize>,
}

impl Trash {
    fn new(dir: PathBuf) -> Result<Trash> {
        fs::create_dir_all(&dir)
            .map_err(|err| format!("cannot create `{}`: {err}", dir.display()))?;
        // A run that stopped early may have left trees here; numbers go on
        // after theirs.
        let count = fs::read_dir(&dir)?.count();
        Ok(Trash {
            dir,
            count: std::cell::Cell::new(count),
        })
    }

    /// Moves `path` into the trash (a rename on the same filesystem), if
    /// it is there.
    fn put(&self, path: &Path) -> Result<()> {
        if fs::symlink_metadata(path).is_err() {
            return Ok(());
        }
        loop {
            self.count.set(self.count.get() + 1);
            let to = self.dir.join(self.count.get().to_string());
            if !to.exists() {
                fs::rename(path, &to).map_err(|err| {
                    format!(
                        "cannot move `{}` to `{}`: {err}",
                        path.display(),
                        to.display()
                    )
                })?;
                return Ok(());
            }
        }
    }

    /// Removes everything put here, the trees in parallel: unlinking is
    /// mostly waiting, and one site has 500,000 files.
    fn empty(self) -> Result<Duration> {
        let start = Instant::now();
        let trees: Vec<PathBuf> = fs::read_dir(&self.dir)?
            .map(|entry| entry.map(|e| e.path()))
            .collect::<std::io::Result<_>>()?;
        std::thread::scope(|scope| {
            let removers: Vec<_> = trees
                .iter()
                .map(|tree| scope.spawn(move || remove(tree).map_err(|e| e.to_string())))
                .collect();
            removers
                .into_iter()
                .try_for_each(|r| r.join().expect("remover thread panicked"))
        })?;
        remove(&self.dir)?;
        sync();
        Ok(start.elapsed())
    }
}

/// Cold builds and floors on a memory filesystem: medians, and the median
/// of the rounds' ratios.
struct InMemory {
    cold: Duration,
    floor: Duration,
    ratio: f64,
}

/// One size, measured `rounds` times, medians kept.
struct Measured {
    asked: usize,
    vendors: usize,
    codes: usize,
    pages: usize,
    files: usize,
    bytes: u64,
    /// The largest page listing codes: a vendor's, a category's or a
    /// status's page, and its size in bytes.
    largest_listing: Option<(PathBuf, usize)>,
    generate: Duration,
    cold: Duration,
    peak_kib: Option<u64>,
    rebuild: Duration,
    rebuild_written: Option<usize>,
    floor_2: Duration,
    floor_1: Duration,
    /// Median over the rounds of cold build ÷ 2-thread floor.
    ratio: f64,
    /// The same cold build and 2-thread floor in memory.
    memory: Option<InMemory>,
    /// Median over the rounds of rebuild ÷ cold build.
    rebuild_share: f64,
    rounds: usize,
    /// Syncing and reading the site between measurements.
    untimed: Duration,
    /// Everything for this size but generating the input.
    elapsed: Duration,
    warnings: BTreeMap<String, usize>,
}

fn measure(
    bin: &Path,
    work: &Path,
    trash: &Trash,
    memory: Option<&Path>,
    codes: usize,
    rounds: usize,
    budget: Duration,
) -> Result<Measured> {
    let vendors = (codes / 2_500).max(4);
    let dir = work.join(format!("n{codes}"));
    let input = dir.join("input");
    // The site's parent holds nothing else, so removing it also removes
    // whatever errdocs keeps beside the site (staging, manifest).
    let out = dir.join("out");
    let site = out.join("site");
    trash.put(&dir)?;

    let spec = workload::Spec {
        codes,
        vendors,
        seed: SEED,
    };
    let start = Instant::now();
    let generated = workload::generate(&input, &spec)?;
    let generate = start.elapsed();
    eprintln!(
        "N={codes}: generated {} vendors, {} codes, {} rows, {} bytes in {:.2} s",
        generated.vendors,
        generated.codes,
        generated.rows,
        generated.bytes,
        generate.as_secs_f64()
    );

    let mut cold = Vec::new();
    let mut rebuild = Vec::new();
    let mut floor_2 = Vec::new();
    let mut floor_1 = Vec::new();
    let mut peak_kib = None;
    let mut first: Option<(Run, Snapshot)> = None;
    let mut rebuild_written = None;
    // Each tree goes to the trash: build and floor then run close
    // together in time, on a disk in the same state (see `Trash`).
    let mut untimed = Duration::ZERO;
    let clear = |untimed: &mut Duration| -> Result<()> {
        let start = Instant::now();
        trash.put(&out)?;
        sync();
        *untimed += start.elapsed();
        Ok(())
    };
    let size_started = Instant::now();
    for round in 1..=rounds {
        let round_started = Instant::now();

        clear(&mut untimed)?;
        let run = errdocs(bin, &input, &site)?;
        eprintln!(
            "N={codes} round {round}: cold build {:.3} s, peak RSS {}",
            run.wall.as_secs_f64(),
            run.peak_kib
                .map_or("n/a".into(), |k| format!("{} MiB", k / 1024))
        );
        cold.push(run.wall);
        peak_kib = peak_kib.max(run.peak_kib);

        let start = Instant::now();
        sync();
        untimed += start.elapsed();
        let again = errdocs(bin, &input, &site)?;
        eprintln!(
            "N={codes} round {round}: no-change rebuild {:.3} s",
            again.wall.as_secs_f64()
        );
        rebuild.push(again.wall);
        rebuild_written = rebuild_written.max(again.written);

        if first.is_none() {
            let start = Instant::now();
            let snapshot = Snapshot::read(&site)?;
            untimed += start.elapsed();
            first = Some((run, snapshot));
        }
        let snapshot = &first.as_ref().expect("just set").1;

        for (threads, times) in [(2, &mut floor_2), (1, &mut floor_1)] {
            clear(&mut untimed)?;
            let took = snapshot.write(&site, threads)?;
            eprintln!(
                "N={codes} round {round}: write floor, {threads} thread(s): {:.3} s",
                took.as_secs_f64()
            );
            times.push(took);
        }

        let spent = size_started.elapsed();
        eprintln!(
            "N={codes} round {round}: {:.1} s in all, {:.1} s so far syncing and reading",
            round_started.elapsed().as_secs_f64(),
            untimed.as_secs_f64()
        );
        if round < rounds && spent + round_started.elapsed() > budget {
            eprintln!("N={codes}: stopping after {round} round(s) to stay within the budget");
            break;
        }
    }
    let (run, snapshot) = first.expect("at least one round");
    let memory = match memory {
        Some(memory) => Some(measure_in_memory(
            bin,
            &input,
            memory,
            &snapshot,
            codes,
            cold.len(),
        )?),
        None => None,
    };
    trash.put(&dir)?;
    Ok(Measured {
        asked: codes,
        vendors: run.vendors,
        codes: run.codes,
        pages: snapshot.pages,
        files: snapshot.files.len(),
        bytes: snapshot.bytes,
        largest_listing: snapshot.largest_listing(),
        generate,
        cold: median(&cold),
        peak_kib,
        rebuild: median(&rebuild),
        rebuild_written,
        floor_2: median(&floor_2),
        floor_1: median(&floor_1),
        ratio: median_ratio(&cold, &floor_2),
        memory,
        rebuild_share: median_ratio(&rebuild, &cold),
        rounds: cold.len(),
        untimed,
        elapsed: size_started.elapsed(),
        warnings: run.warnings,
    })
}

/// The cold build and the 2-thread floor again, `rounds` times each, into
/// `memory`: no disk, so what remains is errdocs' own work and the
/// kernel's in-memory file creation.
fn measure_in_memory(
    bin: &Path,
    input: &Path,
    memory: &Path,
    snapshot: &Snapshot,
    codes: usize,
    rounds: usize,
) -> Result<InMemory> {
    let out = memory.join(format!("n{codes}"));
    let site = out.join("site");
    let mut cold = Vec::new();
    let mut floor = Vec::new();
    for round in 1..=rounds {
        remove(&out)?;
        let run = errdocs(bin, input, &site)?;
        remove(&out)?;
        let took = snapshot.write(&site, 2)?;
        remove(&out)?;
        eprintln!(
            "N={codes} round {round}: in memory, cold build {:.3} s, write floor {:.3} s",
            run.wall.as_secs_f64(),
            took.as_secs_f64()
        );
        cold.push(run.wall);
        floor.push(took);
    }
    Ok(InMemory {
        cold: median(&cold),
        floor: median(&floor),
        ratio: median_ratio(&cold, &floor),
    })
}

/// What one `errdocs build` took and said.
struct Run {
    wall: Duration,
    peak_kib: Option<u64>,
    vendors: usize,
    codes: usize,
    written: Option<usize>,
    /// Warning kinds and how many of each.
    warnings: BTreeMap<String, usize>,
}

/// Runs `bin build --input … --output …`, under `/usr/bin/time -v` when it
/// is there.
fn errdocs(bin: &Path, input: &Path, output: &Path) -> Result<Run> {
    let time = Path::new("/usr/bin/time");
    let mut command = if time.is_file() {
        let mut command = Command::new(time);
        command.arg("-v").arg(bin);
        command
    } else {
        Command::new(bin)
    };
    command
        .arg("build")
        .arg("--input")
        .arg(input)
        .arg("--output")
        .arg(output);
    let start = Instant::now();
    let done = command.output()?;
    let wall = start.elapsed();
    let stdout = String::from_utf8_lossy(&done.stdout);
    let stderr = String::from_utf8_lossy(&done.stderr);
    if !done.status.success() {
        return Err(format!(
            "`errdocs build --input {}` failed ({}):\n{stdout}{stderr}",
            input.display(),
            done.status
        )
        .into());
    }

    let peak_kib = stderr
        .lines()
        .find_map(|l| l.trim().strip_prefix("Maximum resident set size (kbytes):"))
        .and_then(|v| v.trim().parse().ok());
    let mut warnings = BTreeMap::new();
    for line in stderr.lines() {
        if let Some((_, rest)) = line.split_once("warning[")
            && let Some((kind, _)) = rest.split_once(']')
        {
            *warnings.entry(kind.to_owned()).or_insert(0) += 1;
        }
    }
    // `built 4 vendors, 476 codes, 963 pages into … (12 files written)`
    let summary = stdout
        .lines()
        .find(|l| l.starts_with("built "))
        .ok_or_else(|| format!("no summary line in errdocs' output:\n{stdout}"))?;
    let number_before = |word: &str| {
        let words: Vec<&str> = summary.split_whitespace().collect();
        words
            .windows(2)
            .find(|w| w[1].trim_end_matches([',', ')']) == word)
            .and_then(|w| w[0].trim_start_matches('(').parse().ok())
    };
    Ok(Run {
        wall,
        peak_kib,
        vendors: number_before("vendors").unwrap_or(0),
        codes: number_before("codes").unwrap_or(0),
        written: number_before("files").filter(|_| summary.contains("written")),
        warnings,
    })
}

/// A built site held in memory: every file's path and bytes.
struct Snapshot {
    /// Relative to the site, sorted.
    dirs: Vec<PathBuf>,
    files: Vec<(PathBuf, Vec<u8>)>,
    pages: usize,
    bytes: u64,
}

impl Snapshot {
    fn read(site: &Path) -> Result<Snapshot> {
        let mut dirs = Vec::new();
        let mut files = Vec::new();
        for entry in walkdir::WalkDir::new(site).sort_by_file_name() {
            let entry = entry?;
            let relative = entry.path().strip_prefix(site)?.to_owned();
            if entry.file_type().is_dir() {
                dirs.push(relative);
            } else {
                let bytes = fs::read(entry.path())?;
                files.push((relative, bytes));
            }
        }
        let pages = files
            .iter()
            .filter(|(p, _)| p.extension().is_some_and(|e| e == "html"))
            .count();
        let bytes = files.iter().map(|(_, b)| b.len() as u64).sum();
        Ok(Snapshot {
            dirs,
            files,
            pages,
            bytes,
        })
    }

    /// The largest page that lists codes: `<lang>/<vendor>/index*.html`
    /// and the category and status pages.
    fn largest_listing(&self) -> Option<(PathBuf, usize)> {
        self.files
            .iter()
            .filter(|(path, _)| {
                let parts: Vec<_> = path.iter().filter_map(|p| p.to_str()).collect();
                match parts.as_slice() {
                    [_, "categories" | "status", page] => page.ends_with(".html"),
                    [_, _, page] => page.starts_with("index") && page.ends_with(".html"),
                    _ => false,
                }
            })
            .max_by_key(|(path, bytes)| (bytes.len(), std::cmp::Reverse(path.clone())))
            .map(|(path, bytes)| (path.clone(), bytes.len()))
    }

    /// Writes every file back under `site` with plain `std::fs`: the
    /// directories first, then the files split over `threads` threads.
    fn write(&self, site: &Path, threads: usize) -> Result<Duration> {
        let start = Instant::now();
        for dir in &self.dirs {
            fs::create_dir_all(site.join(dir))?;
        }
        let chunk = self.files.len().div_ceil(threads).max(1);
        std::thread::scope(|scope| {
            let workers: Vec<_> = self
                .files
                .chunks(chunk)
                .map(|files| {
                    scope.spawn(move || -> std::io::Result<()> {
                        for (path, bytes) in files {
                            fs::write(site.join(path), bytes)?;
                        }
                        Ok(())
                    })
                })
                .collect();
            workers
                .into_iter()
                .try_for_each(|w| w.join().expect("writer thread panicked"))
        })?;
        Ok(start.elapsed())
    }
}

/// Flushes earlier writes so they do not slow the next measurement.
fn sync() {
    let _ = Command::new("sync").status();
}

fn remove(path: &Path) -> Result<()> {
    match fs::remove_dir_all(path) {
        Err(err) if err.kind() != std::io::ErrorKind::NotFound => {
            Err(format!("cannot remove `{}`: {err}", path.display()).into())
        }
        _ => Ok(()),
    }
}

/// The median of `a[i] / b[i]`: a round's build and floor see the same
/// disk, so their ratio drifts less than either.
fn median_ratio(a: &[Duration], b: &[Duration]) -> f64 {
    let mut ratios: Vec<f64> = a
        .iter()
        .zip(b)
        .map(|(a, b)| a.as_secs_f64() / b.as_secs_f64())
        .collect();
    ratios.sort_by(f64::total_cmp);
    match ratios.len() {
        0 => f64::NAN,
        n if n % 2 == 1 => ratios[n / 2],
        n => (ratios[n / 2 - 1] + ratios[n / 2]) / 2.0,
    }
}

fn median(times: &[Duration]) -> Duration {
    let mut sorted = times.to_vec();
    sorted.sort();
    match sorted.len() {
        0 => Duration::ZERO,
        n if n % 2 == 1 => sorted[n / 2],
        n => (sorted[n / 2 - 1] + sorted[n / 2]) / 2,
    }
}

struct Machine {
    cpus: usize,
    cpu: String,
    memory: String,
    filesystem: String,
}

impl Machine {
    fn probe(work: &Path) -> Machine {
        let cpus = std::thread::available_parallelism().map_or(1, |n| n.get());
        let cpu = fs::read_to_string("/proc/cpuinfo")
            .ok()
            .and_then(|t| {
                t.lines()
                    .find_map(|l| l.strip_prefix("model name"))
                    .map(|v| v.trim_start_matches([' ', '\t', ':']).to_owned())
            })
            .unwrap_or_else(|| "unknown CPU".into());
        let memory = fs::read_to_string("/proc/meminfo")
            .ok()
            .and_then(|t| {
                let kib: u64 = t
                    .lines()
                    .find_map(|l| l.strip_prefix("MemTotal:"))?
                    .trim()
                    .trim_end_matches("kB")
                    .trim()
                    .parse()
                    .ok()?;
                Some(format!("{} GiB RAM", (kib + (1 << 19)) >> 20))
            })
            .unwrap_or_else(|| "RAM unknown".into());
        let filesystem = filesystem(work).map_or_else(
            || "filesystem unknown".into(),
            |(kind, device)| format!("{kind} on {device}"),
        );
        Machine {
            cpus,
            cpu,
            memory,
            filesystem,
        }
    }
}

/// The type and device of the filesystem holding `path`, from `df -T`
/// (the second line's second and first fields).
fn filesystem(path: &Path) -> Option<(String, String)> {
    let output = Command::new("df").arg("-T").arg(path).output().ok()?;
    let text = String::from_utf8_lossy(&output.stdout);
    let mut fields = text.lines().nth(1)?.split_whitespace();
    let device = fields.next()?.to_owned();
    Some((fields.next()?.to_owned(), device))
}

/// The 1-minute load average: other work on the machine skews a run.
fn load_average() -> String {
    fs::read_to_string("/proc/loadavg")
        .ok()
        .and_then(|t| t.split_whitespace().next().map(str::to_owned))
        .unwrap_or_else(|| "?".into())
}

/// What a report says of the run as a whole.
struct About {
    machine: Machine,
    /// Where the in-memory runs went, if they ran.
    memory: Option<PathBuf>,
    commit: String,
    seed: Duration,
    /// The run until all was measured.
    total: Duration,
    /// Removing every tree written, after that.
    removing: Duration,
    load: String,
}

fn report(about: &About, results: &[Measured]) -> String {
    let About {
        machine,
        memory,
        commit,
        seed,
        total,
        removing,
        load,
    } = about;
    let mut out = String::new();
    let _ = writeln!(
        out,
        "\n## {} · {} · {} CPUs ({}), {}, {} at `target/tmp`\n",
        utc_now(),
        commit,
        machine.cpus,
        machine.cpu,
        machine.memory,
        machine.filesystem
    );
    let _ = writeln!(
        out,
        "| N | vendors | codes | pages | cold build (s) | pages/s | µs/code | peak RSS (MiB) \
         | floor 2 thr (s) | floor 1 thr (s) | build ÷ floor | no-change rebuild (s) | rebuild ÷ cold | rounds |"
    );
    let _ = writeln!(
        out,
        "|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|"
    );
    for m in results {
        let cold = m.cold.as_secs_f64();
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} | {:.3} | {:.0} | {:.1} | {} | {:.3} | {:.3} | {:.2} | {:.3} | {:.0} % | {} |",
            m.asked,
            m.vendors,
            m.codes,
            m.pages,
            cold,
            m.pages as f64 / cold,
            cold * 1e6 / m.codes.max(1) as f64,
            m.peak_kib
                .map_or("n/a".into(), |k| format!("{:.0}", k as f64 / 1024.0)),
            m.floor_2.as_secs_f64(),
            m.floor_1.as_secs_f64(),
            m.ratio,
            m.rebuild.as_secs_f64(),
            100.0 * m.rebuild_share,
            m.rounds
        );
    }
    let _ = writeln!(out);
    let _ = writeln!(
        out,
        "| N | files | files per code | largest listing page (KB) | which |"
    );
    let _ = writeln!(out, "|--:|--:|--:|--:|:--|");
    for m in results {
        let (which, size) = m
            .largest_listing
            .as_ref()
            .map_or(("n/a".to_owned(), 0), |(p, b)| {
                (p.display().to_string(), *b)
            });
        let _ = writeln!(
            out,
            "| {} | {} | {:.2} | {:.1} | `{}` |",
            m.asked,
            m.files,
            m.files as f64 / m.codes.max(1) as f64,
            size as f64 / 1000.0,
            which
        );
    }
    let _ = writeln!(out);
    if let Some(memory) = memory {
        let _ = writeln!(
            out,
            "In memory (tmpfs at `{}`), the same builds and 2-thread floors:\n",
            memory.parent().unwrap_or(memory).display()
        );
        let _ = writeln!(
            out,
            "| N | cold build (s) | µs/code | floor 2 thr (s) | build ÷ floor |"
        );
        let _ = writeln!(out, "|--:|--:|--:|--:|--:|");
        for m in results {
            if let Some(memory) = &m.memory {
                let _ = writeln!(
                    out,
                    "| {} | {:.3} | {:.1} | {:.3} | {:.2} |",
                    m.asked,
                    memory.cold.as_secs_f64(),
                    memory.cold.as_secs_f64() * 1e6 / m.codes.max(1) as f64,
                    memory.floor.as_secs_f64(),
                    memory.ratio
                );
            }
        }
        let _ = writeln!(out);
    }
    let _ = writeln!(out, "- seed site (`input/`): {:.3} s", seed.as_secs_f64());
    if let (Some(small), Some(large)) = (results.first(), results.last())
        && results.len() > 1
    {
        let growth = |time: &dyn Fn(&Measured) -> Duration| {
            let per_code = |m: &Measured| time(m).as_secs_f64() / m.codes.max(1) as f64;
            100.0 * (per_code(large) / per_code(small) - 1.0)
        };
        let _ = write!(
            out,
            "- time per code at N={} vs N={}: on disk {:+.0} % (the write floor's own: {:+.0} %)",
            large.asked,
            small.asked,
            growth(&|m| m.cold),
            growth(&|m| m.floor_2),
        );
        if let (Some(_), Some(_)) = (&small.memory, &large.memory) {
            let _ = write!(
                out,
                "; in memory {:+.0} % (the write floor's own: {:+.0} %)",
                growth(&|m| m.memory.as_ref().map_or(Duration::ZERO, |m| m.cold)),
                growth(&|m| m.memory.as_ref().map_or(Duration::ZERO, |m| m.floor)),
            );
        }
        let _ = writeln!(out);
    }
    for m in results {
        let warnings = if m.warnings.is_empty() {
            "none".to_owned()
        } else {
            m.warnings
                .iter()
                .map(|(kind, n)| format!("{n} {kind}"))
                .collect::<Vec<_>>()
                .join(", ")
        };
        let _ = writeln!(
            out,
            "- N={}: {} files, {:.1} MiB; input generated in {:.3} s; measured in {:.0} s \
             ({:.0} s of it syncing and reading); no-change rebuild wrote {} files; warnings: {warnings}",
            m.asked,
            m.files,
            m.bytes as f64 / (1 << 20) as f64,
            m.generate.as_secs_f64(),
            m.elapsed.as_secs_f64(),
            m.untimed.as_secs_f64(),
            m.rebuild_written
                .map_or("an unreported number of".into(), |n| n.to_string()),
        );
    }
    let _ = writeln!(
        out,
        "- whole benchmark: {:.0} s, then {:.0} s removing every tree written; load average {load}",
        total.as_secs_f64(),
        removing.as_secs_f64()
    );
    out
}

fn append_results(report: &str) -> Result<()> {
    let path = Path::new(MANIFEST_DIR).join("bench").join("results.md");
    fs::create_dir_all(path.parent().expect("has a parent"))?;
    let new = !path.exists();
    let mut file = fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(&path)
        .map_err(|err| format!("cannot open `{}`: {err}", path.display()))?;
    if new {
        file.write_all(HEADER.as_bytes())?;
    }
    file.write_all(report.as_bytes())?;
    eprintln!("appended to {}", path.display());
    Ok(())
}

const HEADER: &str = "\
# Benchmark results

Appended by `cargo bench --bench build` (see docs/benchmarks.md); one
section per run. The input is generated by `examples/workload.rs` (seed 1,
max(4, N/2500) vendors); the build is the release `errdocs` binary.

- **cold build**: `errdocs build` into an output directory that does not
  exist (nothing beside it either), after `sync`; wall time of the process.
- **pages/s**, **µs/code**: pages (`.html` files) and codes over the cold
  build's wall time.
- **peak RSS**: largest \"Maximum resident set size\" of `/usr/bin/time -v`
  over the cold builds.
- **floor**: the time to write the same files (same paths, same bytes, held
  in memory) with plain `std::fs` (`create_dir_all` per directory, then
  `fs::write` per file), split over 2 threads or 1, into a fresh directory
  on the same filesystem, after `sync`. Each round measures build and
  floors back to back; **build ÷ floor** (2-thread floor) and **rebuild ÷
  cold** are medians of the rounds' own ratios.
- **no-change rebuild**: the same build again over the site just built.
- **in memory**: the same cold builds and 2-thread floors into a tmpfs
  (`/dev/shm`), after the disk rounds. Without the disk, the time per code
  there is errdocs' own work; on the disk it also carries the disk's
  drift, which the floor's own time per code shows.
- **nothing is deleted until all is measured** (sections from 14:10 UTC on
  2026-11-24): on ext4 without a journal, finding an inode for a new file
  skips, one by one, every inode freed in the last minute (five, while
  its table block is unwritten), so removing a 500,000-file site made the
  writes after it up to 7× slower. Earlier sections removed each size's
  trees before the next size and the seed site between its builds, and
  carry that noise.
- **load average** (1 minute, before and after): compiles or tests running
  beside the benchmark slow build and floor alike.
- Times are medians over the rounds. The disk's speed drifts by up to 2×
  between runs, so only ratios within one section compare; compare
  sections by their ratios, not their seconds.
";

/// `2025-01-31 14:05 UTC`, without a date crate.
fn utc_now() -> String {
    let secs = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    let days = (secs / 86_400) as i64;
    let (hour, minute) = ((secs % 86_400) / 3_600, (secs % 3_600) / 60);
    // Howard Hinnant's civil_from_days.
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!("{year:04}-{month:02}-{day:02} {hour:02}:{minute:02} UTC")
}

/// `abc1234`, with `-dirty` when the working tree has changes.
fn commit() -> String {
    let git = |args: &[&str]| {
        Command::new("git")
            .arg("-C")
            .arg(MANIFEST_DIR)
            .args(args)
            .output()
            .ok()
            .filter(|o| o.status.success())
            .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_owned())
    };
    let Some(hash) = git(&["rev-parse", "--short", "HEAD"]) else {
        return "commit unknown".into();
    };
    match git(&["status", "--porcelain"]) {
        Some(status) if !status.is_empty() => format!("{hash}-dirty"),
        _ => hash,
    }
}
