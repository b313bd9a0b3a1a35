//! `obs-cost init`: the values of a scenario (flags, then the terminal's answers, then the
//! defaults), checked against their ranges, written as the commented scenario of
//! `scenario::template`. Also the scenario `plan --usage` and `report --usage` plan without
//! `--scenario`: the same text, never written, so both give the same plan.

use std::io::{BufRead, IsTerminal, Write};
use std::path::{Component, Path, PathBuf};

use anyhow::{bail, Context, Result};

use crate::cli::{InitArgs, StarterArgs};
use crate::output;
use crate::pricing::PriceBook;
use crate::scenario::defaults::{self, Ask, Starter};
use crate::scenario::template::{self, SnapshotInfo, Template};
use crate::scenario::{self, LoadedScenario};
use crate::units::group_thousands;

/// Longest answer read at the prompt, bytes.
const MAX_ANSWER_BYTES: u64 = 1024;

/// The flag's text of each value, as given.
fn given_text(args: &StarterArgs, ask: Ask) -> Option<&str> {
    match ask {
        Ask::Region => args.region.as_deref(),
        Ask::Team => args.team.as_deref(),
        Ask::OpsFte => args.ops_fte.as_deref(),
        Ask::Dau => args.dau.as_deref(),
        Ask::DowntimeCost => args.downtime_cost_per_minute.as_deref(),
        Ask::OpsBurden => args.ops_burden.as_deref(),
        Ask::LoadedCost => args.loaded_monthly_cost.as_deref(),
        Ask::Availability => args.availability.as_deref(),
    }
}

/// Refuses scenario values given next to a scenario file (they would be silently ignored).
pub fn refuse_with_scenario(args: &StarterArgs) -> Result<()> {
    let mut flags: Vec<&str> = Ask::ALL.iter().filter(|a| given_text(args, **a).is_some()).map(|a| a.flag()).collect();
    if args.name.is_some() {
        flags.push("--name");
    }
    if !flags.is_empty() {
        bail!(
            "{} only apply to --usage FILE without a scenario (a scenario file or a saved plan has its own values)\nhint: edit the scenario file instead, or drop --scenario to plan --usage FILE with these values",
            flags.join(", ")
        );
    }
    Ok(())
}

/// Checks a scenario name: 1 to 64 letters, digits, `.`, `_`, `-`, not starting with `.` or `-`.
fn check_name(name: &str) -> Result<()> {
    let ok = (1..=64).contains(&name.len())
        && name.chars().all(|c| c.is_ascii_alphanumeric() || "._-".contains(c))
        && !name.starts_with(['.', '-']);
    if !ok {
        let shown: String = name.chars().take(64).filter(|c| !c.is_control()).collect();
        bail!(
            "--name '{shown}' is not a scenario name: give 1 to 64 letters, digits, '.', '_' or '-', not starting with '.' or '-'\nhint: e.g. --name my-stack"
        );
    }
    Ok(())
}

/// The values given by flags, checked; the values not given keep their defaults.
fn from_flags(args: &StarterArgs, name: String, regions: &[&str]) -> Result<(Starter, Vec<Ask>)> {
    check_name(&name)?;
    let mut values = Starter { name, ..Starter::default() };
    let mut given = Vec::new();
    for ask in Ask::ALL {
        if let Some(text) = given_text(args, ask) {
            ask.set(&mut values, text, regions).map_err(|why| anyhow::anyhow!("{why}\nhint: nothing was written"))?;
            given.push(ask);
        }
    }
    Ok((values, given))
}

/// Asks each missing value on the terminal until the answer is in range; Enter takes the default.
fn prompt(values: &mut Starter, given: &mut Vec<Ask>, regions: &[&str]) -> Result<()> {
    let stdin = std::io::stdin();
    let mut input = stdin.lock();
    let mut err = std::io::stderr();
    let missing: Vec<Ask> = Ask::ASKED.iter().copied().filter(|a| !given.contains(a)).collect();
    for ask in missing {
        loop {
            write!(err, "{} ({}) [{}]: ", ask.question(), ask.range(values.engineers, regions), ask.shown(values))?;
            err.flush()?;
            let mut line = String::new();
            let n = std::io::Read::take(&mut input, MAX_ANSWER_BYTES)
                .read_line(&mut line)
                .context("cannot read the answer")?;
            if n == 0 {
                bail!(
                    "no answer for {} (end of input)\nhint: give {} on the command line, or --yes to take the defaults",
                    ask.flag(),
                    ask.flag()
                );
            }
            if line.trim().is_empty() {
                break;
            }
            match ask.set(values, &line, regions) {
                Ok(()) => {
                    given.push(ask);
                    break;
                }
                Err(why) => writeln!(err, "  {why}")?,
            }
        }
    }
    Ok(())
}

