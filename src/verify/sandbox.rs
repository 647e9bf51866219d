//! Running one program of a snippet within bounds: its own folder, stdin closed, a
//! deadline that ends its whole process group, output and files capped. Where the
//! machine allows it (`unshare` with unprivileged user namespaces), it runs in a
//! network namespace with loopback only and a mount namespace whose working folder
//! and `/tmp` are small tmpfs mounts, so that a snippet that ignores the proxy cannot
//! reach any server and a snippet that fills the disk fills only those. Where a pids
//! cgroup can be made, it caps the processes of the run and ends them all.

use std::ffi::OsString;
use std::fs::{self, File};
use std::io;
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, ExitStatus, Stdio};
use std::time::{Duration, Instant};

/// The bounds of one run.
#[derive(Clone, Copy, Debug)]
pub struct Bounds {
    /// The deadline, after which the process group is killed.
    pub timeout: Duration,
    /// The largest file the program may write, its stdout and stderr included.
    pub file_bytes: u64,
    /// The size of the tmpfs of its folder and of `/tmp`, when isolated.
    pub disk_bytes: u64,
    /// The most processes of the run at once, where a pids cgroup holds it.
    pub processes: u32,
    /// The deadline of a block's build before its run (Go's), within the other
    /// bounds: longer than a run's, since a cold build cache compiles the standard
    /// library first (`--setup` fills it).
    pub build: Duration,
}

impl Default for Bounds {
    fn default() -> Bounds {
        Bounds {
            timeout: Duration::from_secs(60),
            file_bytes: 16 << 20,
            disk_bytes: 64 << 20,
            processes: 256,
            build: Duration::from_secs(300),
        }
    }
}

/// What the machine allows, found once.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Isolation {
    /// Network and mount namespaces through `unshare -rnm` (and `ip` to bring the
    /// namespace's loopback up, `python3` for the bridge to the proxy).
    pub namespaces: bool,
    /// `prlimit` sets the file-size limit.
    pub limits: bool,
    /// The Python that runs the bridge: `python3` resolved once to its executable
    /// (a version manager's shim costs a process per start).
    pub bridge_python: PathBuf,
    /// A pids cgroup folder verify may make children in: each run gets one with
    /// `pids.max`, and everything still in it is killed when the run ends.
    pub pids: Option<PathBuf>,
}

impl Isolation {
    /// Probes the machine with the programs on `path`.
    pub fn probe(path: &OsString) -> Isolation {
        let works = |program: &str, args: &[&str]| {
            Command::new(program)
                .args(args)
                .env("PATH", path)
                // Not the page's folder: nothing of a page's is read by a probe.
                .current_dir("/")
                .stdin(Stdio::null())
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .status()
                .is_ok_and(|status| status.success())
        };
        let limits = works("prlimit", &["--fsize=1000000", "--", "true"]);
        let bridge_python = Command::new("python3")
            .args(["-I", "-c", "import sys; print(sys.executable)"])
            .env("PATH", path)
            .current_dir("/")
            .stdin(Stdio::null())
            .output()
            .ok()
            .filter(|output| output.status.success())
            .map(|output| PathBuf::from(String::from_utf8_lossy(&output.stdout).trim()))
            .filter(|python| python.is_absolute())
            .unwrap_or_else(|| PathBuf::from("python3"));
        let namespaces = works(
            "unshare",
            &[
                "-rnm",
                "--",
                "sh",
                "-c",
                "ip link set lo up && python3 -I -c pass",
            ],
        );
        let pids = ["/sys/fs/cgroup/pids", "/sys/fs/cgroup"]
            .iter()
            .map(PathBuf::from)
            .find(|base| {
                let probe = base.join(format!("snippet-verify-probe-{}", std::process::id()));
                let made = fs::create_dir(&probe).is_ok() && probe.join("pids.max").exists();
                let _ = fs::remove_dir(&probe);
                made
            });
        Isolation {
            namespaces,
            limits,
            bridge_python,
            pids,
        }
    }

    /// No isolation at all: what a caller that wants none passes.
    pub fn none() -> Isolation {
        Isolation {
            namespaces: false,
            limits: false,
            bridge_python: PathBuf::from("python3"),
            pids: None,
        }
    }

    /// What a report says about it.
    pub fn describe(&self) -> String {
        let network = if self.namespaces {
            "network: loopback only (a network namespace); folder and /tmp: tmpfs"
        } else {
            "network: not isolated on this machine (the proxy variables and dummy tokens are the guard)"
        };
        let files = if self.limits {
            "files capped (prlimit)"
        } else {
            "files not capped (no prlimit)"
        };
        let pids = if self.pids.is_some() {
            "processes capped (pids cgroup)"
        } else {
            "processes not capped"
        };
        format!("{network}; {files}; {pids}")
    }
}

