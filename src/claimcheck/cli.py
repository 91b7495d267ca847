"""The command line: a thin shell over claimcheck's packages. Each command's work lives in the
package it belongs to; this module parses arguments, picks an exit code and prints.

Exit codes: 0 nothing at or above the fail level; 1 findings at or above it; 2 usage, input or
configuration error."""

from __future__ import annotations

import argparse
import json
import os
import sqlite3
import sys
from collections.abc import Callable, Sequence
from enum import IntEnum
from pathlib import Path

from claimcheck.errors import ClaimcheckError, E
from claimcheck.models import FileResult, Finding


class Exit(IntEnum):
    OK = 0
    FINDINGS = 1
    ERROR = 2
    INTERRUPTED = 130  # 128 + SIGINT, as shells report Ctrl-C


_SEVERITY_RANK = {"info": 0, "warning": 1, "error": 2}


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="claimcheck", description="Find the numbers in news writing and check its arithmetic."
    )
    parser.add_argument("--version", action="version", version=_version())
    commands = parser.add_subparsers(dest="command", required=True)

    check = commands.add_parser("check", help="list and check the numeric claims in articles")
    check.add_argument(
        "paths", nargs="+", metavar="PATH", help="files, folders or globs; - for stdin"
    )
    check.add_argument(
        "--exclude", action="append", default=[], metavar="GLOB", help="paths to leave out"
    )
    check.add_argument(
        "--stdin-filename",
        metavar="NAME",
        help="the name (and so the format: .md, .html, .txt) of the text read from stdin",
    )
    check.add_argument(
        "--format",
        choices=("text", "concise", "json", "jsonl", "sarif", "github", "junit", "csv"),
        default="text",
    )
    check.add_argument("--output", "-o", type=Path, help="write the report to FILE, not stdout")
    check.add_argument(
        "--exit-zero", action="store_true", help="exit 0 even when there are findings"
    )
    check.add_argument(
        "--fail-on",
        choices=("error", "warning", "info", "never"),
        help="lowest finding severity that makes the exit code 1 (default: error)",
    )
    check.add_argument(
        "--config", type=Path, help="a config file, instead of the nearest one to each file"
    )
    check.add_argument(
        "--baseline", type=Path, help="silence the problems recorded in this baseline file"
    )
    _add_user_folders(check)
    check.add_argument(
        "--parse",
        action="store_true",
        help="read subjects and predicates with spaCy's parse (loads the model: ~2 s)",
    )

    commands.add_parser("schema", help="print the JSON Schema of the check output")

    baseline = commands.add_parser("baseline", help="record today's problems to silence later")
    baseline.add_argument("paths", nargs="+", metavar="PATH")
    baseline.add_argument("--output", "-o", type=Path, default=Path(".claimcheck-baseline.json"))
    baseline.add_argument("--exclude", action="append", default=[], metavar="GLOB")

    audit = commands.add_parser(
        "audit",
        help="audit many articles into a database (or: audit summary|export DB)",
        description="claimcheck audit INPUT... audits files, folders and .jsonl/.csv/.parquet "
        "archives into SQLite, resumably; claimcheck audit summary DB reads the results.",
    )
    audit.add_argument("inputs", nargs="+", metavar="INPUT")
    audit.add_argument("--db", type=Path, default=Path("claimcheck-audit.sqlite"))
    audit.add_argument("--jobs", "-j", type=_positive(int), default=os.cpu_count() or 1)
    audit.add_argument("--batch-size", type=_positive(int), default=50)
    audit.add_argument("--rerun", action="store_true", help="audit again what is already done")
    audit.add_argument("--parse", action="store_true")
    _add_user_folders(audit)
    audit.add_argument("--engine", choices=("local", "dask"), default="local")
    audit.add_argument(
        "--scheduler", metavar="ADDRESS", help="a Dask scheduler (default: a local cluster)"
    )
    audit.add_argument(
        "--format", choices=("csv", "jsonl", "claimreview"), default="csv", help="for export"
    )
    for name in ("id", "text", "url", "title", "date"):
        audit.add_argument(f"--{name}-field", metavar="NAME", help=f"the archive's {name} field")

    serve = commands.add_parser(
        "serve",
        help="the page and HTTP API for checking drafts",
        description="Serves the subeditor's page at / and the API at /api (docs at /docs).",
    )
    serve.add_argument(
        "--host", default="127.0.0.1", help="(default: 127.0.0.1, this machine only)"
    )
    serve.add_argument("--port", type=_positive(int), default=8000, help="(default: 8000)")
    serve.add_argument(
        "--workers",
        type=_positive(int),
        default=os.cpu_count() or 1,
        help="check processes (default: one per core)",
    )
    serve.add_argument(
        "--parse", action="store_true", help="with spaCy's parse, as check --parse (slower)"
    )
    _add_user_folders(serve)
    serve.add_argument(
        "--max-bytes",
        type=_positive(int),
        default=2 * 1024 * 1024,
        help="largest request body (default: 2 MB)",
    )
    serve.add_argument(
        "--timeout", type=_positive(float), default=10.0, help="seconds a check may take (10)"
    )

    config = commands.add_parser("config", help="the effective configuration")
    config.add_argument("action", choices=("show",))
    config.add_argument("path", nargs="?", default=".", help="where to look from (default: .)")
    config.add_argument("--config", type=Path, help="this config file instead")

    rules = commands.add_parser("rules", help="list the rules, or explain one")
    rules.add_argument("code", nargs="?", help="a rule code or name, e.g. CC101")

    evaluate = commands.add_parser(
        "eval", help="measure extraction and checks against a gold corpus"
    )
    evaluate.add_argument(
        "corpus",
        nargs="*",
        help="annotated folders (default: corpus/; with --cv, corpus/ and the shared samples)",
    )
    evaluate.add_argument(
        "--no-baselines", action="store_true", help="skip spaCy NER and quantulum3"
    )
    evaluate.add_argument("--parse", action="store_true", help="claimcheck with spaCy's parse")
    evaluate.add_argument(
        "--cv",
        type=_positive(int),
        metavar="K",
        help="grouped K-fold cross-validation of the linker by article (needs the train extra)",
    )
    evaluate.add_argument(
        "--sweep",
        action="store_true",
        help="with --cv: the figures for each set of decision thresholds, to choose them by",
    )
    training = commands.add_parser(
        "train", help="rebuild the linker's scorer from annotated folders (needs the train extra)"
    )
    training.add_argument(
        "folders", nargs="*", help="annotated folders (default: corpus/ and the shared samples)"
    )
    training.add_argument(
        "--output", type=Path, help="where to write the model (default: the shipped one)"
    )
    return parser


