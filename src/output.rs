//! Writing results: to stdout, or to the file `-o` names. This is the one writer behind every
//! `-o` (and every other file obs-cost writes):
//!
//! - a regular file (or a path that does not exist yet) is written atomically: a temporary file in
//!   the same directory, renamed over the target, so a failed run never leaves a partial file. The
//!   file keeps its mode; a read-only file is refused, never silently replaced;
//! - a symlink is followed and its target written (the link stays a link);
//! - a device (`/dev/null`), a FIFO or a socket is written through, never replaced by a file;
//! - `-`, `/dev/stdout` and `/dev/stderr` (and `/dev/fd/1`, `/proc/self/fd/2`, ...) write to the
//!   process's own stdout or stderr.

use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::{bail, Context, Result};

/// Writes `text` to `path` (see the module docs), or to stdout when `path` is `None`.
pub fn emit(text: &str, path: Option<&Path>) -> Result<()> {
    match path {
        None => write_stream(&mut std::io::stdout().lock(), text.as_bytes()),
        Some(path) => write_atomic(path, text.as_bytes()),
    }
}

fn write_stream(out: &mut dyn Write, bytes: &[u8]) -> Result<()> {
    out.write_all(bytes)?;
    out.flush()?;
    Ok(())
}

/// The standard stream a path names (`-`, `/dev/stdout`, `/dev/fd/1`, `/proc/self/fd/1`, ...).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Stream {
    Stdout,
    Stderr,
}

fn standard_stream(path: &Path) -> Option<Stream> {
    let text = path.to_str()?;
    match text {
        "-" | "/dev/stdout" | "/dev/fd/1" | "/proc/self/fd/1" => Some(Stream::Stdout),
        "/dev/stderr" | "/dev/fd/2" | "/proc/self/fd/2" => Some(Stream::Stderr),
        _ => None,
    }
}

/// Where a path leads once its symlinks are followed.
#[derive(Debug)]
enum Target {
    /// A regular file, or nothing yet: written atomically at this path.
    Regular(PathBuf),
    /// A device, FIFO, socket, or a `/proc` magic link: opened and written through at the path given.
    Special,
}

/// Follows a chain of symlinks (at most 40, as the kernel does) to the path finally written.
fn resolve(path: &Path) -> Result<Target> {
    let mut current = path.to_path_buf();
    for _ in 0..40 {
        if current.starts_with("/proc") || current.starts_with("/dev/fd") {
            // Magic links (`/proc/self/fd/N` → `pipe:[123]`) only make sense when opened.
            return Ok(Target::Special);
        }
        let meta = match std::fs::symlink_metadata(&current) {
            Ok(m) => m,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Target::Regular(current)),
            Err(e) => return Err(e).with_context(|| format!("cannot write '{}'", path.display())),
        };
        let kind = meta.file_type();
        if kind.is_symlink() {
            let link = std::fs::read_link(&current).with_context(|| format!("cannot write '{}'", path.display()))?;
            current = match current.parent() {
                Some(dir) if link.is_relative() => dir.join(link),
                _ => link,
            };
        } else if kind.is_dir() {
            bail!(
                "cannot write '{}': it is a directory\nhint: give a file name, e.g. -o {}/out.txt",
                path.display(),
                path.display()
            );
        } else if kind.is_file() {
            check_writable(path, &current, &meta)?;
            return Ok(Target::Regular(current));
        } else {
            return Ok(Target::Special);
        }
    }
    bail!(
        "cannot write '{}': too many levels of symbolic links\nhint: point -o at a file, not at a symlink loop",
        path.display()
    )
}

/// Refuses a regular file the user may not (or did not mean to) overwrite: one without any write
/// permission bit (root could replace it, which is exactly what must not happen silently), or one
/// that cannot be opened for writing.
fn check_writable(given: &Path, file: &Path, meta: &std::fs::Metadata) -> Result<()> {
    let shown = if given == file {
        format!("'{}'", given.display())
    } else {
        format!("'{}' (→ '{}')", given.display(), file.display())
    };
    if meta.permissions().readonly() {
        bail!(
            "cannot write {shown}: the file is read-only, and obs-cost never replaces a read-only file\nhint: make it writable (chmod u+w '{}') or give another -o path",
            file.display()
        );
    }
    if let Err(e) = std::fs::OpenOptions::new().write(true).open(file) {
        bail!("cannot write {shown}: {e}\nhint: check the file's permissions, or give another -o path");
    }
    Ok(())
}