/// How a program ended and what it printed (each capped).
#[derive(Clone, Debug)]
pub struct Ended {
    /// The exit code; `None` when killed by a signal or the deadline.
    pub code: Option<i32>,
    /// Whether the deadline killed it.
    pub timed_out: bool,
    /// Its standard output, lossily decoded, at most the cap.
    pub stdout: String,
    /// Its standard error, the same.
    pub stderr: String,
    /// Whether its output reached the file-size cap.
    pub capped: bool,
}

/// Runs `program args` with the environment `env` only. `inputs` is a folder holding
/// the files it reads (the script, samples, `node_modules` links): when isolated,
/// they are copied into a tmpfs and the program runs there; else it runs in
/// `inputs`. Output goes to files beside `inputs` (in [`beside`]`(inputs, "out")`).
///
/// `program` may also live outside `inputs`, named by an absolute path or found on
/// `env`'s `PATH`: a compiled binary, a venv's Python, `java` with classes under
/// `target/` (the project's conformance suite runs its real-host cases so). The
/// mount namespace hides only the tmpfs's folder and `/tmp`: what a run reads
/// outside `inputs` must not be under `/tmp`, and what it writes in its folder is
/// not copied back.
pub fn run(
    isolation: &Isolation,
    bounds: &Bounds,
    program: &Path,
    args: &[String],
    env: &[(String, String)],
    inputs: &Path,
    proxy_port: u16,
) -> Ended {
    let outputs = beside(inputs, "out");
    let (out_path, err_path) = (outputs.join("stdout"), outputs.join("stderr"));
    let files = fs::create_dir_all(&outputs)
        .and_then(|()| Ok((File::create(&out_path)?, File::create(&err_path)?)));
    let (out, err) = match files {
        Ok(files) => files,
        Err(error) => return not_started(program, &error),
    };
    let work = beside(inputs, "run");
    let cgroup = isolation.pids.as_ref().and_then(|base| {
        let dir = base.join(format!(
            "snippet-verify-{}-{}",
            std::process::id(),
            inputs
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default()
        ));
        fs::create_dir(&dir).ok()?;
        fs::write(dir.join("pids.max"), bounds.processes.to_string()).ok()?;
        Some(dir)
    });
    let bridge = if isolation.namespaces {
        // A socket's path has a length limit (108 bytes): a long folder's goes to /tmp.
        let mut socket = outputs.join("proxy.sock");
        if socket.as_os_str().len() > 100 {
            let name = inputs
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            socket = PathBuf::from(format!(
                "/tmp/snippet-verify-{}-{name}.sock",
                std::process::id()
            ));
        }
        let script = outputs.join("bridge.py");
        match fs::write(&script, super::bridge::INSIDE)
            .and_then(|()| super::bridge::Bridge::start(&socket, proxy_port))
        {
            Ok(bridge) => Some((bridge, socket, script)),
            Err(error) => return not_started(program, &error),
        }
    } else {
        None
    };
    let inside = bridge
        .as_ref()
        .map(|(_, socket, script)| (socket.as_path(), script.as_path(), proxy_port));
    let mut command = wrapped(
        isolation,
        bounds,
        program,
        args,
        inputs,
        &work,
        inside,
        cgroup.as_deref(),
    );
    let home = if isolation.namespaces { &work } else { inputs };
    command
        .env_clear()
        .envs(env.iter().map(|(k, v)| (k, v)))
        .env("HOME", home)
        .env("TMPDIR", home)
        .current_dir(inputs)
        .stdin(Stdio::null())
        .stdout(out)
        .stderr(err)
        .process_group(0);
    let mut child = match command.spawn() {
        Ok(child) => child,
        Err(error) => {
            if let Some(dir) = &cgroup {
                let _ = fs::remove_dir(dir);
            }
            return not_started(program, &error);
        }
    };
    let (code, timed_out) = match wait_or_end_group(&mut child, bounds.timeout) {
        Some(status) => (status.code(), false),
        None => (None, true),
    };
    // What is left: the bridge inside, a process that left the group. The cgroup
    // holds them all.
    if let Some(dir) = &cgroup {
        end_cgroup(dir);
    }
    drop(bridge);
    let read = |path: &Path| {
        let bytes = fs::read(path).unwrap_or_default();
        String::from_utf8_lossy(&bytes[..bytes.len().min(1 << 20)]).into_owned()
    };
    let size = |path: &Path| fs::metadata(path).map_or(0, |meta| meta.len());
    Ended {
        code,
        timed_out,
        capped: isolation.limits && size(&out_path).max(size(&err_path)) >= bounds.file_bytes,
        stdout: read(&out_path),
        stderr: read(&err_path),
    }
}