def _add_user_folders(command: argparse.ArgumentParser) -> None:
    command.add_argument(
        "--rules",
        action="append",
        type=Path,
        default=[],
        metavar="DIR",
        help="a folder of rule files (CC*.yaml) that add to or replace the shipped rules",
    )
    command.add_argument(
        "--lexicon",
        action="append",
        type=Path,
        default=[],
        metavar="DIR",
        help="a folder of lexicon files (*.yaml) whose entries extend the shipped lexicons",
    )


def _user_folders(args: argparse.Namespace) -> tuple[tuple[Path, ...], tuple[Path, ...]]:
    """(rule folders, lexicon folders) from --rules and --lexicon, each checked to exist."""
    for folder in (*args.rules, *args.lexicon):
        if not folder.is_dir():
            raise ClaimcheckError(E.E006, path=folder, reason="not a folder")
    return tuple(args.rules), tuple(args.lexicon)


def _positive(kind: type[int] | type[float]) -> Callable[[str], float]:
    """An argparse type: a number above zero, or a usage error (exit 2) that says so."""

    def parse(text: str) -> float:
        try:
            value = kind(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"not a number: {text!r}") from None
        if value <= 0:
            raise argparse.ArgumentTypeError(f"must be above zero: {text}")
        return value

    return parse