/// `path` written relative to `dir` when both are relative to the same place, else absolute.
fn relative(path: &Path, dir: &Path) -> String {
    fn normal(p: &Path) -> Option<Vec<Component<'_>>> {
        let mut out: Vec<Component<'_>> = Vec::new();
        for c in p.components() {
            match c {
                Component::CurDir => {}
                Component::ParentDir => {
                    out.pop()?;
                }
                other => out.push(other),
            }
        }
        Some(out)
    }
    let absolute = |p: &Path| std::path::absolute(p).unwrap_or_else(|_| p.to_path_buf());
    let (target, base) = (absolute(path), absolute(dir));
    let (Some(t), Some(b)) = (normal(&target), normal(&base)) else { return target.display().to_string() };
    let common = t.iter().zip(&b).take_while(|(x, y)| x == y).count();
    if common == 0 {
        return target.display().to_string();
    }
    let mut rel = PathBuf::new();
    for _ in common..b.len() {
        rel.push("..");
    }
    for c in t.get(common..).unwrap_or_default() {
        rel.push(c.as_os_str());
    }
    rel.display().to_string()
}

/// What the scenario says of its snapshot: the path relative to `scenario`, what was measured.
fn snapshot_info(usage: &Path, scenario: &Path) -> Result<SnapshotInfo> {
    let measured = scenario::usage::from_snapshot(usage)?;
    let snapshot = crate::measure::load_snapshot(usage)?;
    let number = |m: &crate::measure::Measured| m.value.map(|v| v.to_string()).filter(|_| m.value.is_some());
    let dir = scenario.parent().filter(|d| !d.as_os_str().is_empty()).unwrap_or(Path::new("."));
    Ok(SnapshotInfo {
        path: relative(usage, dir),
        measured: measured.provenance.keys().cloned().collect(),
        hosts: snapshot
            .hosts
            .iter()
            .map(|h| {
                let gb = h.memory_gb.value.and_then(|v| rust_decimal::Decimal::try_from(v).ok());
                (number(&h.cpus), gb.map(|g| group_thousands(g, 1)))
            })
            .collect(),
    })
}

/// A word of a command line, quoted for a POSIX shell when it needs it.
fn quote(word: &str) -> String {
    if !word.is_empty() && word.chars().all(|c| c.is_ascii_alphanumeric() || "_./=:@,+-".contains(c)) {
        word.to_string()
    } else {
        format!("'{}'", word.replace('\'', r"'\''"))
    }
}

/// The `obs-cost init` command that writes these values.
fn init_command(usage: Option<&Path>, values: &Starter, given: &[Ask], name_given: bool, output: &Path) -> String {
    let mut words = vec!["obs-cost".to_string(), "init".to_string()];
    if let Some(u) = usage {
        words.extend(["--usage".into(), quote(&u.display().to_string())]);
    }
    for ask in Ask::ALL.iter().filter(|a| given.contains(a)) {
        words.extend([ask.flag().to_string(), quote(&ask.shown(values))]);
    }
    if name_given {
        words.extend(["--name".into(), quote(&values.name)]);
    }
    words.extend(["-o".into(), quote(&output.display().to_string())]);
    words.join(" ")
}

/// The default file of a scenario named `name`.
fn default_output(name: &str) -> PathBuf {
    Path::new("scenarios").join(format!("{name}.yaml"))
}

/// Renders the scenario text for values, the snapshot and the file it is written to.
fn render(
    values: &Starter,
    given: &[Ask],
    usage: Option<&Path>,
    output: &Path,
    name_given: bool,
    book: &PriceBook,
) -> Result<String> {
    let regions = book.region_codes();
    let info = usage.map(|u| snapshot_info(u, output)).transpose()?;
    let command = init_command(usage, values, given, name_given, output);
    let path = output.display().to_string();
    Ok(Template { values, given, snapshot: info.as_ref(), regions: &regions, command: &command, path: &path }.render())
}