/// The command that runs `program` within `bounds` as `isolation` allows. `inside`:
/// the bridge's socket, its script and the proxy's port, when isolated.
#[allow(clippy::too_many_arguments)]
fn wrapped(
    isolation: &Isolation,
    bounds: &Bounds,
    program: &Path,
    args: &[String],
    inputs: &Path,
    work: &Path,
    inside: Option<(&Path, &Path, u16)>,
    cgroup: Option<&Path>,
) -> Command {
    let mut argv: Vec<OsString> = Vec::new();
    if let Some(cgroup) = cgroup {
        // The shell joins the cgroup, then becomes the rest of the command.
        argv.extend([
            "sh".into(),
            "-c".into(),
            "echo $$ > \"$0\" && exec \"$@\"".into(),
        ]);
        argv.push(cgroup.join("cgroup.procs").into());
    }
    if isolation.limits {
        argv.extend([
            "prlimit".into(),
            format!("--fsize={}", bounds.file_bytes).into(),
            "--".into(),
        ]);
    }
    if let (true, Some((socket, script, port))) = (isolation.namespaces, inside) {
        let _ = fs::create_dir_all(work);
        let size = bounds.disk_bytes;
        // Inside: loopback up and the bridge on it; a tmpfs on the work folder holding
        // a copy of the inputs, one on /tmp unless the work folder is under it; the
        // program runs in the copy.
        let script_text = format!(
            "fail() {{ echo \"verify: the sandbox could not be prepared: $1\" >&2; exit 97; }}
ip link set lo up || fail 'loopback'
(\"$4\" -S -E \"$2\" \"$3\" {port} \"$3.ready\" </dev/null >/dev/null 2>&1 &)
n=0
while [ ! -e \"$3.ready\" ] && [ \"$n\" -lt 500 ]; do sleep 0.01; n=$((n+1)); done
[ -e \"$3.ready\" ] || fail 'bridge'
mount -t tmpfs -o size={size} tmpfs \"$1\" || fail 'tmpfs'
cp -R \"$0\"/. \"$1\"/ || fail 'copy'
case \"$1\" in /tmp/*) ;; *) mount -t tmpfs -o size={size} tmpfs /tmp || fail '/tmp' ;; esac
cd \"$1\" || fail 'cd'
shift 4
exec \"$@\""
        );
        for arg in ["unshare", "-rnm", "--", "sh", "-c", &script_text] {
            argv.push(arg.into());
        }
        argv.push(inputs.into());
        argv.push(work.into());
        argv.push(script.into());
        argv.push(socket.into());
        argv.push(isolation.bridge_python.clone().into());
    }
    argv.push(program.into());
    argv.extend(args.iter().map(OsString::from));
    let mut command = Command::new(&argv[0]);
    command.args(&argv[1..]);
    command
}

/// Kills every process still in `dir`'s cgroup, then removes it (a process that is
/// still exiting keeps it busy for a moment: the removal is tried again).
/// Waits for `child`, started as the leader of its own process group
/// (`process_group(0)`), until `timeout`; past it, kills the whole group (what the
/// child started too) and returns `None`.
pub(super) fn wait_or_end_group(child: &mut Child, timeout: Duration) -> Option<ExitStatus> {
    let deadline = Instant::now() + timeout;
    loop {
        match child.try_wait() {
            Ok(Some(status)) => return Some(status),
            Ok(None) if Instant::now() < deadline => std::thread::sleep(Duration::from_millis(10)),
            _ => {
                // The group id is the child's pid.
                let _ = Command::new("kill")
                    .args(["-KILL", "--", &format!("-{}", child.id())])
                    .stderr(Stdio::null())
                    .status();
                let _ = child.kill();
                let _ = child.wait();
                return None;
            }
        }
    }
}

fn end_cgroup(dir: &Path) {
    for _ in 0..100 {
        let procs = fs::read_to_string(dir.join("cgroup.procs")).unwrap_or_default();
        let pids: Vec<&str> = procs.split_whitespace().collect();
        if pids.is_empty() && fs::remove_dir(dir).is_ok() {
            return;
        }
        if !pids.is_empty() {
            let _ = Command::new("kill")
                .arg("-KILL")
                .args(&pids)
                .stderr(Stdio::null())
                .status();
        }
        std::thread::sleep(Duration::from_millis(20));
    }
}

fn not_started(program: &Path, error: &io::Error) -> Ended {
    Ended {
        code: None,
        timed_out: false,
        stdout: String::new(),
        stderr: format!("cannot run {}: {error}", program.display()),
        capped: false,
    }
}

/// The folder beside `inputs` that [`run`] keeps its outputs in (`what` = `"out"`) or
/// runs in when isolated (`"run"`): `inputs`'s name with `.<what>` appended, not in
/// place of an extension, so that folders whose names hold a dot (`a.md__1`,
/// `a.md__2`) never share one.
pub fn beside(inputs: &Path, what: &str) -> PathBuf {
    let mut name = inputs.as_os_str().to_owned();
    name.push(".");
    name.push(what);
    PathBuf::from(name)
}

/// A fresh folder `name` under `base`, readable and writable by the run's user.
pub(crate) fn folder(base: &Path, name: &str) -> io::Result<PathBuf> {
    use std::os::unix::fs::PermissionsExt;
    let dir = base.join(name);
    for path in [dir.clone(), beside(&dir, "out"), beside(&dir, "run")] {
        let _ = fs::remove_dir_all(&path);
    }
    fs::create_dir_all(&dir)?;
    fs::set_permissions(&dir, fs::Permissions::from_mode(0o777))?;
    Ok(dir)
}