def _version() -> str:
    from claimcheck import __version__

    return f"claimcheck {__version__}"


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        if args.command == "check":
            return _check(args)
        if args.command == "schema":
            return _schema()
        if args.command == "rules":
            return _rules(args.code)
        if args.command == "config":
            return _config_show(args)
        if args.command == "baseline":
            return _baseline(args)
        if args.command == "audit":
            return _audit(args)
        if args.command == "serve":
            return _serve(args)
        if args.command == "eval":
            return _evaluate(args)
        if args.command == "train":
            from claimcheck.evaluate.train import default_folders, train
            from claimcheck.link.scorer import model_path

            folders = [Path(f) for f in args.folders] or default_folders()
            print(train(folders, args.output or model_path()))
            return Exit.OK
    except ClaimcheckError as exc:
        print(f"claimcheck: {exc}", file=sys.stderr)
        return Exit.ERROR
    return Exit.ERROR


def _evaluate(args: argparse.Namespace) -> int:
    if args.cv:
        from claimcheck.evaluate.crossval import run_cv
        from claimcheck.evaluate.train import default_folders

        print(run_cv([Path(f) for f in args.corpus] or default_folders(), args.cv, args.sweep))
        return Exit.OK
    from claimcheck.evaluate.run import run_eval

    for corpus in args.corpus or ["corpus"]:
        print(run_eval(corpus, baselines=not args.no_baselines, syntax=args.parse))
    return Exit.OK


def _check(args: argparse.Namespace) -> int:
    from claimcheck.api import Checker
    from claimcheck.config import apply_rule_settings, find_config, load_config
    from claimcheck.discover import expand
    from claimcheck.models import Report
    from claimcheck.report import RENDERERS

    user_rules, user_lexicons = _user_folders(args)
    here = load_config(args.config or find_config(Path.cwd()))
    paths = expand(args.paths, [*here.settings.exclude, *args.exclude])
    groups: dict[Path | None, list[int]] = {}
    for n, path in enumerate(paths):
        located = args.config or find_config(Path.cwd() if path == "-" else Path(path))
        groups.setdefault(located, []).append(n)
    results: list[FileResult | None] = [None] * len(paths)
    for located, members in groups.items():
        config = load_config(located)
        checker = Checker(
            syntax=args.parse or config.settings.parse,
            extra_rules=(*config.settings.rules_folders, *user_rules),
            extra_lexicons=(*config.settings.lexicon_folders, *user_lexicons),
        )
        checker.rules = apply_rule_settings(checker.rules, config)
        checked = checker.check_paths([paths[n] for n in members], stdin_name=args.stdin_filename)
        for n, result in zip(members, checked.files, strict=True):
            results[n] = result
    report = Report(files=[result for result in results if result is not None])
    if args.baseline is not None:
        from claimcheck.baseline import load, silence

        report = silence(report, load(args.baseline))
    for result in report.files:
        if result.error is not None:
            print(f"claimcheck: {result.error}", file=sys.stderr)
    colour = args.output is None and sys.stdout.isatty() and "NO_COLOR" not in os.environ
    rendered = RENDERERS[args.format](report, colour)
    if args.output is not None:
        args.output.write_text(rendered, encoding="utf-8")
    else:
        sys.stdout.write(rendered)
    if any(result.error is not None for result in report.files):
        return Exit.ERROR
    fail_on = args.fail_on or here.settings.fail_on
    if fail_on == "never" or args.exit_zero:
        return Exit.OK
    floor = _SEVERITY_RANK[fail_on]
    failing = [
        finding
        for result in report.files
        for finding in result.findings
        if finding.verdict.value == "inconsistent"
        and _SEVERITY_RANK[finding.severity.value] >= floor
    ]
    return Exit.FINDINGS if failing else Exit.OK


def _serve(args: argparse.Namespace) -> int:
    from claimcheck.serve import Settings, serve

    rules, lexicons = _user_folders(args)
    settings = Settings(
        syntax=args.parse,
        rules=rules,
        lexicons=lexicons,
        workers=max(1, args.workers),
        max_bytes=args.max_bytes,
        timeout=args.timeout,
    )
    serve(args.host, args.port, settings)
    return Exit.OK