/// Writes bytes to `path`: atomically for a regular file (temporary file in the same directory,
/// then a rename), through for a device, FIFO or standard stream; symlinks are followed.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<()> {
    match standard_stream(path) {
        Some(Stream::Stdout) => return write_stream(&mut std::io::stdout().lock(), bytes),
        Some(Stream::Stderr) => return write_stream(&mut std::io::stderr().lock(), bytes),
        None => {}
    }
    match resolve(path)? {
        Target::Regular(file) => {
            replace_atomically(&file, bytes).with_context(|| format!("cannot write '{}'", path.display()))
        }
        Target::Special => {
            let mut f = std::fs::OpenOptions::new()
                .write(true)
                .open(path)
                .with_context(|| format!("cannot write '{}'", path.display()))?;
            write_stream(&mut f, bytes).with_context(|| format!("cannot write '{}'", path.display()))
        }
    }
}

fn replace_atomically(path: &Path, bytes: &[u8]) -> Result<()> {
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    std::fs::create_dir_all(dir).with_context(|| format!("cannot create directory '{}'", dir.display()))?;
    let mut tmp = tempfile::Builder::new()
        .prefix(".obs-cost-")
        .tempfile_in(dir)
        .with_context(|| format!("cannot create a temporary file in '{}'", dir.display()))?;
    tmp.write_all(bytes)?;
    // A temporary file is private (0600); the result gets the mode of the file it replaces, or the
    // usual 0644 for a new file, so that reports and snapshots can be shared.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(path).map(|m| m.permissions().mode() & 0o7777).unwrap_or(0o644);
        std::fs::set_permissions(tmp.path(), std::fs::Permissions::from_mode(mode))?;
    }
    tmp.as_file().sync_all()?;
    tmp.persist(path).map_err(|e| e.error)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(dir: &Path) -> Vec<std::ffi::OsString> {
        std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().file_name()).collect()
    }

    #[test]
    fn atomic_write_replaces_the_file_and_leaves_no_temporary() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("sub/out.json");
        write_atomic(&target, b"one").unwrap();
        write_atomic(&target, b"two").unwrap();
        assert_eq!(std::fs::read_to_string(&target).unwrap(), "two");
        assert_eq!(names(&dir.path().join("sub")).len(), 1);
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            assert_eq!(std::fs::metadata(&target).unwrap().permissions().mode() & 0o777, 0o644);
        }
    }

    #[cfg(unix)]
    #[test]
    fn a_symlink_stays_a_link_and_its_target_is_written() {
        let dir = tempfile::tempdir().unwrap();
        let real = dir.path().join("real.txt");
        std::fs::write(&real, "old").unwrap();
        let link = dir.path().join("link.txt");
        std::os::unix::fs::symlink("real.txt", &link).unwrap();
        write_atomic(&link, b"new").unwrap();
        assert!(std::fs::symlink_metadata(&link).unwrap().file_type().is_symlink());
        assert_eq!(std::fs::read_to_string(&real).unwrap(), "new");
        // A dangling link creates its target.
        let dangling = dir.path().join("dangling");
        std::os::unix::fs::symlink("made.txt", &dangling).unwrap();
        write_atomic(&dangling, b"x").unwrap();
        assert_eq!(std::fs::read_to_string(dir.path().join("made.txt")).unwrap(), "x");
        // A loop is an error, not a hang.
        std::os::unix::fs::symlink("loop-b", dir.path().join("loop-a")).unwrap();
        std::os::unix::fs::symlink("loop-a", dir.path().join("loop-b")).unwrap();
        let err = write_atomic(&dir.path().join("loop-a"), b"x").unwrap_err().to_string();
        assert!(err.contains("symbolic links"), "{err}");
    }

    #[cfg(unix)]
    #[test]
    fn a_read_only_file_is_refused_and_kept() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("ro.txt");
        std::fs::write(&file, "keep").unwrap();
        std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o444)).unwrap();
        let err = format!("{:#}", write_atomic(&file, b"new").unwrap_err());
        assert!(err.contains("read-only") && err.contains("hint:"), "{err}");
        assert_eq!(std::fs::read_to_string(&file).unwrap(), "keep");
        assert_eq!(names(dir.path()).len(), 1);
    }

    #[test]
    fn a_directory_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let err = format!("{:#}", write_atomic(dir.path(), b"x").unwrap_err());
        assert!(err.contains("is a directory") && err.contains("hint:"), "{err}");
    }

    #[cfg(unix)]
    #[test]
    fn dev_null_is_written_through() {
        write_atomic(Path::new("/dev/null"), b"discarded").unwrap();
        use std::os::unix::fs::FileTypeExt;
        assert!(std::fs::metadata("/dev/null").unwrap().file_type().is_char_device());
    }
}