/// The scenario `plan --usage` and `report --usage` plan without `--scenario`: exactly the text
/// `obs-cost init` writes with the same flags (at its default path), parsed the same way. Prints
/// the assumptions and that init command on stderr.
pub fn starter_scenario(args: &StarterArgs, usage: &Path, book: &PriceBook) -> Result<LoadedScenario> {
    let regions = book.region_codes();
    let name = args.name.clone().unwrap_or_else(|| defaults::NAME.to_string());
    let (values, given) = from_flags(args, name, &regions)?;
    let output = default_output(&values.name);
    let text = render(&values, &given, Some(usage), &output, args.name.is_some(), book)?;
    let loaded = scenario::load_text(&text, &output).context(
        "the scenario obs-cost init would write does not read back; this is a bug in obs-cost, please report it",
    )?;
    let mut err = std::io::stderr().lock();
    writeln!(err, "obs-cost: no --scenario: planning {} with these assumptions:", usage.display())?;
    for line in template::assumptions(&values, &given) {
        writeln!(err, "  {line}")?;
    }
    writeln!(
        err,
        "Write them down to edit them: {}",
        init_command(Some(usage), &values, &given, args.name.is_some(), &output)
    )?;
    writeln!(err)?;
    Ok(loaded)
}

/// `obs-cost init`.
pub fn run(args: &InitArgs, book: &PriceBook) -> Result<()> {
    let regions = book.region_codes();
    let name = args.values.name.clone().unwrap_or_else(|| {
        args.output
            .as_deref()
            .and_then(|o| o.file_stem())
            .and_then(|s| s.to_str())
            .filter(|s| check_name(s).is_ok())
            .unwrap_or(defaults::NAME)
            .to_string()
    });
    let (mut values, mut given) = from_flags(&args.values, name, &regions)?;
    let output = args.output.clone().unwrap_or_else(|| default_output(&values.name));
    if !args.force && std::fs::metadata(&output).is_ok_and(|m| m.is_file()) {
        bail!(
            "'{}' exists; obs-cost init does not overwrite it\nhint: give --force to replace it, or another -o FILE",
            output.display()
        );
    }
    if let Some(usage) = &args.usage {
        // Read the snapshot before asking anything: a bad one fails now, with nothing written.
        snapshot_info(usage, &output)?;
    }
    let missing: Vec<Ask> = Ask::ASKED.iter().copied().filter(|a| !given.contains(a)).collect();
    if !missing.is_empty() && !args.yes {
        if std::io::stdin().is_terminal() && std::io::stderr().is_terminal() {
            prompt(&mut values, &mut given, &regions)?;
        } else {
            let flags: Vec<&str> = missing.iter().map(|a| a.flag()).collect();
            let defaults: Vec<String> =
                missing.iter().map(|a| format!("{} {}", a.flag(), quote(&a.shown(&values)))).collect();
            bail!(
                "missing {} (not a terminal, so nothing is asked)\nhint: give them, or --yes to take the defaults: {}",
                flags.join(", "),
                defaults.join(" ")
            );
        }
    }
    let text = render(&values, &given, args.usage.as_deref(), &output, args.values.name.is_some(), book)?;
    scenario::load_text(&text, &output)
        .context("the scenario obs-cost init writes does not read back; this is a bug in obs-cost, please report it")?;
    output::write_atomic(&output, text.as_bytes())?;
    eprintln!("wrote {} ({} value(s) given, every other key at its default)", output.display(), given.len());
    eprintln!("next: obs-cost plan --scenario {}", quote(&output.display().to_string()));
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn snapshot_paths_are_relative_to_the_scenario() {
        assert_eq!(relative(Path::new("usage.yaml"), Path::new("scenarios")), "../usage.yaml");
        assert_eq!(relative(Path::new("a/usage.yaml"), Path::new("a")), "usage.yaml");
        assert_eq!(relative(Path::new("./x/u.yaml"), Path::new("y/z")), "../../x/u.yaml");
        assert_eq!(relative(Path::new("/tmp/u.yaml"), Path::new("/tmp/s")), "../u.yaml");
    }

    #[test]
    fn command_words_are_quoted_for_the_shell() {
        assert_eq!(quote("usage.yaml"), "usage.yaml");
        assert_eq!(quote("my usage.yaml"), "'my usage.yaml'");
        assert_eq!(quote("it's"), r"'it'\''s'");
        assert!(check_name("my-stack").is_ok());
        assert!(check_name("-x").is_err() && check_name("a b").is_err() && check_name("").is_err());
    }
}