def _audit(args: argparse.Namespace) -> int:
    if args.inputs[0] in ("summary", "export") and len(args.inputs) == 2:
        from claimcheck.audit.export import export
        from claimcheck.audit.summary import summary

        database = Path(args.inputs[1])
        if not database.is_file():
            raise ClaimcheckError(E.E001, path=database)
        read = summary if args.inputs[0] == "summary" else lambda db: export(db, args.format)
        try:
            sys.stdout.write(read(database))
        except sqlite3.DatabaseError as exc:
            raise ClaimcheckError(E.E016, path=database, problem=str(exc)) from exc
        return Exit.OK
    from claimcheck.api import CheckerOptions
    from claimcheck.audit import run_audit
    from claimcheck.audit.sources import Fields
    from claimcheck.audit.summary import latest_run_errors

    rules, lexicons = _user_folders(args)

    fields = Fields(
        id=args.id_field or "id",
        text=args.text_field or "text",
        url=args.url_field,
        title=args.title_field,
        date=args.date_field,
    )
    try:
        audited, skipped = run_audit(
            args.inputs,
            args.db,
            fields=fields,
            jobs=args.jobs,
            batch_size=args.batch_size,
            rerun=args.rerun,
            options=CheckerOptions(syntax=args.parse, extra_lexicons=lexicons, extra_rules=rules),
            engine=args.engine,
            scheduler=args.scheduler,
        )
    except KeyboardInterrupt:
        print(
            f"claimcheck: interrupted; every finished batch is saved in {args.db}, and the same "
            "command resumes from there",
            file=sys.stderr,
        )
        return Exit.INTERRUPTED
    errors, first = latest_run_errors(args.db)
    print(
        f"{audited:,} audited ({errors:,} of them errors), {skipped:,} already done; "
        f"results in {args.db}",
        file=sys.stderr,
    )
    for error in first:  # every other article has its result; these could not be checked
        print(f"claimcheck: {error}", file=sys.stderr)
    if errors > len(first):
        print(
            f"claimcheck: and {errors - len(first):,} more errors: audit summary", file=sys.stderr
        )
    return Exit.ERROR if errors else Exit.OK


def _baseline(args: argparse.Namespace) -> int:
    from claimcheck.api import Checker
    from claimcheck.baseline import make
    from claimcheck.discover import expand

    report = Checker().check_paths(expand(args.paths, args.exclude))
    for result in report.files:
        if result.error is not None:
            print(f"claimcheck: {result.error}", file=sys.stderr)
    baseline = make(report)
    args.output.write_text(baseline.model_dump_json(indent=2) + "\n", encoding="utf-8")
    print(f"{len(baseline.findings)} problems recorded in {args.output}", file=sys.stderr)
    return Exit.ERROR if any(r.error for r in report.files) else Exit.OK


def _config_show(args: argparse.Namespace) -> int:
    from claimcheck.config import apply_rule_settings, describe, find_config, load_config
    from claimcheck.rules import load_rules

    config = load_config(args.config or find_config(Path(args.path)))
    rules = apply_rule_settings(load_rules(tuple(config.settings.rules_folders)), config)
    sys.stdout.write(describe(config, rules))
    return Exit.OK


def _rules(code: str | None) -> int:
    from claimcheck.api import Checker
    from claimcheck.report.rule_docs import render_rule, render_rule_list
    from claimcheck.rules import find_rule, load_rules
    from claimcheck.rules.cases import load_cases

    rules = list(load_rules())
    if code is None:
        sys.stdout.write(render_rule_list(rules))
        return Exit.OK
    rule = find_rule(rules, code)
    if rule is None:
        known = ", ".join(r.code for r in rules)
        print(f"claimcheck: no rule '{code}' (known: {known})", file=sys.stderr)
        return Exit.ERROR
    cases = load_cases(rule.code)
    checker = Checker()

    def run(text: str) -> tuple[str, list[Finding]]:
        return text, checker.check_texts([("example", text)])[0].findings

    failing = run(cases.fails[0].text) if cases.fails else None
    passing = run(cases.passes[0].text) if cases.passes else None
    sys.stdout.write(render_rule(rule, failing, passing))
    return Exit.OK


def _schema() -> int:
    from claimcheck.models import Report

    print(json.dumps(Report.model_json_schema(mode="serialization"), indent=2))
    return Exit.OK


if __name__ == "__main__":
    sys.exit(main())
